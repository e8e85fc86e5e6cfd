/**
 * A loopback stand-in for Discord (REST + gateway WebSocket) shared by the tests and the benchmark:
 * the real discord.js client talks to it and nothing leaves the machine.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { parseMultipart } from "./multipart.js";

/**
 * A loopback stand-in for Discord: a REST server (gateway info, interaction callbacks) and a
 * gateway WebSocket that says HELLO, answers IDENTIFY with READY, and can push an INTERACTION_CREATE.
 * The real discord.js client and the real adapter talk to it; nothing leaves the machine.
 */
export interface FakeDiscord {
  readonly rest: string;
  /** Interaction callbacks and follow-up edits received, with any files sent beside them (multipart). */
  readonly callbacks: {
    url: string;
    body: unknown;
    files?: { filename?: string; type?: string; data: Buffer }[];
  }[];
  /** Resolves with the first IDENTIFY. */
  readonly identified: Promise<{ intents: number }>;
  /** Every IDENTIFY so far, with the shard it named ([id, count]) when sharded. */
  readonly identifies: { intents: number; shard?: [number, number] }[];
  dispatch(event: string, data: unknown): void;
  close(): Promise<void>;
}

export const APP_ID = "123456789012345678";
const BOT_ID = "223456789012345678";

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const callbacks: FakeDiscord["callbacks"] = [];
  const identifies: { intents: number; shard?: [number, number] }[] = [];
  const sockets = new Set<WebSocket>();
  let sequence = 0;
  let gatewayUrl = "";
  const http: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const url = req.url ?? "";
    res.setHeader("content-type", "application/json");
    if (req.method === "GET" && url.startsWith("/v10/gateway/bot")) {
      res.end(
        JSON.stringify({
          url: gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        }),
      );
      return;
    }
    const callback = req.method === "POST" && /^\/v10\/interactions\/\d+\/[^/]+\/callback/.test(url);
    // A deferred interaction's follow-up edits the original response through the webhook route.
    const followUp = req.method === "PATCH" && /^\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original/.test(url);
    if (callback || followUp) {
      const type = req.headers["content-type"] ?? "";
      if (type.startsWith("multipart/form-data")) {
        const parts = parseMultipart(Buffer.concat(chunks), type);
        const files = [...parts.entries()]
          .filter(([name]) => name.startsWith("files["))
          .map(([, part]) => part);
        callbacks.push({
          url,
          body: JSON.parse(parts.get("payload_json")?.data.toString() ?? "null"),
          files,
        });
      } else callbacks.push({ url, body: JSON.parse(text) });
      res.statusCode = followUp ? 200 : 204;
      res.end(followUp ? JSON.stringify({ id: "900000000000000000" }) : undefined);
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ message: "Unknown", code: 0 }));
  });
  const wss = new WebSocketServer({ server: http });
  let identify: (value: { intents: number }) => void = () => {};
  const identified = new Promise<{ intents: number }>((resolve) => {
    identify = resolve;
  });
  wss.on("connection", (socket) => {
    sockets.add(socket);
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as {
        op: number;
        d: { intents: number; shard?: [number, number] };
      };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        identify({ intents: packet.d.intents });
        identifies.push({ intents: packet.d.intents, ...(packet.d.shard ? { shard: packet.d.shard } : {}) });
        socket.send(
          JSON.stringify({
            op: 0,
            t: "READY",
            s: ++sequence,
            d: {
              v: 10,
              user: { id: BOT_ID, username: "photo-finish", discriminator: "0", bot: true, avatar: null },
              guilds: [],
              session_id: "session",
              resume_gateway_url: gatewayUrl,
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  gatewayUrl = `ws://127.0.0.1:${port}`;
  return {
    rest: `http://127.0.0.1:${port}`,
    callbacks,
    identified,
    identifies,
    dispatch(event, data) {
      for (const socket of sockets) socket.send(JSON.stringify({ op: 0, t: event, s: ++sequence, d: data }));
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
