/** Phaser keys: scenes, textures and cache entries, one name each. */
export const SCENES = {
  boot: "Boot",
  preloader: "Preloader",
  board: "Board",
} as const;

export const ASSETS = {
  world: "world-110m",
  globe: "globe",
} as const;

/** Registry entries the DOM side hands to the scenes. */
export const REGISTRY = {
  table: "table",
} as const;
