// The build aliases this to phaser/src/phaser-core.js (client/vite.config.ts).
declare module "phaser-core" {
  import type * as Phaser from "phaser";

  const core: typeof Phaser;
  export default core;
}
