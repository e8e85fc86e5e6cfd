import pino, { type Logger } from "pino";

/** Paths pino blanks in every log line, wherever a secret could turn up. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "config.DISCORD_TOKEN",
  "config.DISCORD_PUBLIC_KEY",
  "config.SLACK_BOT_TOKEN",
  "config.SLACK_SIGNING_SECRET",
  "config.SLACK_APP_TOKEN",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-slack-signature"]',
  'headers["x-signature-ed25519"]',
];

/**
 * The process logger: JSON lines on stderr, so stdout stays the bot's own output (answers in a
 * terminal, payloads from `ask`). `pretty` makes them readable for a person at a terminal.
 */
export async function createLogger(options: { level: string; pretty: boolean }): Promise<Logger> {
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
  if (!options.pretty) {
    // Asynchronous writes: a burst of interactions coalesces into few writes instead of blocking on
    // each line. What is pending is flushed when the process exits, however it exits.
    const destination = pino.destination({ fd: 2, sync: false });
    process.once("exit", () => destination.flushSync());
    return pino(base, destination);
  }
  const { default: pretty } = await import("pino-pretty");
  return pino(
    base,
    pretty({ destination: 2, sync: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" }),
  );
}

/** A logger that drops everything (tests, `ask`). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
