import { existsSync } from "node:fs";
import { z } from "zod";
import { publicKeyProblem } from "./platforms/discord/public-key.js";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const snowflake = z.string().regex(/^\d{17,20}$/, "should be a Discord id: 17 to 20 digits");

/** Every setting Photo Finish reads from the environment, validated once at start-up. */
export const configSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .regex(
        /^[\w-]+\.[\w-]+\.[\w-]+$/,
        "should be a bot token: three dot-separated parts (Bot tab of the app)",
      ),
  ),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z.url({ message: "should be the base URL of a Discord REST proxy, e.g. http://127.0.0.1:8080" }),
  ),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, "should be 64 hex characters (General Information page)")
      // A small-order or non-canonical key would let forged signatures verify: refuse to start.
      .superRefine((hex, ctx) => {
        const problem = publicKeyProblem(hex);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[\w-]+$/, "should start with xoxb-")),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[0-9a-z]{16,}$/i, "should be the app's signing secret (16+ letters and digits)"),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-[\w-]+$/, "should start with xapp- (app-level token with connections:write)"),
  ),
  SLACK_BOT_USER_ID: optional(
    z.string().regex(/^[UW][A-Z0-9]+$/, "should be a Slack user id like U0123ABCD"),
  ),
  SLACK_BOT_ID: optional(z.string().regex(/^B[A-Z0-9]+$/, "should be a Slack bot id like B0123ABCD")),
  // Plain decimal only: Number() would also take "0x50", "1e3" and " 38124 ", and 0 means "any
  // free port", which no load balancer or Slack/Discord URL could point at.
  PORT: z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : value),
    z
      .string()
      .regex(/^[1-9][0-9]{0,4}$/, "should be a port number: plain digits, 1 to 65535")
      .transform(Number)
      .refine((port) => port <= 65535, "should be a port number: plain digits, 1 to 65535")
      .default(3000),
  ),
  HOST: z.preprocess(blankToUndefined, z.string().default("0.0.0.0")),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  DATA_DIR: optional(z.string()),
  // The key of user pseudonyms in logs and limits (src/pipeline/user-id.ts): without it, one is
  // derived from the platform secrets.
  USER_HASH_KEY: optional(z.string().min(16, "should be a secret of at least 16 characters")),
  NASCAR_FEED_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ message: "should be the base URL of NASCAR's results feed, e.g. https://cf.nascar.com/cacher" })
      .default("https://cf.nascar.com/cacher"),
  ),
  NASCAR_FEED_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int("should be a whole number of milliseconds")
      .min(1)
      .max(120_000, "should be at most 120000 (two minutes)")
      .default(10_000),
  ),
  DATA_REFRESH: optional(
    z
      .string()
      .regex(/^(off|\d+(s|m|h|d))$/i, "should be an interval like 6h, 30m or 1d, or off")
      .transform((text) => parseInterval(text)),
  ),
  DISCORD_ALERT_WEBHOOK_URL: optional(
    z.url({ message: "should be a Discord webhook URL, https://discord.com/api/webhooks/<id>/<token>" }),
  ),
  SLACK_ALERT_WEBHOOK_URL: optional(
    z.url({ message: "should be a Slack incoming webhook URL, https://hooks.slack.com/services/..." }),
  ),
  ALERT_MAX_MARGIN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{0,2}(\.\d{1,3})?$/, "should be seconds with at most three decimals, e.g. 0.100")
      .refine((s) => /\d/.test(s), "should be seconds with at most three decimals, e.g. 0.100")
      .transform((s) => Math.round(Number(s) * 1000))
      .default(100),
  ),
  PUBLIC_BASE_URL: optional(
    z
      .string()
      .regex(
        /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/,
        "should be the bot's public URL, e.g. https://bot.example.com",
      )
      // One form everywhere: chart URLs are built by appending /charts/<id>.png.
      .transform((url) => url.replace(/\/+$/, "")),
  ),
});

/** "6h" → 21600000 ms; "off" → undefined (no scheduled refresh). */
export function parseInterval(text: string): number | undefined {
  const match = /^(\d+)(s|m|h|d)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    (match[2] as string).toLowerCase()
  ] as number;
  const ms = Number(match[1]) * unit;
  return ms > 0 ? ms : undefined;
}

/** Validated configuration. */
export type Config = z.output<typeof configSchema>;

/** Thrown for configuration that cannot work; the message names each variable and what it should be. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads `.env` (if present) into the environment without overriding what is already set, then
 * validates. Throws ConfigError naming every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = ".env"): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const config = parsed.data;
  const missing: string[] = [];
  if (config.DISCORD_TOKEN && !config.DISCORD_APPLICATION_ID)
    missing.push("  DISCORD_APPLICATION_ID: needed with DISCORD_TOKEN (General Information page of the app)");
  if (config.SLACK_APP_TOKEN && !config.SLACK_BOT_TOKEN)
    missing.push("  SLACK_BOT_TOKEN: needed with SLACK_APP_TOKEN for Socket Mode (OAuth & Permissions page)");
  if (config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN && !config.SLACK_BOT_TOKEN)
    missing.push("  SLACK_BOT_TOKEN: needed with SLACK_SIGNING_SECRET (OAuth & Permissions page)");
  if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.join("\n")}`);
  return config;
}
