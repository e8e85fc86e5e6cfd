import { type Config, ConfigError, loadConfig } from "../config.js";
import { DEFAULT_DATA_DIR } from "../paths.js";

const USAGE = "Usage: photo-finish data:update [--season YYYY]… [--dry-run] [--wait SECONDS]";

/** What `data:update` was asked, or why its arguments make no sense. */
function parseArgs(
  args: readonly string[],
): { seasons: number[]; dryRun: boolean; waitMs: number | undefined } | { error: string } {
  const seasons: number[] = [];
  let dryRun = false;
  let waitMs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === "--dry-run" && inline === undefined) dryRun = true;
    else if (flag === "--season") {
      const text = value();
      if (!text || !/^\d{4}$/.test(text))
        return { error: `--season takes a four-digit year, not "${text ?? ""}"` };
      seasons.push(Number(text));
    } else if (flag === "--wait") {
      const text = value();
      const seconds = Number(text);
      if (!text || !Number.isFinite(seconds) || seconds < 0)
        return { error: `--wait takes seconds, not "${text ?? ""}"` };
      waitMs = Math.round(seconds * 1000);
    } else return { error: `unknown option "${arg}"` };
  }
  return { seasons, dryRun, waitMs };
}

/**
 * `photo-finish data:update`: imports finished races from NASCAR's results feed into the data folder
 * (DATA_DIR or the package's data/), prints the report race by race, and resolves with the exit
 * status: 0 changed or up to date, 1 feed or network failure (or another run kept the lock),
 * 2 something the data cannot accept (or bad arguments).
 */
export async function runDataUpdate(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args);
  if ("error" in parsed) {
    process.stderr.write(`photo-finish: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`photo-finish: ${error.message}\nSee .env.example for every variable.\n`);
    return 2;
  }
  const [{ createLogger }, { FeedClient }, { runUpdate }] = await Promise.all([
    import("../log.js"),
    import("../update/feed-client.js"),
    import("../update/update.js"),
  ]);
  const log = await createLogger({
    level: config.LOG_LEVEL ?? "warn",
    pretty: process.stderr.isTTY === true,
  });
  const dataDir = config.DATA_DIR ?? DEFAULT_DATA_DIR;
  const feed = new FeedClient({ baseUrl: config.NASCAR_FEED_URL, timeoutMs: config.NASCAR_FEED_TIMEOUT_MS });
  process.stdout.write(
    `photo-finish data:update${parsed.dryRun ? " (dry run)" : ""}: ${dataDir} from ${feed.baseUrl}\n`,
  );
  const result = await runUpdate({
    dataDir,
    seasons: parsed.seasons,
    dryRun: parsed.dryRun,
    feed,
    log,
    ...(parsed.waitMs === undefined ? {} : { lockWaitMs: parsed.waitMs }),
    alerts: {
      discordWebhookUrl: config.DISCORD_ALERT_WEBHOOK_URL,
      slackWebhookUrl: config.SLACK_ALERT_WEBHOOK_URL,
      maxMarginMs: config.ALERT_MAX_MARGIN,
    },
  });
  process.stdout.write(`${result.lines.join("\n")}\n`);
  if (result.failure) process.stderr.write(`photo-finish: ${result.failure}\n`);
  return result.status;
}
