import { commands } from "../../../commands/index.js";
import { ConfigError, loadConfig } from "../../config.js";
import { DataError, loadDataset } from "../../data/load.js";
import { buildCommandJson } from "./command-json.js";

/** Where and how to register; tests point `api` at a local server so no request leaves the machine. */
export interface RegisterOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Discord API base URL (without the version), default https://discord.com/api. */
  readonly api?: string;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
}

/**
 * `photo-finish discord:register`: bulk-overwrites the application's slash commands with the
 * registry's. To DISCORD_GUILD_ID when set (shows at once, for development), globally otherwise.
 * Resolves with the exit code: 0 registered, 1 Discord refused or configuration is missing.
 */
export async function registerDiscordCommands(options: RegisterOptions = {}): Promise<number> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.write(`photo-finish: ${error.message}\n`);
    return 1;
  }
  const token = config.DISCORD_TOKEN;
  const appId = config.DISCORD_APPLICATION_ID;
  if (!token || !appId) {
    err.write(
      "photo-finish: discord:register needs DISCORD_TOKEN (Bot page) and DISCORD_APPLICATION_ID (General Information page).\n",
    );
    return 1;
  }
  let eras: { id: string; name: string }[];
  try {
    eras = (await loadDataset(config.DATA_DIR)).eras.map((era) => ({ id: era.id, name: era.name }));
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    err.write(`photo-finish: ${error.message}\n`);
    return 1;
  }
  const body = buildCommandJson(commands, eras);
  // discord.js is loaded only here, so building the JSON (and its tests) stays free of it.
  const { REST, Routes, DiscordAPIError } = await import("discord.js");
  const rest = new REST({
    ...(options.api ? { api: options.api } : {}),
    retries: 1,
    timeout: 15_000,
  }).setToken(token);
  const guild = config.DISCORD_GUILD_ID;
  const route = guild ? Routes.applicationGuildCommands(appId, guild) : Routes.applicationCommands(appId);
  try {
    const saved = (await rest.put(route, { body })) as unknown[];
    out.write(
      guild
        ? `Registered ${saved.length} commands to server ${guild}; they show up there right away.\n`
        : `Registered ${saved.length} commands globally; Discord can take a while to show them everywhere.\n`,
    );
    return 0;
  } catch (error) {
    const detail =
      error instanceof DiscordAPIError
        ? `Discord refused (${error.status} ${error.code}): ${error.message}`
        : `could not reach Discord: ${(error as Error).message}`;
    err.write(`photo-finish: discord:register failed: ${detail}\n`);
    if (error instanceof DiscordAPIError && error.status === 401)
      err.write("Check DISCORD_TOKEN: it should be the bot token from the Bot page.\n");
    return 1;
  }
}
