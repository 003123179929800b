/**
 * Over real sockets: an accepted action's frames to one client leave in one socket write
 * (server/rooms/writeBatch.ts). When Ann writes to Boris, her reply and the patch showing her
 * message reach her socket together, the patch first (the client sees the effect by the time
 * it hears "ok"); Boris's patch and his events leave together too. The test reads the bytes
 * each server-side socket is asked to write and splits them into WebSocket frames.
 */
import { Protocol } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AnyRoom,
  ask,
  bootServer,
  leaveAll,
  seatedTable,
  type TestServer,
  toNegotiation,
  viewOf,
  waitFor,
} from "./helpers.ts";

let srv: TestServer;
let code = "";
const rooms: Record<string, AnyRoom> = {};

beforeAll(async () => {
  srv = await bootServer("write-batch");
  const table = await seatedTable(srv.base, "write-batch-seed");
  code = table.code;
  Object.assign(rooms, table.rooms);
  await toNegotiation(srv, code, rooms);
});

afterAll(async () => {
  await leaveAll(Object.values(rooms));
  await srv?.stop();
});

interface WriteChunk {
  chunk: Buffer | string;
}
interface SocketInternals {
  _write(chunk: Buffer, encoding: string, cb: () => void): void;
  _writev(chunks: WriteChunk[], cb: () => void): void;
}

/** The Colyseus protocol code of each WebSocket frame in one write's bytes (server frames are unmasked). */
function frameCodes(bytes: Buffer): number[] {
  const codes: number[] = [];
  let i = 0;
  while (i + 2 <= bytes.length) {
    const short = (bytes[i + 1] as number) & 0x7f;
    const header = short === 126 ? 4 : short === 127 ? 10 : 2;
    const length =
      short === 126
        ? bytes.readUInt16BE(i + 2)
        : short === 127
          ? Number(bytes.readBigUInt64BE(i + 2))
          : short;
    codes.push(bytes[i + header] as number);
    i += header + length;
  }
  return codes;
}

/** Records the frames of every write the server makes to `room`'s client, one entry a write. */
function recordWrites(room: AnyRoom): number[][] {
  const client = srv.room(code)?.clients.find((c) => c.sessionId === room.sessionId);
  if (!client) throw new Error(`no server-side client for ${room.sessionId}`);
  const socket = (client.ref as unknown as { _socket: SocketInternals })._socket;
  const writes: number[][] = [];
  const write = socket._write.bind(socket);
  const writev = socket._writev.bind(socket);
  socket._write = (chunk, encoding, cb) => {
    writes.push(frameCodes(Buffer.from(chunk)));
    write(chunk, encoding, cb);
  };
  socket._writev = (chunks, cb) => {
    writes.push(frameCodes(Buffer.concat(chunks.map((c) => Buffer.from(c.chunk)))));
    writev(chunks, cb);
  };
  return writes;
}

describe("one write a client an action", () => {
  it("sends the sender's patch and reply together, and the recipient's patch and events together", async () => {
    const ann = recordWrites(rooms.us as AnyRoom);
    const boris = recordWrites(rooms.russia as AnyRoom);
    expect(await ask(rooms.us as AnyRoom, "chat", { to: ["russia"], text: "one write" })).toEqual({
      ok: true,
    });
    await waitFor(
      () => viewOf(rooms.russia as AnyRoom).chat.some((m) => m.text === "one write"),
      3_000,
      "Boris sees the message",
    );
    const withReply = ann.filter((w) => w.includes(Protocol.ROOM_RESPONSE));
    expect(withReply).toHaveLength(1);
    const frames = withReply[0] as number[];
    expect(frames).toContain(Protocol.ROOM_STATE_PATCH);
    expect(frames.indexOf(Protocol.ROOM_STATE_PATCH)).toBeLessThan(
      frames.indexOf(Protocol.ROOM_RESPONSE),
    );
    // Boris: the patch with his new message, and the chat event telling him of it
    expect(
      boris.some((w) => w.includes(Protocol.ROOM_STATE_PATCH) && w.includes(Protocol.ROOM_DATA)),
    ).toBe(true);
  });
});
