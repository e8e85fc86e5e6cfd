import { createHmac, randomBytes } from "node:crypto";
import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from "discord-api-types/v10";
import { InteractionResponseType, InteractionType } from "discord-api-types/v10";
import type { Logger } from "pino";
import { chartAltText, chartId } from "../../charts/index.js";
import type { Answer } from "../../core/answer.js";
import type { ChartData } from "../../core/chart.js";
import { type Command, type CommandContext, emptyRawValues, findOption } from "../../core/command.js";
import type { InteractionCost, InteractionLimits } from "../../core/cooldown.js";
import type { RawValue } from "../../core/options.js";
import { validateOptions } from "../../core/parse.js";
import { footerOf } from "../../core/present.js";
import {
  answerFailure,
  answerInvocation,
  answerLine,
  apologyAnswer,
  cooldownAnswer,
  type Outcome,
} from "../../core/respond.js";
import { decodeButton } from "./custom-id.js";
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX } from "./limits.js";
import { toDiscordChartResponse, toDiscordResponse } from "./render.js";
import { truncate } from "./text.js";

/** One option value as Discord delivers it (top-level options only: no subcommands here). */
export interface OptionInput {
  readonly name: string;
  readonly value?: RawValue;
  readonly focused?: boolean;
}

/**
 * An interaction reduced to what answering it needs, the same whether it came over the gateway
 * (discord.js objects) or HTTP (raw JSON). The user id is kept only to be hashed for the log.
 */
export type InteractionInput =
  | { readonly kind: "ping" }
  | {
      readonly kind: "command" | "autocomplete";
      readonly name: string;
      readonly options: readonly OptionInput[];
      readonly userId?: string;
    }
  | { readonly kind: "button"; readonly customId: string; readonly userId?: string }
  | { readonly kind: "unsupported"; readonly type: number; readonly userId?: string };

/** A chart the response refers to (`attachment://<filename>`): the adapter draws it and sends it along. */
export interface PendingChart {
  readonly chart: ChartData;
  readonly filename: string;
  /** The response to send instead if the chart cannot be drawn. */
  readonly fallback: APIInteractionResponse;
}

/** What handling produced: the exact response to send, and the facts for the interaction's log line. */
export interface Handled {
  readonly response: APIInteractionResponse;
  /** Set when the response shows a chart whose PNG must travel with it. */
  readonly chart?: PendingChart;
  readonly kind: InteractionInput["kind"];
  readonly command: string | undefined;
  readonly options: Readonly<Record<string, unknown>> | undefined;
  /** answered / rejected / failed as for every platform, plus `suggested` for autocomplete. */
  readonly outcome: Outcome["status"] | "suggested" | "pong";
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const isRawValue = (value: unknown): value is RawValue =>
  typeof value === "string" ||
  (typeof value === "number" && Number.isFinite(value)) ||
  typeof value === "boolean";

/**
 * Reads a raw interaction (HTTP endpoint) into the shared shape. The body is signed by Discord, but
 * it is still read field by field: anything missing or of the wrong type makes it `unsupported`
 * (a polite answer), never a crash.
 */
export function fromApiInteraction(raw: unknown): InteractionInput {
  if (!isObject(raw)) return { kind: "unsupported", type: Number.NaN };
  const member = isObject(raw.member) && isObject(raw.member.user) ? raw.member.user : undefined;
  const user = isObject(raw.user) ? raw.user : undefined;
  const id = member?.id ?? user?.id;
  const who = typeof id === "string" ? { userId: id } : {};
  const type = typeof raw.type === "number" ? raw.type : Number.NaN;
  const data = isObject(raw.data) ? raw.data : undefined;
  const unsupported: InteractionInput = { kind: "unsupported", type, ...who };
  switch (type) {
    case InteractionType.Ping:
      return { kind: "ping" };
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete: {
      if (!data || typeof data.name !== "string") return unsupported;
      const options = Array.isArray(data.options) ? data.options.filter(isObject) : [];
      return {
        kind: type === InteractionType.ApplicationCommand ? "command" : "autocomplete",
        name: data.name,
        options: options
          .filter((o) => typeof o.name === "string")
          .map((o) => ({
            name: o.name as string,
            ...(isRawValue(o.value) ? { value: o.value } : {}),
            ...(o.focused === true ? { focused: true } : {}),
          })),
        ...who,
      };
    }
    case InteractionType.MessageComponent:
      return data && typeof data.custom_id === "string"
        ? { kind: "button", customId: data.custom_id, ...who }
        : unsupported;
    default:
      return unsupported;
  }
}

/** Plain answer for something the bot cannot act on: a stale button, a command it no longer has. */
function staleAnswer(context: CommandContext, title: string, summary: string): Answer {
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

function findCommand(context: CommandContext, name: string): Command | undefined {
  return context.commands.find((c) => c.name === name);
}

function answerCommand(
  context: CommandContext,
  input: { name: string; options: readonly OptionInput[] },
  log: Logger,
  details: Record<string, unknown>,
): { outcome: Outcome; values: Readonly<Record<string, unknown>> | undefined } {
  const command = findCommand(context, input.name);
  if (!command) {
    // Discord still shows commands registered by an older version until they are re-registered.
    const answer = staleAnswer(
      context,
      "Unknown command",
      `I no longer have /${input.name}. Type /help for the commands I answer.`,
    );
    return { outcome: { answer, status: "rejected", command: input.name }, values: undefined };
  }
  const raw = emptyRawValues<RawValue>();
  for (const option of input.options) if (option.value !== undefined) raw[option.name] = option.value;
  let values: Readonly<Record<string, unknown>>;
  try {
    values = validateOptions(command, raw, context.data);
  } catch (error) {
    return {
      outcome: answerFailure(context, error, log, { command: command.name, options: raw, ...details }),
      values: raw,
    };
  }
  return { outcome: answerInvocation(context, { command, values }, log, details), values };
}

/** Suggestions for the option being typed: names best first, at most 25, each within Discord's 100. */
export function suggest(
  context: CommandContext,
  commandName: string,
  options: readonly OptionInput[],
): APIApplicationCommandOptionChoice<string>[] {
  const focused = options.find((o) => o.focused);
  const command = findCommand(context, commandName);
  const spec = focused && command ? findOption(command, focused.name) : undefined;
  if (!focused || !spec) return [];
  const typed = String(focused.value ?? "");
  let names: string[];
  switch (spec.kind) {
    case "driver":
      names = context.data.driverNames.suggest(typed, AUTOCOMPLETE_CHOICES_MAX).map((d) => d.name);
      break;
    case "track":
      names = context.data.trackNames.suggest(typed, AUTOCOMPLETE_CHOICES_MAX).map((t) => t.name);
      break;
    case "text": {
      // The one free-text option is /help's topic: offer command names, those starting with the text first.
      const wanted = typed.trim().replace(/^\//, "").toLowerCase();
      const all = context.commands.map((c) => c.name);
      names = [
        ...all.filter((n) => n.startsWith(wanted)),
        ...all.filter((n) => !n.startsWith(wanted) && n.includes(wanted)),
      ];
      break;
    }
    default:
      names = [];
  }
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const name of names) {
    const value = name.slice(0, CHOICE_NAME_MAX);
    if (seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncate(name, CHOICE_NAME_MAX), value });
    if (choices.length === AUTOCOMPLETE_CHOICES_MAX) break;
  }
  return choices;
}

/** The chart message for an answer, or a private note when the answer has nothing to draw. */
function chartReply(
  context: CommandContext,
  outcome: Outcome,
): { response: APIInteractionResponse; chart?: PendingChart } {
  const chart = outcome.status === "answered" ? outcome.answer.chart : undefined;
  if (!chart) {
    const answer = staleAnswer(
      context,
      "No chart",
      "That answer has nothing to draw. Run the command again for fresh buttons.",
    );
    return { response: toDiscordResponse(answer) };
  }
  const filename = `photo-finish-${chart.kind}-${chartId(chart).slice(0, 12)}.png`;
  const failed = staleAnswer(
    context,
    "No chart this time",
    "Sorry, I couldn't draw that chart just now; the answer above still stands.",
  );
  return {
    response: toDiscordChartResponse(outcome.answer, { filename, description: chartAltText(chart) }),
    chart: { chart, filename, fallback: toDiscordResponse(failed) },
  };
}

function answerButton(
  context: CommandContext,
  customId: string,
  log: Logger,
  details: Record<string, unknown>,
): { response: APIInteractionResponse; outcome: Outcome; chart?: PendingChart } {
  const action = decodeButton(customId);
  if (!action) {
    const answer = staleAnswer(
      context,
      "That button has expired",
      "I can't tell what that button was for any more. Run the command again for fresh buttons.",
    );
    return {
      response: toDiscordResponse(answer),
      outcome: { answer, status: "rejected", command: undefined },
    };
  }
  const outcome = answerLine(context, action.line, log, details);
  if (action.kind === "chart") return { ...chartReply(context, outcome), outcome };
  // A page turn replaces the message it was clicked on; if the command no longer answers (the data
  // or the bot changed since), the user gets a private note and the old message stays as it was.
  if (action.kind === "page" && outcome.status === "answered")
    return { response: toDiscordResponse(outcome.answer, action.page - 1, "update"), outcome };
  return { response: toDiscordResponse(outcome.answer), outcome };
}

/**
 * What an interaction draws on: a page turn or a choice follows up an answer the user already has;
 * a new command, a chart (drawing is the costly part) or a button we cannot read counts as a command.
 */
function costOf(input: InteractionInput): InteractionCost {
  if (input.kind !== "button") return "command";
  const action = decodeButton(input.customId);
  return action?.kind === "page" || action?.kind === "run" ? "follow-up" : "command";
}

/**
 * Answers one interaction, for the gateway and the HTTP endpoint alike. Never throws: a bug becomes
 * a logged stack and a private apology (or no suggestions, for autocomplete), so every interaction
 * gets exactly one response.
 */
export function handleInteraction(
  input: InteractionInput,
  context: CommandContext,
  log: Logger,
  limits?: InteractionLimits,
): Handled {
  const details = { platform: "discord" };
  try {
    // Commands and clicks count toward the per-user limits; autocomplete (every keystroke) does not.
    // An interaction without a user is limited too, under a shared fallback key.
    if ((input.kind === "command" || input.kind === "button") && limits) {
      const verdict = limits.take(input.userId, costOf(input));
      if (!verdict.ok)
        return {
          response: toDiscordResponse(cooldownAnswer(context, verdict.retryAfterMs)),
          kind: input.kind,
          command: input.kind === "command" ? input.name : undefined,
          options: undefined,
          outcome: "rejected",
        };
    }
    switch (input.kind) {
      case "ping":
        return {
          response: { type: InteractionResponseType.Pong },
          kind: "ping",
          command: undefined,
          options: undefined,
          outcome: "pong",
        };
      case "command": {
        const { outcome, values } = answerCommand(context, input, log, details);
        return {
          response: toDiscordResponse(outcome.answer),
          kind: "command",
          command: input.name,
          options: values,
          outcome: outcome.status,
        };
      }
      case "autocomplete":
        return {
          response: {
            type: InteractionResponseType.ApplicationCommandAutocompleteResult,
            data: { choices: suggest(context, input.name, input.options) },
          },
          kind: "autocomplete",
          command: input.name,
          options: Object.fromEntries(input.options.map((o) => [o.name, o.value])),
          outcome: "suggested",
        };
      case "button": {
        const { response, outcome, chart } = answerButton(context, input.customId, log, details);
        return {
          response,
          ...(chart ? { chart } : {}),
          kind: "button",
          command: outcome.command,
          options: { customId: input.customId },
          outcome: outcome.status,
        };
      }
      case "unsupported": {
        const answer = staleAnswer(
          context,
          "Not supported",
          "Photo Finish answers slash commands and its own buttons.",
        );
        return {
          response: toDiscordResponse(answer),
          kind: "unsupported",
          command: undefined,
          options: undefined,
          outcome: "rejected",
        };
      }
    }
  } catch (error) {
    log.error({ err: error, ...details, kind: input.kind }, "discord interaction failed");
    return {
      response:
        input.kind === "autocomplete"
          ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
          : input.kind === "ping"
            ? { type: InteractionResponseType.Pong }
            : toDiscordResponse(apologyAnswer(context)),
      kind: input.kind,
      command: undefined,
      options: undefined,
      outcome: "failed",
    };
  }
}

// Per-process key: log lines from one run can be tied to one user, but the hash cannot be reversed
// by hashing known user ids, and nothing links users across restarts.
const USER_HASH_KEY = randomBytes(32);

/** A short, non-reversible stand-in for a user id in logs. */
export function hashUser(userId: string | undefined): string | undefined {
  return userId === undefined
    ? undefined
    : createHmac("sha256", USER_HASH_KEY).update(userId).digest("hex").slice(0, 12);
}

/** Writes the one structured log line each interaction gets. */
export function logInteraction(
  log: Logger,
  transport: "gateway" | "http",
  input: InteractionInput,
  handled: Handled,
  startedAt: number,
): void {
  const userId = "userId" in input ? input.userId : undefined;
  // Autocomplete fires on every keystroke: at info it would drown the interactions people finish.
  const level = handled.outcome === "failed" ? "warn" : handled.kind === "autocomplete" ? "debug" : "info";
  log[level](
    {
      platform: "discord",
      transport,
      kind: handled.kind,
      command: handled.command,
      options: handled.options,
      outcome: handled.outcome,
      ms: Math.round((performance.now() - startedAt) * 10) / 10,
      user: hashUser(userId),
    },
    "interaction",
  );
}
