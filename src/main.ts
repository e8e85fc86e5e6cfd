import { existsSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { timeBox } from "./core/time-box.js";
import { DataError, loadDataset } from "./data/load.js";
import { HttpServer, sendJson } from "./http/server.js";
import { createLogger } from "./log.js";
import { DEFAULT_DATA_DIR } from "./paths.js";
import { Pipeline } from "./pipeline/pipeline.js";
import { userKeyFrom } from "./pipeline/user-id.js";
import { createGateway, discordPlatform } from "./platforms/discord/index.js";
import type { Adapter, PlatformModule } from "./platforms/platform.js";
import { slackPlatform } from "./platforms/slack/index.js";
import { runTerminal } from "./platforms/terminal/index.js";
import { Runtime } from "./runtime.js";
import type { ScheduledRefresh } from "./update/schedule.js";
import { JOURNAL_FILE } from "./update/write.js";

/**
 * The chat platforms, one folder each under src/platforms: every one whose configuration is set
 * starts in this process. Adding a platform is its folder and one line here.
 */
const PLATFORMS: readonly PlatformModule[] = [discordPlatform, slackPlatform];

/** How long shutdown lets in-flight requests finish before it closes every connection that is left. */
const HTTP_GRACE_MS = 6_000;
/**
 * When the process exits after SIGTERM whatever is still running (a client holding a socket, an
 * SDK that keeps a timer): the promise is "exit 0 within 10 s".
 */
const HARD_EXIT_MS = 9_000;
/** How often users whose cooldown has passed are forgotten (see Cooldown.forgetExpired). */
const FORGET_EXPIRED_EVERY_MS = 30_000;

/**
 * How long an adapter may take to connect. SDKs retry some failures forever (Bolt on a 5xx from
 * apps.connections.open); better to exit non-zero and let the supervisor restart than to hang.
 */
const START_TIMEOUT_MS = 60_000;

/** True in a shard's child process: discord.js's ShardingManager marks it in the environment. */
function isShardProcess(): boolean {
  return process.env.SHARDING_MANAGER === "true" && process.env.SHARDS !== undefined;
}

/** How `photo-finish` was asked to start. */
export interface StartOptions {
  /** Run the Discord gateway as this many shard processes (ShardingManager), or Discord's recommendation. */
  readonly shards?: number | "auto";
}

/** Reads configuration and data, reporting problems in plain words; undefined when start-up must stop. */
async function prepare(): Promise<{ config: Config; log: Logger; runtime: Runtime } | undefined> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`photo-finish: ${error.message}\nSee .env.example for every variable.\n`);
      return undefined;
    }
    throw error;
  }
  const chat = PLATFORMS.some((p) => p.enabled(config));
  // The terminal bot shares the terminal with its logs: only warnings unless asked for more.
  const log = await createLogger({
    level: config.LOG_LEVEL ?? (chat ? "info" : "warn"),
    pretty: process.stderr.isTTY === true,
  });
  try {
    const dataDir = config.DATA_DIR ?? DEFAULT_DATA_DIR;
    if (existsSync(path.join(dataDir, JOURNAL_FILE))) {
      const { recoverAtStartup } = await import("./update/write.js");
      const recovered = await recoverAtStartup(dataDir);
      if (recovered) log.warn({ dataDir }, `data folder: ${recovered}`);
    }
    const data = await loadDataset(config.DATA_DIR, { useSnapshot: true });
    return { config, log, runtime: new Runtime(data, config.DATA_DIR, log) };
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(`photo-finish: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/**
 * Starts the bot: every chat adapter whose credentials are set, in one process and one HTTP server,
 * or the terminal bot when none is. Resolves with the exit code.
 */
export async function start(options: StartOptions = {}): Promise<number> {
  const ready = await prepare();
  if (!ready) return 1;
  const { config, log, runtime } = ready;
  const on = PLATFORMS.filter((p) => p.enabled(config));
  if (options.shards !== undefined && !config.DISCORD_TOKEN) {
    process.stderr.write("photo-finish: --shards runs the Discord gateway bot, which needs DISCORD_TOKEN\n");
    return 1;
  }
  // discord.js re-emits listener rejections, and SDKs retry in the background: a stray rejection is
  // logged with its stack, never allowed to take the bot down.
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled promise rejection"));
  // One pipeline, so one set of per-user limits and one pseudonym key, for every platform.
  const userKey = userKeyFrom(config);
  const pipeline = new Pipeline({ runtime, log, userKey });
  // Users whose cooldown window has passed are dropped even when nobody else writes, so memory goes
  // back down after a busy spell; unref'd, so it never keeps the process up.
  setInterval(() => pipeline.limits.forgetExpired(), FORGET_EXPIRED_EVERY_MS).unref();
  // In a shard's child process (started by --shards), this process is one gateway shard, nothing else.
  if (isShardProcess())
    return serve(
      { config, log, runtime },
      [await createGateway({ config, runtime, log, pipeline, http: undefined })],
      undefined,
    );
  if (on.length === 0) {
    await runTerminal(runtime, pipeline, log);
    return 0;
  }
  if (!userKey.stable)
    log.warn(
      "user pseudonyms change on every restart: set USER_HASH_KEY (or a platform secret) so logs and limits follow a user across restarts and replicas",
    );
  const http = on.some((p) => p.needsHttp(config)) ? new HttpServer(log) : undefined;
  const deps = { config, runtime, log, pipeline, http };
  const adapters: Adapter[] = [];
  for (const platform of on)
    adapters.push(
      ...(await platform.create(options.shards === undefined ? deps : { ...deps, shards: options.shards })),
    );
  // 503 once shutdown begins, so a load balancer stops sending here while in-flight work finishes.
  http?.route("GET", "/healthz", (_req, res) =>
    sendJson(res, http.draining ? 503 : 200, {
      status: http.draining ? "draining" : "ok",
      asOf: runtime.data.meta.asOf,
      races: runtime.data.races.length,
      refreshedAt: runtime.refreshedAt ?? null,
      lastRefresh: runtime.lastRefresh ?? null,
      adapters: adapters.map((a) => a.name),
    }),
  );
  return serve({ config, log, runtime }, adapters, http);
}

/**
 * Starts the adapters and the HTTP server, then runs until SIGTERM or SIGINT; SIGHUP reloads the
 * data. Resolves with the exit code.
 */
async function serve(
  { config, log, runtime }: { config: Config; log: Logger; runtime: Runtime },
  adapters: readonly Adapter[],
  http: HttpServer | undefined,
): Promise<number> {
  let refresh: ScheduledRefresh | undefined;
  // Signals are handled from here on, so a stop that arrives while connecting is still clean.
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "shutting down");
      // Not cleared: if anything still holds the process when it is due (it is unref'd, so it never
      // keeps the process up by itself), the process exits anyway. Logs are flushed on exit.
      setTimeout(() => {
        log.warn("shutdown took too long; exiting anyway");
        process.exit(0);
      }, HARD_EXIT_MS).unref();
      await Promise.allSettled([
        ...adapters.map((a) => a.stop()),
        http?.close(HTTP_GRACE_MS),
        refresh?.stop(),
      ]);
      log.info("stopped");
      // A shard process talks to its manager over IPC, which would keep it alive after everything else.
      if (process.connected) process.disconnect();
      resolve(0);
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  });
  // Reloads are serialised inside Runtime: a burst of signals never interleaves two loads.
  process.on("SIGHUP", () => void runtime.reload());

  try {
    for (const adapter of adapters)
      await timeBox(
        adapter.start(),
        START_TIMEOUT_MS,
        `${adapter.name} did not start within ${START_TIMEOUT_MS / 1000} s`,
      );
    if (http) {
      const address = await http.listen(config.PORT, config.HOST);
      log.info({ host: address.address, port: address.port }, "HTTP server listening");
    }
  } catch (error) {
    log.fatal({ err: error }, "could not start");
    await Promise.allSettled([...adapters.map((a) => a.stop()), http?.close()]);
    return 1;
  }
  if (config.DATA_REFRESH) refresh = await startRefresh(config, config.DATA_REFRESH, runtime, log);
  log.info({ adapters: adapters.map((a) => a.name), asOf: runtime.data.meta.asOf }, "Photo Finish is up");
  return stopped;
}

/** DATA_REFRESH: the scheduled update, loaded only when it is configured. */
async function startRefresh(
  config: Config,
  intervalMs: number,
  runtime: Runtime,
  log: Logger,
): Promise<ScheduledRefresh> {
  const [{ FeedClient }, { startScheduledRefresh }] = await Promise.all([
    import("./update/feed-client.js"),
    import("./update/schedule.js"),
  ]);
  return startScheduledRefresh({
    dataDir: config.DATA_DIR ?? DEFAULT_DATA_DIR,
    intervalMs,
    feed: new FeedClient({ baseUrl: config.NASCAR_FEED_URL, timeoutMs: config.NASCAR_FEED_TIMEOUT_MS }),
    alerts: {
      discordWebhookUrl: config.DISCORD_ALERT_WEBHOOK_URL,
      slackWebhookUrl: config.SLACK_ALERT_WEBHOOK_URL,
      maxMarginMs: config.ALERT_MAX_MARGIN,
    },
    log,
    runtime,
  });
}
