/**
 * The server's clock as seen from this browser. Deadlines in the view are server timestamps; a
 * laptop whose clock is minutes off would count down wrongly with its own `Date.now()`. The
 * offset is taken from one request: the server's time against the middle of the round trip.
 */

/** How far the server's clock is ahead of ours (ms), from a request sent at `sentAt` and answered at `receivedAt` with `serverTime`. */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

/** Now in the server's clock, given the offset. */
export function serverNow(offset: number): number {
  return Date.now() + offset;
}
