import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
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
    const destination = bufferedStderr();
    process.once("exit", () => destination.flushSync());
    return pino(base, destination);
  }
  const { default: pretty } = await import("pino-pretty");
  return pino(
    base,
    pretty({ destination: 2, sync: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" }),
  );
}

/** Where the process logger writes: pino's stream, plus the flushes it and the exit hook use. */
type LogDestination = DestinationStream & {
  flush(callback?: (error?: Error) => void): void;
  flushSync(): void;
};

/**
 * stderr with asynchronous writes: a burst of interactions coalesces into few writes instead of
 * blocking on each line. The lines wait as bytes, not text: in text mode sonic-boom measures the
 * whole pending batch (up to 16 kB) again for every line it appends, which flattened that batch
 * each time (8.7 kB of garbage and about 3 µs a line while a write was pending, in an in-process
 * profile of the request path).
 * What is pending is flushed when the process exits, however it exits.
 */
function bufferedStderr(): LogDestination {
  const stream = pino.destination({ fd: 2, sync: false, contentMode: "buffer" });
  return {
    // In buffer mode sonic-boom takes Buffers; its types list only strings.
    write: (line) => stream.write(Buffer.from(line, "utf8") as unknown as string),
    flush: (callback) => stream.flush(callback),
    flushSync: () => stream.flushSync(),
  };
}

/** A logger that drops everything (tests, `ask`). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
