/**
 * docs/PROTOCOL.md lists the event cards a host may inject and the bounds of a
 * custom card's effects. These lists are written by hand for readers; this test
 * holds them to the scenario files and to the effect schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventEffectSchema } from "../../shared/scenario/schema.ts";

const doc = readFileSync(join(import.meta.dirname, "../../docs/PROTOCOL.md"), "utf8");
const between = (tag: string) => {
  const m = doc.match(new RegExp(`<!-- ${tag}:begin -->([\\s\\S]*?)<!-- ${tag}:end -->`));
  if (!m) throw new Error(`no ${tag} block in PROTOCOL.md`);
  return m[1] as string;
};
const scenarioDir = join(import.meta.dirname, "../../assets/scenarios");

describe("PROTOCOL.md: cards and effects for inject", () => {
  it("lists every scenario's deck, in order, and nothing else", () => {
    const listed: Record<string, string[]> = {};
    for (const item of between("cards").split(/\n- /)) {
      const m = item.match(/\*\*([a-z0-9-]+)\*\*:([\s\S]*)/);
      if (m)
        listed[m[1] as string] = [...(m[2] as string).matchAll(/`([^`]+)`/g)].map(
          (x) => x[1] as string,
        );
    }
    const files = readdirSync(scenarioDir).filter((f) => f.endsWith(".json"));
    const decks = Object.fromEntries(
      files.map((f) => {
        const s = JSON.parse(readFileSync(join(scenarioDir, f), "utf8"));
        return [s.id, s.deck.map((c: { id: string }) => c.id)];
      }),
    );
    expect(listed).toEqual(decks);
  });

  it("lists every effect kind with the schema's bounds", () => {
    const rows = new Map<string, string>();
    for (const line of between("effects").split("\n")) {
      const m = line.match(/^\| `(\w+)`\s*\|(.*)\|$/);
      if (m) rows.set(m[1] as string, m[2] as string);
    }
    const num = (x: number) => (x < 0 ? `−${-x}` : String(x));
    const kinds: string[] = [];
    for (const option of eventEffectSchema.options) {
      const shape = option.shape as Record<string, { def: { type: string; element?: unknown } }>;
      const kind = (shape.kind as unknown as { value: string }).value;
      kinds.push(kind);
      const row = rows.get(kind);
      expect(row, kind).toBeDefined();
      for (const [field, schema] of Object.entries(shape)) {
        if (field === "kind") continue;
        expect(row, `${kind}.${field}`).toContain(`\`${field}\``);
        const n = (schema.def.type === "array" ? schema.def.element : schema) as {
          minValue?: number | null;
          maxValue?: number | null;
        };
        const lo = n.minValue;
        const hi = n.maxValue;
        if (
          typeof lo === "number" &&
          typeof hi === "number" &&
          Number.isFinite(lo) &&
          Number.isFinite(hi)
        )
          expect(row, `${kind}.${field}`).toContain(`${num(lo)}…${num(hi)}`);
      }
    }
    expect([...rows.keys()]).toEqual(kinds);
  });
});
