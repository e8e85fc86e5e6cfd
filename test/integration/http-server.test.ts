import { IncomingMessage } from "node:http";
import { connect, Socket } from "node:net";
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { loadDataset } from "../../src/data/load.js";
import { BodyTooLargeError, HttpServer, readBody, sendJson } from "../../src/http/server.js";
import { createDiscordHttpAdapter } from "../../src/platforms/discord/http.js";
import { createSlackAdapter } from "../../src/platforms/slack/adapter.js";
import { Runtime } from "../../src/runtime.js";
import { adapterDeps } from "../helpers/adapter-deps.js";
import { commandInteraction, makeKeys, signBody } from "../helpers/discord.js";
import { slackSignature, slashCommandBody } from "../helpers/slack-requests.js";

// The shared HTTP server's manners: methods, client resets, latency, and data reloads.
const SECRET = "serversigningsecret0123456789abc";
const keys = makeKeys();
const lines: Record<string, unknown>[] = [];
let log: Logger;
let runtime: Runtime;
let http: HttpServer;
let port = 0;

beforeAll(async () => {
  log = pino(
    { level: "debug" },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  runtime = new Runtime(await loadDataset(), undefined, log);
  const config = loadConfig({
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-server",
  });
  http = new HttpServer(log);
  http.route("GET", "/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }));
  await createDiscordHttpAdapter(adapterDeps({ config, runtime, log, http })).start();
  await createSlackAdapter(adapterDeps({ config, runtime, log, http }), {
    slackApiUrl: "http://127.0.0.1:9/api/",
  }).start();
  port = (await http.listen(0, "127.0.0.1")).port;
});

afterAll(async () => {
  await http?.close(1_000);
});

const url = (path: string) => `http://127.0.0.1:${port}${path}`;

describe("methods", () => {
  it("HEAD is answered by a GET route, without a body", async () => {
    const response = await fetch(url("/healthz"), { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("a 405 says which methods the path takes", async () => {
    const post = await fetch(url("/healthz"), { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const get = await fetch(url("/discord/interactions"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});

describe("a client that resets mid-body", () => {
  it("is logged once at info, without a stack, and never as an error", async () => {
    const before = lines.length;
    const body = JSON.stringify(commandInteraction("about"));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(
      [
        "POST /discord/interactions HTTP/1.1",
        "host: x",
        "content-type: application/json",
        `content-length: ${Buffer.byteLength(body)}`,
        `x-signature-ed25519: ${signBody(keys, timestamp, body)}`,
        `x-signature-timestamp: ${timestamp}`,
        "",
        body.slice(0, 10),
      ].join("\r\n"),
    );
    await expect.poll(() => http.inFlight).toBe(1);
    socket.resetAndDestroy();
    const mine = () => lines.slice(before).filter((l) => /client closed/.test(String(l.msg)));
    await expect.poll(() => mine().length).toBe(1);
    await expect.poll(() => http.inFlight).toBe(0);
    const fresh = lines.slice(before);
    expect(mine()[0]?.level).toBeLessThanOrEqual(40);
    expect(mine()[0]?.err).toBeUndefined();
    expect(fresh.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});

describe("logged latency", () => {
  it("Slack: counts from when the request arrived, including a slow body, not from when Bolt called us", async () => {
    const body = slashCommandBody("/closest", "1", "http://127.0.0.1:9/respond");
    const timestamp = Math.floor(Date.now() / 1000);
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const head = [
      "POST /slack/events HTTP/1.1",
      "host: x",
      "content-type: application/x-www-form-urlencoded",
      `content-length: ${Buffer.byteLength(body)}`,
      `x-slack-request-timestamp: ${timestamp}`,
      `x-slack-signature: ${slackSignature(SECRET, timestamp, body)}`,
      "",
      "",
    ].join("\r\n");
    const before = lines.length;
    socket.write(head + body.slice(0, 10));
    await expect.poll(() => http.inFlight).toBe(1);
    // The body's rest comes 400 ms later: the platform's clock runs all that time, so ours must too.
    await new Promise((resolve) => setTimeout(resolve, 400));
    socket.end(body.slice(10));
    const logged = () => lines.slice(before).find((l) => l.msg === "interaction" && l.platform === "slack");
    await expect.poll(() => logged()).toBeDefined();
    expect(logged()?.latencyMs as number).toBeGreaterThanOrEqual(400);
  });
});

describe("data reloads", () => {
  it("overlapping reloads never interleave: forty requests cost at most two loads, one after the other", async () => {
    const before = lines.length;
    const results = await Promise.all(Array.from({ length: 40 }, () => runtime.reload()));
    expect(results.every((ok) => ok)).toBe(true);
    const events = lines
      .slice(before)
      .map((l) => String(l.msg))
      .filter((m) => m === "dataset reload started" || m === "dataset reloaded");
    expect(events.length).toBeLessThanOrEqual(4);
    // Started and finished alternate: no load begins while another runs.
    events.forEach((event, i) => {
      expect(event).toBe(i % 2 === 0 ? "dataset reload started" : "dataset reloaded");
    });
    // And a reload asked for after they settle runs again (nothing stays stuck).
    expect(await runtime.reload()).toBe(true);
  });
});

describe("reading a body", () => {
  it("a request already gone when its body is read is refused at once as a client abort, never awaited forever", async () => {
    const socket = new Socket();
    const req = new IncomingMessage(socket);
    req.destroy();
    // Let its close event go by first: a reader that waited for it would wait forever.
    await new Promise((resolve) => setImmediate(resolve));
    await expect(readBody(req)).rejects.toMatchObject({ code: "ECONNRESET" });
    socket.destroy();
  });

  it("a body over the limit is refused, and one under it arrives whole", async () => {
    const big = new IncomingMessage(new Socket());
    const tooBig = readBody(big, 4);
    big.push(Buffer.from("12345"));
    await expect(tooBig).rejects.toThrow(BodyTooLargeError);
    const small = new IncomingMessage(new Socket());
    const whole = readBody(small, 8);
    small.push(Buffer.from("12"));
    small.push(Buffer.from("34"));
    small.push(null);
    expect((await whole).toString()).toBe("1234");
  });
});
