import type { Logger } from "pino";

/** The message of every interaction's log line, on every platform. */
export const INTERACTION_LOG_MESSAGE = "interaction";

/** Above this, an interaction's line is a warning: Discord and Slack give up at 3 s. */
export const SLOW_INTERACTION_MS = 2_000;

/**
 * The one log line each interaction gets, the same fields on every platform (pino adds level, time,
 * msg "interaction" and the request's `requestId`). User ids appear only as pseudonyms.
 */
export interface InteractionLogLine {
  readonly platform: string;
  /** "gateway", "http", "socket", "stdin". */
  readonly transport: string;
  readonly kind: "command" | "button" | "autocomplete" | "unsupported";
  readonly command: string | undefined;
  readonly options: Readonly<Record<string, unknown>> | undefined;
  /** For a readable button: what it did, on which command line, and the page (0-based) for paging. */
  readonly action?: "page" | "choice" | "chart";
  readonly line?: string;
  readonly page?: number;
  readonly outcome: "answered" | "rejected" | "failed" | "suggested";
  readonly reason?: string;
  /** The pseudonym (16 hex digits); absent for the terminal's operator or a request with no user. */
  readonly user: string | undefined;
  /** From the request reaching the process to the reply delivered, in ms (one decimal). */
  readonly latencyMs: number;
  readonly delivered?: boolean;
  readonly chart?: boolean;
  readonly ephemeral?: boolean;
}

/**
 * Writes the line: a warning when the interaction failed, was not delivered or was slow; debug for
 * `quiet` ones (autocomplete fires on every keystroke; the terminal shares its screen with the log);
 * info otherwise.
 */
export function logInteraction(log: Logger, line: InteractionLogLine, options: { quiet: boolean }): void {
  const bad = line.outcome === "failed" || line.delivered === false || line.latencyMs > SLOW_INTERACTION_MS;
  const level = bad ? "warn" : options.quiet ? "debug" : "info";
  log[level](line, INTERACTION_LOG_MESSAGE);
}
