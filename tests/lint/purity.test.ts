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
