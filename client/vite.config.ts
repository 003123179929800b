/**
 * The client build. `npm run build` bundles client/ into dist/client, which the game server
 * serves; `npm run dev` runs this dev server with a proxy to the game server.
 *
 * The build uses Phaser's core entry point (phaser/src/phaser-core.js) instead of the full
 * bundle: 206 KB gzip instead of 358 KB for the same scene (STACK.md, "Size"). The core has no
 * physics, tilemaps, particles, sound or Container; client/src/phaser.ts re-exports it.
 */
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

const ROOT = import.meta.dirname;
const PHASER_SRC = path.resolve(ROOT, "../node_modules/phaser/src");
const GAME_SERVER = `http://127.0.0.1:${process.env.PORT ?? 2567}`;

/** Phaser's sources test webpack-defined flags (`if (typeof WEBGL_RENDERER)`): fix them at build time. */
const PHASER_FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

function phaserFlags(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join("|")})\\b`, "g");
  return {
    name: "phaser-flags",
    enforce: "pre",
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC) || !pattern.test(code)) return null;
      pattern.lastIndex = 0;
      return {
        code: code.replace(pattern, (_m, flag: string) => String(PHASER_FLAGS[flag])),
        map: null,
      };
    },
  };
}

export default defineConfig(({ command }) => ({
  root: ROOT,
  // the dev server uses the full Phaser bundle (prebundled ESM); the build the core
  resolve:
    command === "build"
      ? {
          alias: [
            { find: /^phaser$/, replacement: path.resolve(ROOT, "src/phaser.ts") },
            { find: /^phaser-core$/, replacement: path.join(PHASER_SRC, "phaser-core.js") },
          ],
        }
      : { alias: [{ find: /^phaser-core$/, replacement: "phaser" }] },
  define: command === "build" ? { global: "globalThis" } : {},
  plugins: command === "build" ? [phaserFlags()] : [],
  build: {
    outDir: path.resolve(ROOT, "../dist/client"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0,
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    proxy: {
      "/api": GAME_SERVER,
      "/matchmake": GAME_SERVER,
      // the room WebSocket: /<processId>/<roomId>?sessionId=…
      "^/[A-Za-z0-9_-]+/[A-Z0-9]{6}(\\?|$)": { target: GAME_SERVER, ws: true },
    },
  },
}));
