import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { commands } from "../../commands/index.js";
import { type Config, ConfigError, loadConfig } from "../config.js";
import type { Answer } from "../core/answer.js";
import type { Platform } from "../core/command.js";
import { answerLine } from "../core/respond.js";
import { DataError, formatProblem, loadDataset } from "../data/load.js";
import { PACKAGE_ROOT } from "../paths.js";
import { renderText } from "../platforms/terminal/render.js";
import { styleFor } from "../platforms/terminal/style.js";

const USAGE = `Usage:
  photo-finish                         start the bot (terminal, or every chat platform configured)
  photo-finish --shards N|auto         the same, with the Discord gateway as N shard processes
  photo-finish ask [--format F] [--chart FILE] "<command line>"
                                       answer once and exit (F: text, json, discord, slack);
                                       --chart writes the answer's chart as a PNG
  photo-finish data:check [dir]        validate the data files and list every problem
  photo-finish data:update [--season YYYY]… [--dry-run] [--wait SECONDS]
                                       import finished races from NASCAR's results feed
  photo-finish discord:register        register the slash commands with Discord
  photo-finish slack:manifest [file]   write the Slack app manifest
  photo-finish --help | --version
`;

/** Output formats of `ask`: the neutral answer, or the exact payload a platform would be sent. */
const FORMATS: Record<
  string,
  { platform: Platform; load: (config: Config) => Promise<(answer: Answer) => string> }
> = {
  text: {
    platform: "terminal",
    // At a terminal: its width and colours; into a pipe or file: plain text, PIPED_WIDTH wide.
    load: async () => (answer) =>
      renderText(answer, {
        ...(process.stdout.isTTY && process.stdout.columns > 0 ? { width: process.stdout.columns } : {}),
        style: styleFor(process.stdout),
      }),
  },
  json: { platform: "terminal", load: async () => (answer) => `${JSON.stringify(answer, null, 2)}\n` },
  discord: {
    platform: "discord",
    load: async () => {
      const { toDiscordResponse } = await import("../platforms/discord/render.js");
      return (answer) => `${JSON.stringify(toDiscordResponse(answer), null, 2)}\n`;
    },
  },
  slack: {
    platform: "slack",
    load: async (config) => {
      const { toSlackMessage } = await import("../platforms/slack/render.js");
      const { slackChartFor } = await import("../platforms/slack/cli-chart.js");
      return (answer) =>
        `${JSON.stringify(toSlackMessage(answer, 0, slackChartFor(answer, config.PUBLIC_BASE_URL)), null, 2)}\n`;
    },
  },
};

/**
 * The configuration, read as start-up reads it (`.env`, then the environment, validated), so every
 * verb sees the same DATA_DIR and PUBLIC_BASE_URL as the bot; undefined (reported) when invalid.
 */
function readConfig(): Config | undefined {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`photo-finish: ${error.message}\nSee .env.example for every variable.\n`);
    return undefined;
  }
}

async function ask(args: string[]): Promise<number> {
  let format = "text";
  let chartFile: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--format" || arg === "-f") format = args[++i] ?? "";
    else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
    else if (arg === "--chart") chartFile = args[++i] ?? "";
    else if (arg.startsWith("--chart=")) chartFile = arg.slice("--chart=".length);
    else words.push(arg);
  }
  if (chartFile === "") {
    process.stderr.write(`photo-finish: --chart needs a file name, e.g. --chart out.png\n`);
    return 2;
  }
  const chosen = FORMATS[format];
  if (!chosen) {
    process.stderr.write(
      `photo-finish: unknown format "${format}" (use ${Object.keys(FORMATS).join(", ")})\n`,
    );
    return 2;
  }
  if (words.length === 0) {
    process.stderr.write(`photo-finish: ask needs a command line, e.g. photo-finish ask "/closest 5"\n`);
    return 2;
  }
  const config = readConfig();
  if (!config) return 2;
  const data = await loadDataset(config.DATA_DIR, { useSnapshot: true });
  const render = await chosen.load(config);
  const outcome = answerLine({ data, commands, platform: chosen.platform }, words.join(" "));
  process.stdout.write(render(outcome.answer));
  const status = outcome.status === "answered" ? 0 : outcome.status === "rejected" ? 2 : 1;
  if (chartFile === undefined || status !== 0) return status;
  return (await writeChart(outcome.answer, chartFile)) ? status : 1;
}

/**
 * Writes an answer's chart as PNG. The answer is already printed, so a failure costs only the
 * picture: it is reported on stderr and the exit status says the file was not written.
 */
async function writeChart(answer: Answer, file: string): Promise<boolean> {
  if (!answer.chart) {
    process.stderr.write(`photo-finish: this answer has no chart; ${file} not written\n`);
    return true;
  }
  try {
    const { renderChartImage } = await import("../charts/index.js");
    const image = await renderChartImage(answer.chart);
    writeFileSync(file, image.png);
    process.stderr.write(`photo-finish: chart written to ${file} (${image.width}×${image.height} PNG)\n`);
    return true;
  } catch (error) {
    process.stderr.write(`photo-finish: could not write the chart to ${file}: ${(error as Error).message}\n`);
    return false;
  }
}

async function checkData(dir: string | undefined): Promise<number> {
  const config = dir === undefined ? readConfig() : undefined;
  if (dir === undefined && !config) return 2;
  try {
    const data = await loadDataset(dir ?? config?.DATA_DIR);
    process.stdout.write(
      `OK: ${data.races.length} races, ${data.drivers.size} drivers, ${data.tracks.size} tracks, as of ${data.meta.asOf}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    process.stderr.write(
      `${error.problems.length} problem(s):\n${error.problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`,
    );
    return 1;
  }
}

/** Reads `--shards N|auto` from the start arguments: undefined when absent, null when malformed. */
function parseShards(args: readonly string[]): number | "auto" | undefined | null {
  const at = args.indexOf("--shards");
  if (at === -1) return args.length === 0 ? undefined : null;
  const value = args[at + 1];
  if (value === "auto") return "auto";
  return value && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : null;
}

/** Runs the `photo-finish` command; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case undefined:
    case "start":
    case "--shards": {
      const shards = parseShards(verb === "--shards" ? argv : rest);
      if (shards === null) {
        process.stderr.write(`photo-finish: --shards takes a number of shards or "auto"\n`);
        return 2;
      }
      const { start } = await import("../main.js");
      return start(shards === undefined ? {} : { shards });
    }
    case "ask":
      return ask(rest);
    case "data:check":
      return checkData(rest[0]);
    case "data:update": {
      const { runDataUpdate } = await import("./data-update.js");
      return runDataUpdate(rest);
    }
    case "discord:register": {
      const { registerDiscordCommands } = await import("../platforms/discord/register.js");
      return registerDiscordCommands();
    }
    case "slack:manifest": {
      const { writeSlackManifest } = await import("../platforms/slack/manifest.js");
      return writeSlackManifest(rest[0]);
    }
    case "--version":
    case "-v": {
      const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
        version: string;
      };
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    case "--help":
    case "-h":
    case "help":
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`photo-finish: unknown command "${verb}"\n\n${USAGE}`);
      return 2;
  }
}
