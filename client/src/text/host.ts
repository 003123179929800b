/** What the host's table controls on the board say (ui/hostControls.ts). */
import { count } from "./details.ts";

export const HOST_TEXT = {
  title: "Host controls",
  hint: "Only you, the host, see these. Every player's timer follows them.",
  pause: "Pause",
  // each label starts with the button's visible words (speech control users say those)
  pauseLabel: "Pause the game: every timer stops",
  resume: "Resume",
  resumeLabel: "Resume the game: the timer runs again",
  extend: (minutes: number) => `+${minutes} min`,
  extendLabel: (minutes: number) =>
    `+${minutes} min: give this phase ${count(minutes, "more minute", "more minutes")}`,
  skip: "End phase now",
  skipLabel: "End phase now and move on to the next",
  endGame: "End game",
  endGameLabel: "End game: the whole game, for everyone",
  confirmQuestion: "End the game for everyone now? The debrief opens and nobody can play on.",
  confirm: "Yes, end the game",
  cancel: "Keep playing",
  done: {
    pause: "The game is paused.",
    resume: "The game runs again.",
    extend: (minutes: number) => `This phase got ${count(minutes, "more minute", "more minutes")}.`,
    skip: "The phase ended; the next one has begun.",
    endGame: "The game is over.",
  },
  refused: (sentence: string) => `Not done: ${sentence}`,
};
