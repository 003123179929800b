/**
 * Secrets and join codes. Tokens are stored only as hashes; join codes avoid
 * characters people confuse when reading them off a screen (0/O, 1/I/L, U/V).
 */
import { createHash, randomBytes, randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
const MAX_CODE_ATTEMPTS = 1000;

/** 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** sha256 hex of a token: what the database keeps. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh 6-character join code; `exists` says whether a code is taken. Throws after 1000 collisions. */
export function newJoinCode(exists: (code: string) => boolean): string {
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
    let code = "";
    for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
      code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    }
    if (!exists(code)) return code;
  }
  throw new Error("could not find a free join code");
}

/**
 * A code as a user typed it → the canonical code, or null. Uppercases, drops
 * whitespace and dashes; anything else must be 6 characters of the alphabet.
 * Look-alikes (0 O 1 I L U) are not in the alphabet, so they cannot be mapped
 * to a valid character and the input is rejected.
 */
export function normaliseCode(input: string): string | null {
  if (typeof input !== "string") return null;
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}
