import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { PACKAGE_ROOT, PRODUCTION_NODE_FLAGS } from "../src/paths.js";
import { APP_ID, startFakeDiscord } from "../stand-ins/discord.js";
import { percentile } from "./stats.js";

/** One load run against one endpoint. */
export interface LoadFigure {
  readonly target: string;
  readonly requests: number;
  /** Answers other than 200, plus requests that got no answer at all. */
  readonly errors: number;
  /** How many answers each HTTP status got; 0 counts requests that got no answer. */
  readonly statuses: Readonly<Record<number, number>>;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Resident memory of a process, from /proc (Linux), in MB. */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts a child and waits for a stdout line starting with "ready" (or a log line with a port). */
function startChild(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk;
      const ready = /^ready(?: (\d+))?$/m.exec(out);
      const listening =
        /"port":(\d+).*"msg":"HTTP server listening"|"msg":"HTTP server listening".*"port":(\d+)/.exec(out);
      const port = ready
        ? Number(ready[1] ?? env.PORT)
        : listening
          ? Number(listening[1] ?? listening[2])
          : undefined;
      if (port === undefined) return;
      // From here on the child's logs are drained unread: parsing them would load the client, not the server.
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ child, port });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) =>
      reject(new Error(`${args.join(" ")} exited ${code} before it was ready:\n${out}`)),
    );
  });
}

/** A request ready to send: signed before the timed run, so the client's signing is not measured. */
export interface PreparedRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/**
 * Sends `total` requests with `concurrency` in flight over kept-alive connections, and times each.
 * The load is bounded in count and goes only to 127.0.0.1. Requests are cycled from a pre-signed set
 * (signatures stay valid for minutes), so the client spends its share of the two cores on sending.
 */
export async function load(
  target: string,
  url: string,
  prepared: readonly PreparedRequest[],
  total: number,
  concurrency: number,
  timeoutMs = 30_000,
): Promise<LoadFigure> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const times: number[] = [];
  let errors = 0;
  let sent = 0;
  const statuses: Record<number, number> = {};
  const count = (status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status !== 200) errors++;
  };
  const one = (index: number) =>
    new Promise<void>((resolve) => {
      const { body, headers } = prepared[index % prepared.length] as PreparedRequest;
      const started = performance.now();
      const req = request(url, {
        method: "POST",
        agent,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      });
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => {
          count(res.statusCode ?? 0);
          times.push(performance.now() - started);
          resolve();
        });
      });
      req.on("error", () => {
        count(0);
        resolve();
      });
      // A chat platform gives up after 3 s: past the time-out the request counts as unanswered (0).
      req.setTimeout(timeoutMs, () => req.destroy(new Error("time-out")));
      req.end(body);
    });
  const worker = async () => {
    while (sent < total) await one(sent++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    target,
    requests: total,
    errors,
    statuses,
    seconds,
    perSecond: total / seconds,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
}

/** Everything the HTTP part of the benchmark reports. */
export interface HttpFigures {
  readonly slack: { readonly ours: LoadFigure; readonly bare: LoadFigure; readonly ratio: number };
  readonly discord: { readonly ours: LoadFigure; readonly bare: LoadFigure; readonly ratio: number };
  readonly rss: { readonly afterStartMb: number; readonly afterLoadMb: number; readonly settledMb: number };
  /** Discord interactions, 64 in flight, one in ten a Chart click; unanswered within 3 s = time-out. */
  readonly charts: LoadFigure & { readonly timeouts: number };
}

/** Runs Photo Finish's Slack and Discord endpoints side by side with their bare baselines. */
export async function benchHttp(total: number, concurrency: number): Promise<HttpFigures> {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  const secret = "benchsigningsecret0123456789abcd";
  const base: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "info" };
  for (const key of Object.keys(base)) if (/^(DISCORD_|SLACK_)/.test(key)) delete base[key];

  let users = 0;
  const slackRequest = () => {
    const body = new URLSearchParams({
      command: "/closest",
      text: "5 nextgen",
      team_id: "T0BENCH",
      user_id: `U${(users++).toString(36).toUpperCase()}`,
      channel_id: "C0BENCH",
      response_url: "http://127.0.0.1:9/unused",
      trigger_id: "1.2.3",
      api_app_id: "A0BENCH",
    }).toString();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    return {
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature,
      },
    };
  };
  /** A signed Discord interaction from a new user each time, so the per-user cooldown never bites. */
  const signedDiscord = (interaction: Record<string, unknown>) => {
    const body = JSON.stringify({
      id: "1",
      application_id: "1",
      token: "t",
      version: 1,
      member: { user: { id: String(80351110224678912n + BigInt(users++)), username: "bench" } },
      ...interaction,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      body,
      headers: {
        "content-type": "application/json",
        "x-signature-timestamp": timestamp,
        "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), privateKey).toString("hex"),
      },
    };
  };
  const discordRequest = () =>
    signedDiscord({
      type: 2,
      data: { id: "1", name: "closest", type: 1, options: [{ name: "count", type: 4, value: 5 }] },
    });
  const chartClick = () =>
    signedDiscord({
      type: 3,
      message: { id: "700000000000000000" },
      data: { custom_id: "pf:c:/leaders nextgen", component_type: 2 },
    });

  const bin = path.join(PACKAGE_ROOT, "bin", "photo-finish.js");
  // Every adapter on: the gateway bot connects to a loopback stand-in for Discord.
  const discordStandIn = await startFakeDiscord();
  // Run as npm start runs it, with the same Node flags.
  // PORT must be a real port (0 is refused at start-up): ask the kernel for a free one.
  const ours = await startChild([...PRODUCTION_NODE_FLAGS, bin], {
    ...base,
    PORT: String(await freePort()),
    DISCORD_PUBLIC_KEY: publicKeyHex,
    SLACK_SIGNING_SECRET: secret,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_BOT_ID: "B0BENCH",
    SLACK_BOT_USER_ID: "U0BENCH",
    DISCORD_TOKEN: "MTIz.bench.token",
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discordStandIn.rest,
  });
  const boltPort = await freePort();
  const bolt = await startChild([path.join(PACKAGE_ROOT, "dist/bench/baselines/bare-bolt.js")], {
    ...base,
    PORT: String(boltPort),
    SLACK_SIGNING_SECRET: secret,
  });
  const bare = await startChild([path.join(PACKAGE_ROOT, "dist/bench/baselines/bare-discord.js")], {
    ...base,
    DISCORD_PUBLIC_KEY: publicKeyHex,
  });
  // One request per simulated user, so the per-user cooldown never turns a request away.
  const slackSet = Array.from({ length: total }, slackRequest);
  const discordSet = Array.from({ length: total }, discordRequest);
  try {
    await new Promise((r) => setTimeout(r, 500));
    const afterStartMb = rssMb(ours.child.pid);
    const warm = Math.min(200, total);
    await load("warm-up", `http://127.0.0.1:${ours.port}/slack/events`, slackSet, warm, concurrency);
    await load("warm-up", `http://127.0.0.1:${bolt.port}/slack/events`, slackSet, warm, concurrency);
    await load(
      "warm-up",
      `http://127.0.0.1:${ours.port}/discord/interactions`,
      discordSet,
      warm,
      concurrency,
    );
    await load("warm-up", `http://127.0.0.1:${bare.port}/`, discordSet, warm, concurrency);
    // Alternate ours and baseline so machine noise hits both alike.
    const slackOurs = await load(
      "Photo Finish /slack/events",
      `http://127.0.0.1:${ours.port}/slack/events`,
      slackSet,
      total,
      concurrency,
    );
    const slackBare = await load(
      "bare Bolt app",
      `http://127.0.0.1:${bolt.port}/slack/events`,
      slackSet,
      total,
      concurrency,
    );
    const discordOurs = await load(
      "Photo Finish /discord/interactions",
      `http://127.0.0.1:${ours.port}/discord/interactions`,
      discordSet,
      total,
      concurrency,
    );
    const discordBare = await load(
      "bare Node verify-and-reply",
      `http://127.0.0.1:${bare.port}/`,
      discordSet,
      total,
      concurrency,
    );
    const afterLoadMb = rssMb(ours.child.pid);
    // Charts under load: every tenth request asks for a chart, 64 in flight, a 3 s client time-out.
    const mixed = Array.from({ length: Math.min(total, 1280) }, (_, i) =>
      i % 10 === 9 ? chartClick() : discordRequest(),
    );
    const charts = await load(
      "Discord, 1 in 10 a chart, 64 in flight",
      `http://127.0.0.1:${ours.port}/discord/interactions`,
      mixed,
      mixed.length,
      64,
      3_000,
    );
    // Back near idle once the load stops? Chart threads retire after 20 idle seconds: look after 25.
    await new Promise((r) => setTimeout(r, 25_000));
    const settledMb = rssMb(ours.child.pid);
    return {
      slack: { ours: slackOurs, bare: slackBare, ratio: slackOurs.perSecond / slackBare.perSecond },
      discord: { ours: discordOurs, bare: discordBare, ratio: discordOurs.perSecond / discordBare.perSecond },
      rss: { afterStartMb, afterLoadMb, settledMb },
      charts: { ...charts, timeouts: charts.statuses[0] ?? 0 },
    };
  } finally {
    for (const { child } of [ours, bolt, bare]) child.kill("SIGTERM");
    await discordStandIn.close();
  }
}
