import pino, { type Logger, type LoggerOptions } from "pino";
import { redactSecrets } from "./log-redact.js";

/**
 * Options every process logger shares: the level, and secrets blanked in every line (see
 * log-redact.ts). A child logger's bindings are not looked at: pino gives `formatters.bindings` only
 * the root's (pid, hostname), and ours are fixed fields (adapter, component, request id).
 */
export function loggerOptions(level: string): LoggerOptions {
  return { level, formatters: { log: redactSecrets } };
}

/**
 * The process logger: JSON lines on stderr, so stdout stays the bot's own output (answers in a
 * terminal, payloads from `ask`). `pretty` makes them readable for a person at a terminal.
 */
export async function createLogger(options: { level: string; pretty: boolean }): Promise<Logger> {
  const base = loggerOptions(options.level);
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
