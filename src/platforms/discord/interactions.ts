import { randomUUID } from "node:crypto";
import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from "discord-api-types/v10";
import { InteractionResponseType, InteractionType } from "discord-api-types/v10";
import type { Logger } from "pino";
import { chartAltText, chartId } from "../../charts/index.js";
import type { ChartData } from "../../core/chart.js";
import type { RawValue } from "../../core/options.js";
import { apologyAnswer, noticeAnswer } from "../../core/respond.js";
import type { ContextSource } from "../../pipeline/pipeline.js";
import type { AnswerReply, InboundRequest, OptionInput, Reply } from "../../pipeline/request.js";
import { decodeButton } from "./custom-id.js";
import { DISCORD_LIMITS } from "./limits.js";
import { toDiscordChartResponse, toDiscordResponse } from "./render.js";
import { truncate } from "./text.js";

/** The platform's name in requests and logs. */
export const DISCORD = "discord";

/** What a Discord interaction is in the pipeline's terms; a PING is answered on the wire alone. */
export type DiscordInbound = { readonly kind: "ping" } | InboundRequest;

/** How the interaction arrived, for the request. */
export interface Arrival {
  readonly transport: "gateway" | "http";
  readonly receivedAt?: number;
  readonly log?: Logger;
}

/** A chart the response refers to (`attachment://<filename>`): the adapter draws it and sends it along. */
export interface PendingChart {
  readonly chart: ChartData;
  readonly filename: string;
  /** The response to send instead if the chart cannot be drawn. */
  readonly fallback: APIInteractionResponse;
}

/** The exact response for a reply, and the chart to draw and attach when it shows one. */
export interface DiscordReply {
  readonly response: APIInteractionResponse;
  readonly chart?: PendingChart;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const isRawValue = (value: unknown): value is RawValue =>
  typeof value === "string" ||
  (typeof value === "number" && Number.isFinite(value)) ||
  typeof value === "boolean";

/** Reads option values as Discord delivers them (top-level options only: no subcommands here). */
export function readOptions(data: readonly unknown[]): OptionInput[] {
  // A plain loop building one object per option: this runs for every interaction.
  const options: OptionInput[] = [];
  for (const o of data) {
    if (!isObject(o) || typeof o.name !== "string") continue;
    const option: { name: string; value?: RawValue; focused?: true } = { name: o.name };
    if (isRawValue(o.value)) option.value = o.value;
    if (o.focused === true) option.focused = true;
    options.push(option);
  }
  return options;
}

/**
 * Reads a raw interaction (HTTP endpoint, or the gateway's raw data) into a request. The body is
 * signed by Discord, but it is still read field by field: anything missing or of the wrong type
 * makes it `unsupported` (a polite answer), never a crash.
 */
export function fromApiInteraction(raw: unknown, arrival: Arrival): DiscordInbound {
  const json = isObject(raw) ? raw : {};
  const member = isObject(json.member) && isObject(json.member.user) ? json.member.user : undefined;
  const who = member ?? (isObject(json.user) ? json.user : undefined);
  const base = {
    platform: DISCORD,
    transport: arrival.transport,
    requestId: typeof json.id === "string" ? json.id : randomUUID(),
    user: { id: typeof who?.id === "string" ? who.id : undefined },
    receivedAt: arrival.receivedAt,
    log: arrival.log,
  };
  const type = typeof json.type === "number" ? json.type : Number.NaN;
  const data = isObject(json.data) ? json.data : undefined;
  const unsupported = (): InboundRequest => ({ ...base, kind: "unsupported", type: String(type) });
  switch (type) {
    case InteractionType.Ping:
      return { kind: "ping" };
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete: {
      if (!data || typeof data.name !== "string") return unsupported();
      const options = readOptions(Array.isArray(data.options) ? data.options : []);
      return type === InteractionType.ApplicationCommand
        ? { ...base, kind: "command", name: data.name, options }
        : { ...base, kind: "autocomplete", name: data.name, options };
    }
    case InteractionType.MessageComponent:
      return data && typeof data.custom_id === "string"
        ? { ...base, kind: "button", action: decodeButton(data.custom_id) }
        : unsupported();
    default:
      return unsupported();
  }
}

/** Suggestions as autocomplete choices: at most 25, each name and value within Discord's 100. */
export function toChoices(suggestions: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const name of suggestions) {
    const value = name.slice(0, DISCORD_LIMITS.choiceName);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncate(name, DISCORD_LIMITS.choiceName), value });
    if (choices.length === DISCORD_LIMITS.autocompleteChoices) break;
  }
  return choices;
}

/** The chart message for a Chart click, or a private note when the answer has nothing to draw. */
function chartReply(runtime: ContextSource, reply: AnswerReply): DiscordReply {
  const context = runtime.context(DISCORD);
  const chart = reply.status === "answered" ? reply.answer.chart : undefined;
  if (!chart) {
    const note = noticeAnswer(
      context,
      "No chart",
      "That answer has nothing to draw. Run the command again for fresh buttons.",
    );
    return { response: toDiscordResponse(note) };
  }
  const filename = `photo-finish-${chart.kind}-${chartId(chart).slice(0, 12)}.png`;
  const failed = noticeAnswer(
    context,
    "No chart this time",
    "Sorry, I couldn't draw that chart just now; the answer above still stands.",
  );
  return {
    response: toDiscordChartResponse(reply.answer, { filename, description: chartAltText(chart) }),
    chart: { chart, filename, fallback: toDiscordResponse(failed) },
  };
}

/**
 * Turns the pipeline's reply into the exact interaction response, the same for the gateway and the
 * HTTP endpoint. A page turn replaces the message it was clicked on; if the command no longer
 * answers (the data or the bot changed since), the user gets a private note and the old message
 * stays as it was.
 */
export function toDiscordReply(runtime: ContextSource, reply: Reply): DiscordReply {
  if (!("answer" in reply))
    return {
      response: {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: toChoices(reply.suggestions) },
      },
    };
  const action = reply.action;
  if (action?.kind === "chart") return chartReply(runtime, reply);
  if (action?.kind === "page" && reply.status === "answered")
    return { response: toDiscordResponse(reply.answer, reply.page, "update") };
  return { response: toDiscordResponse(reply.answer) };
}

/** The response when turning a reply into a payload itself failed: the apology, or no suggestions. */
export function fallbackResponse(
  runtime: ContextSource,
  kind: InboundRequest["kind"],
): APIInteractionResponse {
  if (kind === "autocomplete")
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  return toDiscordResponse(apologyAnswer(runtime.context(DISCORD)));
}
