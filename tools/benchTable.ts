/**
 * What the load and memory benches do the same way to a table they drive: read a client's
 * slices, and start the game and wait for its negotiation.
 */
import { type SyncedSlices, slicePath, syncedSlices } from "../shared/protocol/viewSlices.ts";

/**
 * A bench table's timers: a zero-second briefing, then a negotiation that outlasts any run, so
 * the tables stay in one phase while they are measured.
 */
export const BENCH_TIMERS = {
  briefingSeconds: 0,
  firstNegotiationSeconds: 7200,
  negotiationSeconds: 7200,
  commitSeconds: 0,
};

/** Slice path (the key without its `|variant`) → JSON, as one client holds them now. */
export type Slices = Map<string, string>;

/** The slices a client holds, by path (variants cut off). */
export function slicesOf(room: { state?: unknown }): Slices {
  const out: Slices = new Map();
  for (const [k, json] of syncedSlices(room.state as SyncedSlices | undefined))
    out.set(slicePath(k), json);
  return out;
}

interface HostRoom {
  state?: unknown;
  request(type: string, payload: object, options: { timeout: number }): Promise<unknown>;
}

/**
 * The host starts the game; a zero-second briefing then ends on the server's timer. (No
 * "skip" is sent to hurry it: one that arrives just after the timer skips the negotiation.)
 */
export async function startNegotiation(host: HostRoom, code: string, timeoutMs: number) {
  const reply = (await host.request("start", {}, { timeout: timeoutMs })) as {
    ok: boolean;
    detail?: string;
  };
  if (!reply.ok) throw new Error(`start: ${reply.detail}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const phase = slicesOf(host).get("phase");
    if (phase === '"negotiation"') return;
    if (Date.now() > deadline) throw new Error(`table ${code} stuck in ${phase}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
