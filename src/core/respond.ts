import type { Logger } from "pino";
import type { Answer } from "./answer.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./errors.js";
import { type Invocation, parseLine } from "./parse.js";
import { footerOf } from "./present.js";

/** How an interaction ended, for logs and exit codes. */
export type OutcomeStatus = "answered" | "rejected" | "failed";

/** An answer and how it came about. */
export interface Outcome {
  readonly answer: Answer;
  readonly status: OutcomeStatus;
  readonly command: string | undefined;
}

/** The answer a user sees for a problem with their input: their sentence, the usage, any choices. */
export function rejectionAnswer(context: CommandContext, error: UserError): Answer {
  return {
    title: error.title,
    summary: error.message,
    figures: [],
    notes: [],
    ...(error.choices.length > 0 ? { choices: error.choices } : {}),
    ...(error.usage ? { usage: error.usage } : {}),
    footer: footerOf(context.data),
    tone: error.choices.length > 0 ? "choice" : "error",
    ephemeral: true,
  };
}

/** The polite answer for someone asking faster than the cooldown allows. */
export function cooldownAnswer(context: CommandContext, retryAfterMs: number): Answer {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    title: "One moment",
    summary: `You're asking faster than I can keep up with. Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`,
    figures: [],
    notes: [],
    footer: footerOf(context.data),
    tone: "error",
    ephemeral: true,
  };
}

/** A plain private note for something the bot cannot act on (a stale button, a command it no longer has). */
export function noticeAnswer(context: CommandContext, title: string, summary: string): Answer {
  return {
    title,
    summary,
    figures: [],
    notes: [],
    footer: footerOf(context.data),
    tone: "error",
    ephemeral: true,
  };
}

/** The one wording, on every platform, for a button this bot cannot read (an old format, a forged one). */
export function expiredButtonAnswer(context: CommandContext): Answer {
  return noticeAnswer(
    context,
    "That button has expired",
    "That button no longer works. Run the command again for fresh buttons.",
  );
}

/** The apology's text alone: what a platform sends when even rendering the apology failed. */
export const APOLOGY_TEXT =
  "Sorry, I couldn't answer that just now. The problem has been logged; please try again.";

/** The short apology a user sees when something broke on our side; details go to the log. */
export function apologyAnswer(context: CommandContext): Answer {
  return {
    title: "Something went wrong",
    summary: APOLOGY_TEXT,
    figures: [],
    notes: [],
    footer: footerOf(context.data),
    tone: "error",
    ephemeral: true,
  };
}

/**
 * The one place errors become answers, for every platform: UserErrors are the user's to fix,
 * anything else is ours, logged with its stack.
 */
export function answerFailure(
  context: CommandContext,
  error: unknown,
  log: Logger | undefined,
  details: Record<string, unknown>,
): Outcome {
  const command = typeof details.command === "string" ? details.command : undefined;
  if (error instanceof UserError)
    return { answer: rejectionAnswer(context, error), status: "rejected", command };
  log?.error({ err: error, ...details }, "command failed");
  return { answer: apologyAnswer(context), status: "failed", command };
}

/** Runs a parsed invocation, turning any error into an answer. */
export function answerInvocation(
  context: CommandContext,
  invocation: Invocation,
  log?: Logger,
  details: Record<string, unknown> = {},
): Outcome {
  try {
    return {
      answer: invocation.command.run(invocation.values, context),
      status: "answered",
      command: invocation.command.name,
    };
  } catch (error) {
    return answerFailure(context, error, log, {
      command: invocation.command.name,
      options: invocation.values,
      ...details,
    });
  }
}

/** Parses and answers one command line, as typed in a terminal or rebuilt from a button. */
export function answerLine(
  context: CommandContext,
  line: string,
  log?: Logger,
  details: Record<string, unknown> = {},
): Outcome {
  let invocation: Invocation;
  try {
    invocation = parseLine(line, context.commands, context.data);
  } catch (error) {
    return answerFailure(context, error, log, { line, ...details });
  }
  return answerInvocation(context, invocation, log, details);
}
