/**
 * Expected errors are asserted, not printed: runs `fn` with console.error and console.warn
 * captured (the server in this process logs through them: Colyseus prints a refused join or a
 * client's oversized frame with its stack), and fails if anything printed does not match
 * `expected`. Nothing printed at all is fine too: a server that stops logging an expected
 * refusal is better, not broken.
 */
import { expect } from "vitest";

export async function onlyPrinting<T>(expected: RegExp, fn: () => Promise<T>): Promise<T> {
  const printed: string[] = [];
  const saved = { error: console.error, warn: console.warn };
  const capture = (...args: unknown[]) => {
    printed.push(
      args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "),
    );
  };
  console.error = capture;
  console.warn = capture;
  try {
    return await fn();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
    expect(printed.filter((p) => !expected.test(p))).toEqual([]);
  }
}
