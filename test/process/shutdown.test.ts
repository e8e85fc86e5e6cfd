import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { commandInteraction, makeKeys, signedInteraction } from "../helpers/discord.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";
import { buttonClickBody, postToSlackEndpoint } from "../helpers/slack-requests.js";

// SIGTERM must answer what is in flight, stop taking more, and exit 0 within 10 s whatever
// clients (or the peers the bot calls) do.
const EXIT_BOUND_MS = 10_000;

const running: ServerProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill("SIGKILL");
  for (const clean of cleanups.splice(0)) clean();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  running.push(server);
  return server;
}

/** A signed interaction with its length, for raw http requests that send the body in parts. */
function signed(keys: ReturnType<typeof makeKeys>, interaction: unknown) {
  const { body, headers } = signedInteraction(keys, interaction);
  return { body, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } };
}

/** Sends the headers and the first bytes of a body now; `finish()` sends the rest. */
function halfSent(url: string, body: string, headers: Record<string, string>, agent: Agent | false = false) {
  let finish = () => {};
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method: "POST", headers, agent });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.write(body.slice(0, 10));
    finish = () => req.end(body.slice(10));
  });
  return { answered, finish: () => finish() };
}

/** The bytes of a POST to the interactions endpoint. */
function rawRequest(body: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `POST /discord/interactions HTTP/1.1\r\nhost: x\r\n${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** A raw connection, opened and waited for. */
function openSocket(baseUrl: string): Promise<Socket> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
    cleanups.push(() => socket.destroy());
  });
}

describe("shutdown on SIGTERM", () => {
  it("answers 30 commands in flight when the signal comes, then exits 0", async () => {
    const keys = makeKeys();
    const server = await start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    const url = `${server.baseUrl}/discord/interactions`;
    const closest = () => signed(keys, commandInteraction("closest", [{ name: "count", type: 4, value: 3 }]));
    // Ten kept-alive connections, warmed up and idle in the client's pool when the signal comes.
    const pool = new Agent({ keepAlive: true });
    cleanups.push(() => pool.destroy());
    const post = (agent: Agent) => {
      const { body, headers } = closest();
      const sent = halfSent(url, body, headers, agent);
      sent.finish();
      return sent.answered;
    };
    const warm = await Promise.all(Array.from({ length: 10 }, () => post(pool)));
    expect(warm.map((r) => r.status)).toEqual(Array(10).fill(200));
    // Ten with the headers in and the body on its way; ten connected with the request still to come.
    const started = Array.from({ length: 10 }, () => {
      const { body, headers } = closest();
      return halfSent(url, body, headers);
    });
    const connected = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const socket = await openSocket(server.baseUrl);
        const { body, headers } = closest();
        const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
          let text = "";
          socket.on("data", (chunk) => {
            text += chunk;
            if (/\r\n\r\n[\s\S]*\}$/.test(text)) resolve({ status: Number(text.slice(9, 12)), text });
          });
          socket.on("error", reject);
          socket.on("close", () => reject(new Error(`closed after ${JSON.stringify(text.slice(0, 40))}`)));
        });
        return { answered, finish: () => socket.write(rawRequest(body, headers)) };
      }),
    );
    await server.waitForLog(() => false, 200).catch(() => undefined);
    server.child.kill("SIGTERM");
    await server.waitForLog((l) => l.msg === "shutting down");
    for (const r of [...started, ...connected]) r.finish();
    const all = [...started, ...connected].map((r) => r.answered);
    for (let i = 0; i < 10; i++) all.push(post(pool));
    const results = await Promise.allSettled(all);
    // Every request answered, each with a 200 (a rejection shows its reason instead).
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.status : String(r.reason)))).toEqual(
      results.map(() => 200),
    );
    expect(await server.exited).toBe(0);
  });

  it("exits 0 within 10 s while clients hold sockets open, idle or mid-body", async () => {
    const keys = makeKeys();
    const server = await start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    // One connection that never sends a byte, one that sends headers and never the body,
    // one that sends half a request line.
    await openSocket(server.baseUrl);
    const stuck = await openSocket(server.baseUrl);
    const { body, headers } = signed(keys, commandInteraction("about"));
    stuck.write(rawRequest(body, headers).slice(0, -5));
    (await openSocket(server.baseUrl)).write("POST /discord/inter");
    await server.waitForLog(() => false, 300).catch(() => undefined);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(EXIT_BOUND_MS);
  });

  it("/healthz says 503 once draining, and HEAD /healthz works", async () => {
    const keys = makeKeys();
    const server = await start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    const head = await fetch(`${server.baseUrl}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    // A request in flight keeps the process draining while the health check is asked.
    const { body, headers } = signed(keys, commandInteraction("about"));
    const inFlight = halfSent(`${server.baseUrl}/discord/interactions`, body, headers);
    // Awaited below; this keeps an early failure from surfacing as an unhandled rejection.
    inFlight.answered.catch(() => undefined);
    const probe = await openSocket(server.baseUrl);
    server.child.kill("SIGTERM");
    await server.waitForLog((l) => l.msg === "shutting down");
    const reply = new Promise<string>((resolve) => {
      let text = "";
      probe.on("data", (chunk) => {
        text += chunk;
      });
      probe.on("close", () => resolve(text));
    });
    probe.write("GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n");
    const text = await reply;
    expect(text).toMatch(/^HTTP\/1\.1 503/);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(text).toContain('"status":"draining"');
    inFlight.finish();
    expect((await inFlight.answered).status).toBe(200);
    expect(await server.exited).toBe(0);
  });
});

describe("shutdown with Slack calls that never answer", () => {
  let silent: Server | undefined;
  afterEach(() => {
    silent?.closeAllConnections();
    silent?.close();
  });

  it("aborts a response_url post that hangs and exits 0 within 10 s", async () => {
    const SECRET = "shutdownsigningsecret0123456789a";
    let posted = 0;
    silent = createServer(() => {
      posted++; // never answers
    });
    await new Promise<void>((resolve) => silent?.listen(0, "127.0.0.1", resolve));
    const sinkUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const server = await start({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-shutdown" });
    const click = await postToSlackEndpoint(
      `${server.baseUrl}/slack/events`,
      buttonClickBody(
        { action_id: "photo_finish:page:next", value: JSON.stringify({ p: 1, c: "/margin 0.5 nextgen" }) },
        `${sinkUrl}/respond/1`,
      ),
      { secret: SECRET },
    );
    expect(click.status).toBe(200);
    await expect.poll(() => posted, { timeout: 5_000 }).toBe(1);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(EXIT_BOUND_MS);
  });
});
