import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { AnswerReply, InboundRequest } from "../../pipeline/request.js";
import { decodeButtonValue } from "./action-value.js";
import { UMBRELLA_COMMAND } from "./manifest.js";
import { type SlackMessage, toSlackMessage } from "./render.js";

/**
 * What Slack interactions mean for Photo Finish, without Bolt: a slash command or a button click
 * read into a request, and the pipeline's reply turned into the messages to send. The adapter only
 * moves them over the wire, so this is tested directly.
 */

/** The platform's name in requests and logs. */
export const SLACK = "slack";

/** One respond() call: a message (replacing the clicked one or not), or deleting the clicked one. */
export type RespondStep =
  | (SlackMessage & { readonly replace_original: boolean })
  | { readonly delete_original: true };

/** How a Slack request arrived, for the request. */
export interface SlackArrival {
  readonly transport: "socket" | "http";
  readonly receivedAt?: number;
  readonly log?: Logger;
}

/** The fields of a slash command payload the bot reads. */
export interface SlashCommandPayload {
  readonly command: string;
  readonly text?: string;
  readonly user_id?: string;
  readonly team_id?: string;
  readonly trigger_id?: string;
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

function base(
  arrival: SlackArrival,
  requestId: string | undefined,
  user: string | undefined,
  team: string | undefined,
) {
  return {
    platform: SLACK,
    transport: arrival.transport,
    requestId: requestId || randomUUID(),
    user: { id: user, scope: team },
    ...(arrival.receivedAt !== undefined ? { receivedAt: arrival.receivedAt } : {}),
    ...(arrival.log ? { log: arrival.log } : {}),
  };
}

/** A slash command as a request: the line it stands for, from the user in their workspace. */
export function slashCommandRequest(command: SlashCommandPayload, arrival: SlackArrival): InboundRequest {
  return {
    ...base(arrival, command.trigger_id, command.user_id, command.team_id),
    kind: "command",
    line: slashCommandLine(command.command, command.text ?? ""),
  };
}

/** A click on one of our buttons as a request; a value we cannot read leaves the action undefined. */
export function buttonRequest(
  value: string | undefined,
  who: { readonly user?: string; readonly team?: string; readonly triggerId?: string },
  arrival: SlackArrival,
): InboundRequest {
  return {
    ...base(arrival, who.triggerId, who.user, who.team),
    kind: "button",
    action: decodeButtonValue(value),
  };
}

/**
 * What to send to a click's response_url, in order. Paging replaces the message with the wanted
 * page. A choice's answer: from a private prompt, a public answer is posted and the prompt removed
 * (Slack cannot turn an ephemeral message public); a private answer replaces the prompt. A problem
 * (an unreadable button, the cooldown, a line that no longer answers) is shown privately and leaves
 * the message alone.
 */
export function buttonSteps(reply: AnswerReply, fromEphemeral: boolean): RespondStep[] {
  const message = toSlackMessage(reply.answer, reply.page);
  const action = reply.action;
  if (!action || reply.status !== "answered") return [{ ...message, replace_original: false }];
  if (action.kind === "page") return [{ ...message, replace_original: true }];
  if (!fromEphemeral) return [{ ...message, replace_original: false }];
  if (reply.answer.ephemeral) return [{ ...message, replace_original: true }];
  return [{ ...message, replace_original: false }, { delete_original: true }];
}
