/**
 * The synced state. Each slice is one piece of some viewers' player view as
 * JSON (see shared/protocol/viewSlices.ts); the `slices` and `chat` maps are
 * filtered per client by its StateView, so a client receives only its own
 * viewer's slices.
 */
import { schema, t } from "@colyseus/schema";

export const Slice = schema(
  {
    json: t.string(),
  },
  "Slice",
);

/**
 * One chunk of a viewer's chat: the JSON of each of its messages, in order. An array rather
 * than one JSON string so that a new message travels alone (an array push), not with the
 * chunk's earlier messages: a string field is re-sent whole at every change.
 */
export const ChatChunk = schema(
  {
    messages: t.array("string"),
  },
  "ChatChunk",
);

export const GameSchema = schema(
  {
    /** The join code (public). */
    code: t.string(),
    slices: t.map(Slice).view(),
    chat: t.map(ChatChunk).view(),
  },
  "GameState",
);
