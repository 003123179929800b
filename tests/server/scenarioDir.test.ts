/**
 * A broken file in the server's scenario directory (SCENARIO_DIR) hides nothing else: the good
 * scenarios are listed and playable, and the broken one is named (file and field) in one log
 * line and in the error of whoever asks for it. The directory is a temp copy, never assets/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootServer, type TestServer } from "./helpers.ts";

const assets = path.resolve(import.meta.dirname, "../../assets/scenarios");
let srv: TestServer;
let dir = "";
const logged: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbital-scenarios-"));
  fs.copyFileSync(
    path.join(assets, "crew-dragon-2020.json"),
    path.join(dir, "crew-dragon-2020.json"),
  );
  // a real scenario with one field of the wrong type, and a file that is not JSON at all
  const lunar = JSON.parse(fs.readFileSync(path.join(assets, "lunar-gateway-2033.json"), "utf8"));
  lunar.roles.us.budgetBase = "lots";
  fs.writeFileSync(path.join(dir, "lunar-gateway-2033.json"), JSON.stringify(lunar));
  fs.writeFileSync(path.join(dir, "half-written.json"), '{"id": "half-');
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
  srv = await bootServer("scenario-dir", { SCENARIO_DIR: dir });
});

afterAll(async () => {
  await srv?.stop();
  vi.restoreAllMocks();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown) =>
  fetch(`${srv.base}/api/games`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("a bad scenario file", () => {
  it("GET /api/scenarios lists the good ones and logs each bad file once, on one line", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${srv.base}/api/scenarios`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: string }[]).map((s) => s.id)).toEqual([
        "crew-dragon-2020",
      ]);
    }
    const lunarLines = logged.filter((l) => l.includes("lunar-gateway-2033.json"));
    expect(lunarLines).toHaveLength(1);
    expect(lunarLines[0]).toContain("roles.us.budgetBase");
    expect(lunarLines[0]).not.toContain("\n");
    const halfLines = logged.filter((l) => l.includes("half-written.json"));
    expect(halfLines).toHaveLength(1);
    expect(halfLines[0]).toContain("not valid JSON");
  });

  it("POST /api/games with a good scenario still creates a table", async () => {
    const res = await post({ scenario: "crew-dragon-2020" });
    expect(res.status).toBe(201);
  });

  it("POST /api/games with the bad one names the file and the field, without the server's path", async () => {
    const res = await post({ scenario: "lunar-gateway-2033" });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { ok: boolean; code: string; detail: string };
    expect(json).toMatchObject({ ok: false, code: "ERR_BAD_SCENARIO" });
    expect(json.detail).toContain("lunar-gateway-2033.json");
    expect(json.detail).toContain("roles.us.budgetBase");
    expect(json.detail).not.toContain(dir);
  });

  it("an unknown scenario lists only the playable ones", async () => {
    const res = await post({ scenario: "nope" });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { code: string; detail: string };
    expect(json.code).toBe("ERR_UNKNOWN_SCENARIO");
    expect(json.detail).toContain("crew-dragon-2020");
    expect(json.detail).not.toContain("lunar-gateway-2033");
  });
});
