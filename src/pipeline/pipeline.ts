import type { Logger } from "pino";
import { AnswerCache } from "../core/answer-cache.js";
import { costOfButton } from "../core/button-action.js";
import { type CommandContext, emptyRawValues, type Platform } from "../core/command.js";
import { InteractionLimits } from "../core/cooldown.js";
import type { RawValue } from "../core/options.js";
import { type Invocation, parseLine, validateOptions } from "../core/parse.js";
import {
  answerFailure,
  answerInvocation,
  apologyAnswer,
  cooldownAnswer,
  expiredButtonAnswer,
  noticeAnswer,
  type Outcome,
} from "../core/respond.js";
import { timeBox } from "../core/time-box.js";
import { type InteractionLogLine, logInteraction } from "./log-line.js";
import type { AnswerReply, Delivery, InboundRequest, Reply } from "./request.js";
import { suggestValues } from "./suggest.js";
import { pseudonymizer, type UserKey } from "./user-id.js";

/**
 * How long an adapter may take to deliver a reply (draw a chart, post it) before the pipeline stops
 * waiting, logs the interaction as undelivered and lets go of it. Every platform bounds its own
 * calls well inside this (Slack response_url posts: 5 s); this is the backstop.
 */
export const DELIVERY_DEADLINE_MS = 15_000;

/**
 * How long drawing a chart may take before the answer goes out as text: one figure for every
 * platform. Discord and Slack both give up on an answer after 3 s; a warm chart takes about 0.1 s,
 * the first of a process also loads the chart libraries.
 */
export const CHART_DEADLINE_MS = 2_000;

/** What the pipeline answers from: a command context per interaction (Runtime provides it). */
export interface ContextSource {
  context(platform: Platform): CommandContext;
}

/** What a Pipeline is built from. */
export interface PipelineOptions {
  readonly runtime: ContextSource;
  readonly log: Logger;
  /** The pseudonym key (see user-id.ts). */
  readonly userKey: UserKey;
  /** The one set of per-user limits; by default the standard budgets. */
  readonly limits?: InteractionLimits;
  readonly deliveryDeadlineMs?: number;
  /** How many answers to keep for questions asked again (0 keeps none); see answer-cache.ts. */
  readonly answerCacheSize?: number;
}

/**
 * The one path every interaction takes, whatever platform it came from: a pseudonym for the user,
 * the per-user limits, parse and run, errors mapped to answers, a time-boxed delivery, and one log
 * line. Adapters only read the wire into an InboundRequest and turn the Reply into a payload.
 */
export class Pipeline {
  readonly limits: InteractionLimits;
  readonly #runtime: ContextSource;
  readonly #log: Logger;
  readonly #key: UserKey;
  readonly #pseudonym: ReturnType<typeof pseudonymizer>;
  readonly #deadlineMs: number;
  /** What the log says when delivery outlasts the deadline. */
  readonly #lateMessage: string;
  readonly #answers: AnswerCache;

  constructor(options: PipelineOptions) {
    this.#runtime = options.runtime;
    this.#log = options.log;
    this.#key = options.userKey;
    this.#pseudonym = pseudonymizer(options.userKey.key);
    this.limits = options.limits ?? new InteractionLimits();
    this.#deadlineMs = options.deliveryDeadlineMs ?? DELIVERY_DEADLINE_MS;
    this.#lateMessage = `reply not delivered within ${this.#deadlineMs} ms`;
    this.#answers = new AnswerCache(options.answerCacheSize);
  }

  /** True when pseudonyms survive restarts and match across replicas (a configured or derived key). */
  get stablePseudonyms(): boolean {
    return this.#key.stable;
  }

  /** A command context for `platform` on the current data (for answers an adapter makes itself). */
  context(platform: Platform): CommandContext {
    return this.#runtime.context(platform);
  }

  /** The user's pseudonym: what logs and limits know them by. */
  userOf(request: InboundRequest): string | undefined {
    return request.user === "operator"
      ? undefined
      : this.#pseudonym(request.platform, request.user.id, request.user.scope);
  }

  /**
   * Decides the reply to a request: limits, then parse and run, every error turned into an answer.
   * Synchronous and never throws (a bug becomes a logged stack and a private apology).
   */
  reply(request: InboundRequest): Reply {
    return this.#reply(request, this.userOf(request));
  }

  /** `reply` for a request whose pseudonym (`user`) the caller has worked out already. */
  #reply(request: InboundRequest, user: string | undefined): Reply {
    const log = (request.log ?? this.#log).child({ requestId: request.requestId });
    const context = this.#runtime.context(request.platform);
    const named = "name" in request ? request.name : undefined;
    try {
      // Commands and clicks count toward the per-user limits; autocomplete (every keystroke) does not,
      // nor does the operator at the terminal. A request without a user shares one fallback budget.
      if (request.user !== "operator" && request.kind !== "autocomplete") {
        const cost = request.kind === "button" ? costOfButton(request.action) : "command";
        const verdict = this.limits.take(user, cost);
        if (!verdict.ok)
          return {
            kind: request.kind,
            command: named,
            options: undefined,
            reason: "cooldown",
            log,
            status: "rejected",
            answer: cooldownAnswer(context, verdict.retryAfterMs),
            page: 0,
          };
      }
      return this.#decide(request, context, log);
    } catch (error) {
      log.error({ err: error, platform: request.platform, kind: request.kind }, "interaction failed");
      if (request.kind === "autocomplete")
        return {
          kind: request.kind,
          command: named,
          options: undefined,
          log,
          status: "failed",
          suggestions: [],
        };
      return {
        kind: request.kind,
        command: named,
        options: undefined,
        log,
        status: "failed",
        answer: apologyAnswer(context),
        page: 0,
      };
    }
  }

  /**
   * Handles a request end to end: decides the reply, hands it to `deliver` (the adapter's way of
   * sending it), and writes the interaction's one log line once delivery is done or the time-box
   * ran out. Never throws; resolves with the reply.
   */
  async handle(
    request: InboundRequest,
    deliver: (reply: Reply) => Promise<Delivery | undefined>,
  ): Promise<Reply> {
    const started = request.receivedAt ?? performance.now();
    // Once per request: the limits and the log line both know the user by it.
    const user = this.userOf(request);
    const reply = this.#reply(request, user);
    let delivery: Delivery;
    try {
      // An adapter that throws before its promise exists is handled like one whose promise rejects.
      let delivering: Promise<Delivery | undefined>;
      try {
        delivering = Promise.resolve(deliver(reply));
      } catch (error) {
        delivering = Promise.reject(error);
      }
      delivery = (await timeBox(delivering, this.#deadlineMs, this.#lateMessage)) ?? {};
    } catch (error) {
      reply.log.error({ err: error, platform: request.platform, kind: request.kind }, "reply not delivered");
      delivery = { delivered: false };
    }
    this.#writeLog(request, reply, delivery, started, user);
    return reply;
  }

  /** Writes the interaction's log line (see log-line.ts); `handle` does this for every request. */
  #writeLog(
    request: InboundRequest,
    reply: Reply,
    delivery: Delivery,
    startedAt: number,
    user: string | undefined,
  ): void {
    const action = "action" in reply ? reply.action : undefined;
    // One shape for every line, absent fields undefined (the JSON leaves them out): conditional
    // spreads made a new object shape per combination, on every interaction.
    const line: InteractionLogLine = {
      platform: request.platform,
      transport: request.transport,
      kind: request.kind,
      command: reply.command,
      options: reply.options,
      action: action?.kind,
      line: action?.line,
      page: action && "page" in action ? action.page : undefined,
      outcome: reply.status,
      reason: reply.reason,
      user,
      latencyMs: Math.round((performance.now() - startedAt) * 10) / 10,
      delivered: delivery.delivered,
      chart: delivery.chart,
      ephemeral: delivery.ephemeral,
    };
    logInteraction(reply.log, line, {
      quiet: request.kind === "autocomplete" || request.user === "operator",
    });
  }

  /** Runs an invocation, or reuses the answer it got last time on the same data. */
  #answer(context: CommandContext, invocation: Invocation, log: Logger): Outcome {
    return this.#answers.answer(context, invocation, () => answerInvocation(context, invocation, log));
  }

  /** Parses and answers a line, keeping the parsed values for the log. */
  #answerLine(
    context: CommandContext,
    line: string,
    log: Logger,
  ): { outcome: Outcome; options: Readonly<Record<string, unknown>> | undefined } {
    let invocation: Invocation;
    try {
      invocation = parseLine(line, context.commands, context.data);
    } catch (error) {
      return { outcome: answerFailure(context, error, log, { line }), options: undefined };
    }
    return { outcome: this.#answer(context, invocation, log), options: invocation.values };
  }

  #decide(request: InboundRequest, context: CommandContext, log: Logger): Reply {
    const base = { kind: request.kind, log };
    switch (request.kind) {
      case "command": {
        if ("line" in request) {
          const { outcome, options } = this.#answerLine(context, request.line, log);
          return { ...base, command: outcome.command, options, ...answered(outcome) };
        }
        const command = context.commands.find((c) => c.name === request.name);
        if (!command) {
          // Discord still shows commands registered by an older version until they are re-registered.
          const answer = noticeAnswer(
            context,
            "Unknown command",
            `I no longer have /${request.name}. Type /help for the commands I answer.`,
          );
          return {
            ...base,
            command: request.name,
            options: undefined,
            reason: "unknown-command",
            status: "rejected",
            answer,
            page: 0,
          };
        }
        const raw = emptyRawValues<RawValue>();
        for (const option of request.options) if (option.value !== undefined) raw[option.name] = option.value;
        let values: Readonly<Record<string, unknown>>;
        try {
          values = validateOptions(command, raw, context.data);
        } catch (error) {
          const outcome = answerFailure(context, error, log, { command: command.name, options: raw });
          return { ...base, command: command.name, options: raw, ...answered(outcome) };
        }
        const outcome = this.#answer(context, { command, values }, log);
        return { ...base, command: command.name, options: values, ...answered(outcome) };
      }
      case "button": {
        const action = request.action;
        if (!action)
          return {
            ...base,
            command: undefined,
            options: undefined,
            reason: "unreadable-button",
            status: "rejected",
            answer: expiredButtonAnswer(context),
            page: 0,
          };
        const { outcome } = this.#answerLine(context, action.line, log);
        return {
          ...base,
          command: outcome.command,
          options: undefined,
          ...answered(outcome),
          action,
          page: action.kind === "page" ? action.page : 0,
        };
      }
      case "autocomplete":
        return {
          ...base,
          command: request.name,
          options: Object.fromEntries(request.options.map((o) => [o.name, o.value])),
          status: "suggested",
          suggestions: suggestValues(context, request.name, request.options),
        };
      case "unsupported":
        return {
          ...base,
          command: undefined,
          options: { type: request.type },
          reason: "unsupported",
          status: "rejected",
          answer: noticeAnswer(
            context,
            "Not supported",
            "Photo Finish answers slash commands and its own buttons.",
          ),
          page: 0,
        };
    }
  }
}

function answered(outcome: Outcome): Pick<AnswerReply, "status" | "answer" | "page"> {
  return { status: outcome.status, answer: outcome.answer, page: 0 };
}
