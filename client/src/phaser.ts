/**
 * What the client uses of Phaser, taken from its core build (the build aliases `phaser` here;
 * types still come from the full package). Add an export here before using a new part.
 */
import core from "phaser-core";

export const { AUTO, CANVAS, WEBGL, Game, Scene, Scale, GameObjects, Textures, Tweens } = core;
export default core;
