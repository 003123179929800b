/**
 * stateHash: a fingerprint of a JSON value that does not depend on key order.
 * Used to prove that a game restored from its log equals the game that wrote it.
 */
import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every depth and arrays kept in order. Follows
 * JSON.stringify for the rest: undefined/function members are dropped from objects
 * and become null in arrays, non-finite numbers become null, toJSON() is honoured.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? "null";
}

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === "object") {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === "function") return write(withToJson.toJSON());
    if (Array.isArray(value)) return `[${value.map((v) => write(v) ?? "null").join(",")}]`;
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const v = write(record[key]);
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** sha256 hex of the canonical JSON of `value`. */
export function stateHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
