/**
 * Seeded randomness. The generator's whole state is an array of four 32-bit
 * numbers kept in the game state, so a game replays exactly and survives a JSON
 * round-trip. The state never appears in a view.
 */

/** Hashes a seed string into four 32-bit words (cyrb128). */
export function seedState(seed: string): number[] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Advances the generator in place (sfc32) and returns a float in [0, 1). */
export function nextFloat(rng: number[]): number {
  let a = rng[0] as number;
  let b = rng[1] as number;
  let c = rng[2] as number;
  let d = rng[3] as number;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  rng[0] = a >>> 0;
  rng[1] = b >>> 0;
  rng[2] = c >>> 0;
  rng[3] = d >>> 0;
  return (t >>> 0) / 4294967296;
}

/** An integer in [min, max], both included. */
export function nextInt(rng: number[], min: number, max: number): number {
  return min + Math.floor(nextFloat(rng) * (max - min + 1));
}

/** True with the given probability. */
export function chance(rng: number[], p: number): boolean {
  return nextFloat(rng) < p;
}

/** Picks an item by weight; null when every weight is 0. */
export function pickWeighted<T>(
  rng: number[],
  items: readonly T[],
  weight: (item: T) => number,
): T | null {
  let total = 0;
  for (const item of items) total += Math.max(0, weight(item));
  if (total <= 0) return null;
  let roll = nextFloat(rng) * total;
  for (const item of items) {
    const w = Math.max(0, weight(item));
    if (w <= 0) continue;
    if (roll < w) return item;
    roll -= w;
  }
  return null;
}

/** A small generator for bots and tools, separate from any game's generator. */
export function makeRng(seed: string): () => number {
  const state = seedState(seed);
  return () => nextFloat(state);
}
