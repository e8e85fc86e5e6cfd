import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import type { Adapter } from "../src/adapters/adapter.js";
import { createDiscordGatewayAdapter } from "../src/adapters/discord-gateway.js";
import { loadConfig } from "../src/config.js";
import { loadDataset } from "../src/data/load.js";
import { silentLogger } from "../src/log.js";
import { Runtime } from "../src/runtime.js";

/**
 * A loopback stand-in for Discord: a REST server (gateway info, interaction callbacks) and a
 * gateway WebSocket that says HELLO, answers IDENTIFY with READY, and can push an INTERACTION_CREATE.
 * The real discord.js client and the real adapter talk to it; nothing leaves the machine.
 */
interface FakeDiscord {
  readonly rest: string;
  readonly callbacks: { url: string; body: unknown }[];
  readonly identified: Promise<{ intents: number }>;
  dispatch(event: string, data: unknown): void;
  close(): Promise<void>;
}

const APP_ID = "123456789012345678";
const BOT_ID = "223456789012345678";

async function startFakeDiscord(): Promise<FakeDiscord> {
  const callbacks: { url: string; body: unknown }[] = [];
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
    if (req.method === "POST" && /^\/v10\/interactions\/\d+\/[^/]+\/callback/.test(url)) {
      callbacks.push({ url, body: JSON.parse(text) });
      res.statusCode = 204;
      res.end();
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
      const packet = JSON.parse(String(raw)) as { op: number; d: { intents: number } };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        identify({ intents: packet.d.intents });
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

function dmCommand(id: string, name: string, options: unknown[]) {
  const user = {
    id: "323456789012345678",
    username: "fan",
    discriminator: "0",
    avatar: null,
    global_name: null,
  };
  return {
    id,
    application_id: APP_ID,
    type: 2,
    token: `token-${id}`,
    version: 1,
    channel_id: "423456789012345678",
    channel: { id: "423456789012345678", type: 1 },
    user,
    app_permissions: "0",
    locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "1": user.id },
    context: 1,
    data: { id: "523456789012345678", name, type: 1, options },
  };
}

let fake: FakeDiscord;
let adapter: Adapter;
beforeAll(async () => {
  fake = await startFakeDiscord();
  const log = silentLogger();
  const runtime = new Runtime(await loadDataset(), undefined, log);
  const config = loadConfig({ DISCORD_TOKEN: "MTIz.test.token", DISCORD_APPLICATION_ID: APP_ID });
  adapter = createDiscordGatewayAdapter(
    { config, runtime, log, http: undefined },
    { rest: { api: fake.rest, retries: 0 } },
  );
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Discord gateway bot (against a loopback stand-in)", () => {
  it("identifies with the Guilds intent only", async () => {
    expect((await fake.identified).intents).toBe(1);
  });

  it("answers a slash command exactly once, through the interaction callback", async () => {
    fake.dispatch(
      "INTERACTION_CREATE",
      dmCommand("623456789012345678", "driver", [{ name: "name", type: 3, value: "Buescher" }]),
    );
    const callback = await waitFor(() => fake.callbacks.find((c) => c.url.includes("623456789012345678")));
    expect(callback.url).toContain("/interactions/623456789012345678/token-623456789012345678/callback");
    expect(callback.body).toMatchObject({ type: 4 });
    expect((callback.body as { data: { embeds: { title: string }[] } }).data.embeds[0]?.title).toContain(
      "Chris Buescher",
    );
    // Give a stray second reply time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callbacks.filter((c) => c.url.includes("623456789012345678"))).toHaveLength(1);
  });

  it("answers a rejected option privately, once", async () => {
    fake.dispatch(
      "INTERACTION_CREATE",
      dmCommand("723456789012345678", "driver", [{ name: "name", type: 3, value: "Busch" }]),
    );
    const callback = await waitFor(() => fake.callbacks.find((c) => c.url.includes("723456789012345678")));
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callbacks.filter((c) => c.url.includes("723456789012345678"))).toHaveLength(1);
  });
});
