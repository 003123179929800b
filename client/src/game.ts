/** Starts Phaser in `parent`: Boot → Preloader → Board. `?renderer=canvas` picks Canvas (tests). */
import * as Phaser from "phaser";
import { REGISTRY } from "./keys.ts";
import { Board } from "./scenes/Board.ts";
import { Boot } from "./scenes/Boot.ts";
import { Preloader } from "./scenes/Preloader.ts";
import type { Table } from "./state/table.ts";

export function startGame(parent: HTMLElement, table: Table): Phaser.Game {
  const renderer = new URLSearchParams(location.search).get("renderer");
  const game = new Phaser.Game({
    type: renderer === "canvas" ? Phaser.CANVAS : renderer === "webgl" ? Phaser.WEBGL : Phaser.AUTO,
    parent,
    backgroundColor: "#0b1533",
    transparent: true,
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: parent.clientWidth || 800,
      height: parent.clientHeight || 480,
    },
    banner: false,
    audio: { noAudio: true },
    scene: [Boot, Preloader, Board],
    callbacks: {
      preBoot: (g) => {
        g.registry.set(REGISTRY.table, table);
      },
    },
  });
  // tests reach the game loop (to sleep it before an accessibility scan); gone with the game
  // ("destroy" by name: the core build has no Phaser.Core namespace)
  const global = window as unknown as { __game?: Phaser.Game };
  global.__game = game;
  game.events.once("destroy", () => {
    if (global.__game === game) delete global.__game;
  });
  return game;
}
