import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { PACKAGE_ROOT, PRODUCTION_ENV, PRODUCTION_NODE_FLAGS } from "../src/paths.js";
import { APP_ID, startFakeDiscord } from "../stand-ins/discord.js";
import {
  distinctQuestions,
  POPULAR_QUESTIONS,
  type PreparedRequest,
  type Question,
  RequestSigner,
  requestSet,
} from "./http-requests.js";
import { median, percentile } from "./stats.js";

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

/** Ours against a baseline over several rounds: the median round of each, and the ratio per round. */
export interface RatioFigure {
  readonly ours: LoadFigure;
  readonly bare: LoadFigure;
  /** The median of the rounds' ratios (ours ÷ baseline, requests per second). */
  readonly ratio: number;
  readonly ratios: readonly number[];
}

/** Everything the HTTP part of the benchmark reports. */
export interface HttpFigures {
  readonly rounds: number;
  /** The popular questions, over and over (answered from the cache after the first time). */
  readonly slack: RatioFigure;
  readonly discord: RatioFigure;
  /** Every question different: nothing can come from the cache. */
  readonly slackDistinct: RatioFigure;
  readonly discordDistinct: RatioFigure;
  /**
   * After start; right after the question load; 10 s after it, before any chart (back near idle?);
   * and 25 s after the chart load.
   */
  readonly rss: {
    readonly afterStartMb: number;
    readonly afterLoadMb: number;
    readonly quietMb: number;
    readonly settledMb: number;
  };
  /** Discord interactions, 64 in flight, one in ten a Chart click; unanswered within 3 s = time-out. */
  readonly charts: LoadFigure & { readonly timeouts: number };
}

/** The run whose throughput is the median of the runs (the lower middle one for an even count). */
function medianRun(runs: readonly LoadFigure[]): LoadFigure {
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LoadFigure;
}

/** One endpoint of ours and its baseline, measured round after round. */
interface Pair {
  readonly label: string;
  readonly ours: string;
  readonly bare: string;
  /** A fresh set of signed requests (new users) for one run. */
  readonly requests: () => PreparedRequest[];
}

/**
 * Runs ours and the baseline `rounds` times, alternating which goes first, so drift and noise on a
 * shared machine fall on both alike; each round gives one ratio.
 */
async function compare(pair: Pair, rounds: number, concurrency: number): Promise<RatioFigure> {
  const ours: LoadFigure[] = [];
  const bare: LoadFigure[] = [];
  for (let round = 0; round < rounds; round++) {
    const run = (target: string, url: string) => {
      const set = pair.requests();
      return load(target, url, set, set.length, concurrency);
    };
    const mine = () => run(`Photo Finish ${pair.label}`, pair.ours);
    const theirs = () => run(`baseline ${pair.label}`, pair.bare);
    if (round % 2 === 0) {
      ours.push(await mine());
      bare.push(await theirs());
    } else {
      bare.push(await theirs());
      ours.push(await mine());
    }
  }
  const ratios = ours.map((o, i) => o.perSecond / (bare[i] as LoadFigure).perSecond);
  return { ours: medianRun(ours), bare: medianRun(bare), ratio: median(ratios), ratios };
}

/**
 * Runs Photo Finish's Slack and Discord endpoints side by side with their bare baselines: `total`
 * requests per run, `rounds` rounds of the popular questions and of distinct ones, then the load
 * with charts, and the bot's resident memory along the way.
 */
export async function benchHttp(total: number, concurrency: number, rounds = 5): Promise<HttpFigures> {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  const secret = "benchsigningsecret0123456789abcd";
  const base: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "info" };
  for (const key of Object.keys(base)) if (/^(DISCORD_|SLACK_)/.test(key)) delete base[key];
  const signer = new RequestSigner(secret, privateKey);

  const bin = path.join(PACKAGE_ROOT, "bin", "photo-finish.js");
  // Every adapter on: the gateway bot connects to a loopback stand-in for Discord.
  const discordStandIn = await startFakeDiscord();
  // Run as npm start runs it, with the same Node flags.
  // PORT must be a real port (0 is refused at start-up): ask the kernel for a free one.
  const ours = await startChild([...PRODUCTION_NODE_FLAGS, bin], {
    ...base,
    ...PRODUCTION_ENV,
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
  const slackUrls = {
    ours: `http://127.0.0.1:${ours.port}/slack/events`,
    bare: `http://127.0.0.1:${bolt.port}/slack/events`,
  };
  const discordUrls = {
    ours: `http://127.0.0.1:${ours.port}/discord/interactions`,
    bare: `http://127.0.0.1:${bare.port}/`,
  };
  const distinct = distinctQuestions(total);
  const pairs = {
    slack: {
      label: "Slack",
      ...slackUrls,
      requests: () => requestSet(POPULAR_QUESTIONS, total, (q) => signer.slack(q)),
    },
    discord: {
      label: "Discord",
      ...discordUrls,
      requests: () => requestSet(POPULAR_QUESTIONS, total, (q) => signer.discord(q)),
    },
    slackDistinct: {
      label: "Slack, distinct",
      ...slackUrls,
      requests: () => requestSet(distinct, total, (q) => signer.slack(q)),
    },
    discordDistinct: {
      label: "Discord, distinct",
      ...discordUrls,
      requests: () => requestSet(distinct, total, (q) => signer.discord(q)),
    },
  } satisfies Record<string, Pair>;
  try {
    await new Promise((r) => setTimeout(r, 500));
    const afterStartMb = rssMb(ours.child.pid);
    // Warm-up, not measured: every process runs its hot paths until the JIT has compiled them.
    for (const pair of Object.values(pairs)) await compare(pair, 2, concurrency);
    const slack = await compare(pairs.slack, rounds, concurrency);
    const discord = await compare(pairs.discord, rounds, concurrency);
    const slackDistinct = await compare(pairs.slackDistinct, rounds, concurrency);
    const discordDistinct = await compare(pairs.discordDistinct, rounds, concurrency);
    const afterLoadMb = rssMb(ours.child.pid);
    // Does the process give back what the load took once questions stop coming? (Charts come after.)
    await new Promise((r) => setTimeout(r, 10_000));
    const quietMb = rssMb(ours.child.pid);
    // Charts under load: every tenth request asks for a chart, 64 in flight, a 3 s client time-out.
    const mixed = Array.from({ length: Math.min(total, 1280) }, (_, i) =>
      i % 10 === 9
        ? signer.chartClick("/leaders nextgen")
        : signer.discord(POPULAR_QUESTIONS[i % POPULAR_QUESTIONS.length] as Question),
    );
    const charts = await load(
      "Discord, 1 in 10 a chart, 64 in flight",
      discordUrls.ours,
      mixed,
      mixed.length,
      64,
      3_000,
    );
    // After the chart load: chart threads retire after 20 idle seconds, so look after 25.
    await new Promise((r) => setTimeout(r, 25_000));
    const settledMb = rssMb(ours.child.pid);
    return {
      rounds,
      slack,
      discord,
      slackDistinct,
      discordDistinct,
      rss: { afterStartMb, afterLoadMb, quietMb, settledMb },
      charts: { ...charts, timeouts: charts.statuses[0] ?? 0 },
    };
  } finally {
    for (const { child } of [ours, bolt, bare]) child.kill("SIGTERM");
    await discordStandIn.close();
  }
}
