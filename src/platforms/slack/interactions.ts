import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import type { CommandContext } from "../../core/command.js";
import { UserError } from "../../core/errors.js";
import { type Invocation, parseLine } from "../../core/parse.js";
import {
  answerFailure,
  answerInvocation,
  answerLine,
  type Outcome,
  rejectionAnswer,
} from "../../core/respond.js";
import { decodeButtonValue } from "./action-value.js";
import { UMBRELLA_COMMAND } from "./manifest.js";
import { type SlackMessage, toSlackMessage } from "./render.js";

/**
 * What Slack interactions mean for Photo Finish, without Bolt: a slash command or a button click in,
 * the messages to send out. The adapter only moves them over the wire, so this is tested directly.
 */

/** A slash command turned into an answer and the message that carries it. */
export interface CommandReply {
  readonly line: string;
  readonly outcome: Outcome;
  /** The parsed option values, for the log; absent when the line did not parse. */
  readonly options: Readonly<Record<string, unknown>> | undefined;
  readonly message: SlackMessage;
}

/** One respond() call: a message (replacing the clicked one or not), or deleting the clicked one. */
export type RespondStep =
  | (SlackMessage & { readonly replace_original: boolean })
  | { readonly delete_original: true };

/** A button click turned into what to send to its response_url, in order. */
export interface ButtonReply {
  readonly kind: "page" | "choice" | "invalid";
  readonly line: string | undefined;
  readonly outcome: Outcome;
  /** The page of the answer the message steps show (zero-based). */
  readonly page: number;
  readonly steps: readonly RespondStep[];
}

/**
 * The command line a slash command stands for. `/margin` + `0.5 nextgen` → `/margin 0.5 nextgen`;
 * the umbrella `/photofinish margin 0.5` → `/margin 0.5`, and `/photofinish` alone → `/help`.
 */
export function slashCommandLine(command: string, text: string): string {
  const name = command.trim().replace(/^\//, "").toLowerCase();
  const rest = text.trim();
  if (name !== UMBRELLA_COMMAND) return rest === "" ? `/${name}` : `/${name} ${rest}`;
  if (rest === "") return "/help";
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/** Parses and answers a line, keeping the parsed values for the log (answerLine does not return them). */
function answerWithOptions(
  context: CommandContext,
  line: string,
  log: Logger | undefined,
  details: Record<string, unknown>,
): { outcome: Outcome; options: Readonly<Record<string, unknown>> | undefined } {
  let invocation: Invocation;
  try {
    invocation = parseLine(line, context.commands, context.data);
  } catch (error) {
    return { outcome: answerFailure(context, error, log, { line, ...details }), options: undefined };
  }
  return { outcome: answerInvocation(context, invocation, log, details), options: invocation.values };
}

/** Answers a slash command with Slack's free text after it. Never throws for any input. */
export function answerSlashCommand(
  context: CommandContext,
  command: string,
  text: string,
  log?: Logger,
  details: Record<string, unknown> = {},
): CommandReply {
  const line = slashCommandLine(command, text);
  const { outcome, options } = answerWithOptions(context, line, log, details);
  return { line, outcome, options, message: toSlackMessage(outcome.answer) };
}

/**
 * Answers a click on one of our buttons. Paging re-runs the answer's command line and replaces the
 * message with the wanted page. A choice runs its command line: from a private prompt, a public
 * answer is posted and the prompt removed (Slack cannot turn an ephemeral message public); a
 * private answer replaces the prompt. A problem is shown privately and leaves the message alone.
 */
export function answerButton(
  context: CommandContext,
  value: string | undefined,
  fromEphemeral: boolean,
  log?: Logger,
  details: Record<string, unknown> = {},
): ButtonReply {
  const action = decodeButtonValue(value);
  if (!action) {
    const error = new UserError("That button no longer works. Please run the command again.", {
      title: "Button expired",
    });
    const outcome: Outcome = {
      answer: rejectionAnswer(context, error),
      status: "rejected",
      command: undefined,
    };
    return {
      kind: "invalid",
      line: undefined,
      outcome,
      page: 0,
      steps: [{ ...toSlackMessage(outcome.answer), replace_original: false }],
    };
  }
  const outcome = answerLine(context, action.line, log, details);
  const page = action.kind === "page" ? action.page : 0;
  const message = toSlackMessage(outcome.answer, page);
  let steps: RespondStep[];
  if (outcome.status !== "answered") steps = [{ ...message, replace_original: false }];
  else if (action.kind === "page") steps = [{ ...message, replace_original: true }];
  else if (!fromEphemeral) steps = [{ ...message, replace_original: false }];
  else if (outcome.answer.ephemeral) steps = [{ ...message, replace_original: true }];
  else steps = [{ ...message, replace_original: false }, { delete_original: true }];
  return { kind: action.kind, line: action.line, outcome, page, steps };
}

/**
 * A stable pseudonym for a Slack user in logs: keyed HMAC of team and user, so log lines about one
 * person can be grouped without the log ever holding their id (ids are guessable; the key is not).
 */
export function hashUser(key: string, teamId: string | undefined, userId: string | undefined): string {
  if (!userId) return "unknown";
  return createHmac("sha256", key)
    .update(`${teamId ?? ""}:${userId}`)
    .digest("hex")
    .slice(0, 16);
}
