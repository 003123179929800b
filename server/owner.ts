/** Which process owns a game: with several processes (REDIS_URL), each restores only its own games. */
export function processOwner(): string {
  return process.env.PUBLIC_ADDRESS ?? "local";
}
