/**
 * The REST routes answer bad requests in JSON with a typed code — never an
 * HTML error page, a stack trace or a server path — and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootServer, type TestServer } from "./helpers.ts";

let srv: TestServer;
let base = "";

beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  srv = await bootServer("http");
  base = srv.base;
});

afterAll(async () => {
  await srv?.stop();
});

const post = (body: string) =>
  fetch(`${base}/api/games`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

describe("REST errors", () => {
  it.each([
    ["invalid JSON", "{bad json", 400, "ERR_MALFORMED"],
    ["an oversized body", JSON.stringify({ seed: "a".repeat(20_000) }), 413, "ERR_TOO_LARGE"],
    ["an unknown field", JSON.stringify({ flyToMars: true }), 400, "ERR_MALFORMED"],
    ["an unknown scenario", JSON.stringify({ scenario: "nope" }), 400, "ERR_UNKNOWN_SCENARIO"],
    ["an unknown role", JSON.stringify({ roles: ["us", "mars"] }), 400, "ERR_UNKNOWN_SEAT"],
  ])(
    "%s gets a JSON answer with its code and no server detail",
    async (_what, body, status, code) => {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/json");
      const json = (await res.json()) as { ok: boolean; code: string; detail: string };
      expect(json).toMatchObject({ ok: false, code });
      expect(json.detail).not.toMatch(/\/work|node_modules|at \w+ \(/);
    },
  );

  it("a refused request creates no game", async () => {
    await post("{bad json");
    const scenarios = (await (await fetch(`${base}/api/scenarios`)).json()) as { id: string }[];
    expect(scenarios.map((s) => s.id)).toContain("crew-dragon-2020");
    const { getStore } = await import("../../server/store/instance.ts");
    expect(getStore().listUnfinished()).toEqual([]);
  });

  it("unknown games and malformed codes answer 404 in JSON", async () => {
    for (const id of ["ZZZZZZ", "not-a-code", "../../etc"]) {
      const res = await fetch(`${base}/api/games/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe("ERR_UNKNOWN_GAME");
    }
  });

  it("a table always seats the scenario's required roles, in table order", async () => {
    const res = await post(JSON.stringify({ roles: ["uae", "us"] }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { code: string; roles: string[] };
    expect(created.roles).toEqual(["us", "russia", "spacex", "uae"]);
    const summary = (await (await fetch(`${base}/api/games/${created.code}`)).json()) as {
      roles: { role: string }[];
    };
    expect(summary.roles.map((r) => r.role)).toEqual(created.roles);
  });
});
