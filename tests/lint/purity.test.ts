import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDirectory, checkSource, formatOffence } from "../../tools/checkPurity.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("purity of shared/", () => {
  it("has no forbidden calls or imports", () => {
    const report = checkDirectory(path.join(root, "shared"), root);
    expect(report.offences.map(formatOffence)).toEqual([]);
  });
});

describe("checkSource", () => {
  it("flags Math.random with file and line", () => {
    const source = ["export function roll(): number {", "  return Math.random();", "}"].join("\n");
    const offences = checkSource(source, "shared/rules/fixture.ts");
    expect(offences.map(formatOffence)).toEqual([
      expect.stringMatching(/^shared\/rules\/fixture\.ts:2: Math\.random/),
    ]);
  });

  it("flags clocks, process, require and forbidden imports", () => {
    const source = [
      'import { readFileSync } from "node:fs";',
      'import fs from "fs";',
      'import { Room } from "@colyseus/core";',
      'import type Phaser from "phaser";',
      'const lazy = await import("node:path");',
      "const a = Date.now();",
      "const b = new Date();",
      "const c = performance.now();",
      "const d = process.env.SEED;",
      'const e = require("./x");',
    ].join("\n");
    const lines = checkSource(source, "x.ts").map((offence) => offence.line);
    expect(lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("ignores comments, look-alike names and pure imports", () => {
    const source = [
      "// Math.random would break replays",
      "/* new Date() */",
      " * Date.now is not used here",
      "const rng = state.random; // unlike Math.random",
      "const x = game.process.step; const y = subprocess.x; const z = new DateRange();",
      'import { applyAction } from "./reducer.ts";',
      'import { z } from "zod";',
    ].join("\n");
    expect(checkSource(source, "x.ts")).toEqual([]);
  });
});

describe("module-level state", () => {
  const lines = (source: string[], file = "shared/rules/fixture.ts") =>
    checkSource(source.join("\n"), file).map(
      (o) => `${o.line}: ${/^module-level state "([^"]+)"/.exec(o.message)?.[1] ?? o.message}`,
    );

  it("flags a new module-level cache: a let, a collection, or a const the module changes", () => {
    const source = [
      "const seen = new WeakMap<object, number>();",
      "let last: string | null = null;",
      "export var count = 0;",
      "const memo: Record<string, number> = {};",
      "const ids: string[] = [];",
      "export function f(k: string): number {",
      "  memo[k] = 1;",
      "  ids.push(k);",
      "  return seen.get({}) ?? 0;",
      "}",
    ];
    expect(lines(source)).toEqual(["1: seen", "2: last", "3: count", "4: memo", "5: ids"]);
  });

  it("leaves locals, unchanged tables and reads alone", () => {
    const source = [
      "const TABLE = { a: 1, b: 2 } as const;",
      "const LIST: readonly string[] = ['x'];",
      "export function g(k: string): number {",
      "  let n = 0;",
      "  const m = new Map<string, number>();",
      "  m.set(k, TABLE.a);",
      "  if (TABLE.b === n) n++;",
      "  return LIST.length + n + (m.get(k) ?? 0);",
      "}",
    ];
    expect(lines(source)).toEqual([]);
  });

  it("lets through what MODULE_STATE_ALLOWED names, in its own file only", () => {
    const source = ["const pairKeys = new Map<string, Map<string, string>>();"];
    expect(lines(source, "shared/rules/util.ts")).toEqual([]);
    expect(lines(source, "shared/rules/other.ts")).toEqual(["1: pairKeys"]);
  });

  it("flags an allow-list entry whose state is gone", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "purity-"));
    try {
      mkdirSync(path.join(dir, "shared", "rules"), { recursive: true });
      writeFileSync(path.join(dir, "shared", "rules", "util.ts"), "export const x = 1;\n");
      const report = checkDirectory(path.join(dir, "shared"), dir);
      expect(report.offences.map(formatOffence)).toEqual([
        expect.stringMatching(
          /^shared\/rules\/util\.ts:1: MODULE_STATE_ALLOWED names "shared\/rules\/util\.ts#pairKeys"/,
        ),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
