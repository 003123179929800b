/**
 * The synced state. Each slice is one piece of some viewers' player view as
 * JSON (see shared/protocol/viewSlices.ts); the `slices` map is filtered per
 * client by its StateView, so a client receives only its own viewer's slices.
 */
import { schema, t } from "@colyseus/schema";

export const Slice = schema(
  {
    json: t.string(),
  },
  "Slice",
);

export const GameSchema = schema(
  {
    /** The join code (public). */
    code: t.string(),
    slices: t.map(Slice).view(),
  },
  "GameState",
);
