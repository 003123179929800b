/**
 * Layers: tools/ are leaves. The server and the engine never import them, so a tool can
 * change (or be left out of a deployment) without touching what players run.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSpecifiers, listSourceFiles } from "../../tools/checkPurity.ts";

const root = path.resolve(import.meta.dirname, "../..");
const toolsDir = path.join(root, "tools");

/** `file:line: specifier` for each import of `source` (a file at `file`) that lands in tools/. */
function importsOfTools(file: string, source: string): string[] {
  return importSpecifiers(source)
    .filter(({ specifier }) => specifier.startsWith("."))
    .filter(({ specifier }) => {
      const target = path.resolve(path.dirname(file), specifier);
      return target === toolsDir || target.startsWith(toolsDir + path.sep);
    })
    .map(({ line, specifier }) => `${path.relative(root, file)}:${line}: ${specifier}`);
}

describe("layers", () => {
  for (const dir of ["server", "shared"]) {
    it(`nothing in ${dir}/ imports tools/`, () => {
      const files = listSourceFiles(path.join(root, dir));
      expect(files.length).toBeGreaterThan(0);
      const offences = files.flatMap((f) => importsOfTools(f, readFileSync(f, "utf8")));
      expect(offences).toEqual([]);
    });
  }

  it("sees an import of tools/ (static, dynamic, re-export) and ignores others", () => {
    const file = path.join(root, "server", "http", "x.ts");
    const source = [
      'import { a } from "../../tools/cli.ts";',
      'const b = await import("../../tools/lab.ts");',
      'export { c } from "../../tools/";',
      '// import { d } from "../../tools/cli.ts";',
      'import { e } from "../scenarios.ts";',
      'import { f } from "../../shared/rules/util.ts";',
      'import { g } from "../../toolsmith/x.ts";',
    ].join("\n");
    expect(importsOfTools(file, source)).toEqual([
      "server/http/x.ts:1: ../../tools/cli.ts",
      "server/http/x.ts:2: ../../tools/lab.ts",
      "server/http/x.ts:3: ../../tools/",
    ]);
  });
});
