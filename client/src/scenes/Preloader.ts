import * as Phaser from "phaser";
import worldUrl from "world-atlas/countries-110m.json?url";
import { ASSETS, SCENES } from "../keys.ts";

/** Loads the coastlines and waits for the web font (Phaser text needs it before it is drawn). */
export class Preloader extends Phaser.Scene {
  constructor() {
    super(SCENES.preloader);
  }

  preload(): void {
    this.load.json(ASSETS.world, worldUrl);
  }

  create(): void {
    void Promise.all([document.fonts.load("600 16px Inter"), document.fonts.load("400 14px Inter")])
      .catch(() => {})
      .then(() => this.scene.start(SCENES.board));
  }
}
