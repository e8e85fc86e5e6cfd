import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, type AuthorizeResult, HTTPReceiver, type RespondArguments } from "@slack/bolt";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { InteractionLimits } from "../../core/cooldown.js";
import { apologyAnswer, cooldownAnswer } from "../../core/respond.js";
import { settleWithin } from "../../core/time-box.js";
import { type HttpServer, MAX_BODY_BYTES, readBody, requestReceivedAt, sendJson } from "../../http/server.js";
import type { Adapter, AdapterDeps } from "../../pipeline/adapter.js";
import type { Runtime } from "../../runtime.js";
import { ACTION_ID_PREFIX, decodeButtonValue } from "./action-value.js";
import { boltLogger } from "./bolt-logger.js";
import { messageWithChart, type SlackCharts, stepsWithChart } from "./charts.js";
import { answerButton, answerSlashCommand, hashUser, type RespondStep } from "./interactions.js";
import { type SlackMessage, toSlackMessage } from "./render.js";
import { screenSlackRequest } from "./request-gate.js";
import { postToResponseUrl } from "./response-url.js";

/** Where Slack posts slash commands and button clicks in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Slack gives up on an ack after 3 s; anything near that is worth a warning in the log. */
const ACK_WARN_MS = 2_000;

/** How long stop() lets clicks in progress finish before it aborts their posts to Slack. */
const STOP_GRACE_MS = 4_000;

/** Options that only tests and unusual deployments need. */
export interface SlackAdapterOptions {
  /**
   * Base URL of Slack's Web API (default https://slack.com/api/). Answering never calls it; tests
   * point it at a loopback server to prove that no call is made.
   */
  readonly slackApiUrl?: string;
  /**
   * Where chart images are kept and the public URL Slack fetches them from (PUBLIC_BASE_URL). Without
   * it, answers that have a chart stay text-only and say why.
   */
  readonly charts?: SlackCharts;
}

/** The last-resort reply when even the apology cannot be rendered. */
const PLAIN_APOLOGY: SlackMessage = {
  response_type: "ephemeral",
  text: "Sorry, I couldn't answer that just now. The problem has been logged; please try again.",
  blocks: [],
};

/** Our payloads are a strict subset of Block Kit; Bolt's type is the whole of chat.postMessage. */
function toArguments(step: SlackMessage | RespondStep): RespondArguments {
  return ("blocks" in step ? { ...step, blocks: [...step.blocks] } : { ...step }) as RespondArguments;
}

/**
 * Bolt asks `authorize` for tokens before every listener. Answering from our own configuration
 * means Bolt never calls auth.test, so a slash command is answered with no route to Slack at all.
 */
function authorizeFrom(config: Config): () => Promise<AuthorizeResult> {
  const result: AuthorizeResult = {
    ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
    ...(config.SLACK_BOT_ID ? { botId: config.SLACK_BOT_ID } : {}),
    ...(config.SLACK_BOT_USER_ID ? { botUserId: config.SLACK_BOT_USER_ID } : {}),
  };
  return async () => ({ ...result });
}

/** Wires the listeners: one for every slash command, one for our buttons, one for Bolt's errors. */
function listen(
  app: App,
  runtime: Runtime,
  parentLog: Logger,
  hashKey: string,
  pending: Set<Promise<void>>,
  charts: SlackCharts | undefined,
  outbound: AbortSignal,
): void {
  // Per-user limits as on Discord: commands, and apart from them the clicks that follow up an answer.
  const cooldown = new InteractionLimits();
  // Every command, whatever its name (even "/" or none): the answer says what to type instead.
  app.command(/^/, async ({ command, ack, context }) => {
    // From the moment the request reached the server, not the moment Bolt called us.
    const started = typeof context.receivedAt === "number" ? context.receivedAt : performance.now();
    const user = hashUser(hashKey, command.team_id, command.user_id);
    // Every line this interaction logs (including a failure deep in the core) carries its id.
    const log = parentLog.child({ requestId: command.trigger_id || randomUUID() });
    let acked = false;
    try {
      const context = runtime.context("slack");
      const verdict = cooldown.take(user, "command");
      if (!verdict.ok) {
        await ack(toArguments(toSlackMessage(cooldownAnswer(context, verdict.retryAfterMs))));
        acked = true;
        log.info(
          {
            platform: "slack",
            kind: "command",
            command: command.command,
            outcome: "rejected",
            reason: "cooldown",
            user,
          },
          "slack interaction",
        );
        return;
      }
      const reply = answerSlashCommand(context, command.command, command.text ?? "", log, {
        platform: "slack",
        user,
      });
      // The chart is drawn before the ack: Slack fetches the image as soon as it gets the message.
      const message = await messageWithChart(reply.outcome.answer, reply.message, charts, log);
      await ack(toArguments(message));
      acked = true;
      const latencyMs = Math.round(performance.now() - started);
      log[latencyMs > ACK_WARN_MS ? "warn" : "info"](
        {
          platform: "slack",
          kind: "command",
          command: reply.outcome.command ?? command.command,
          options: reply.options,
          outcome: reply.outcome.status,
          ephemeral: message.response_type === "ephemeral",
          chart: message.blocks.some((block) => block.type === "image"),
          latencyMs,
          user,
        },
        "slack interaction",
      );
    } catch (error) {
      log.error(
        { err: error, platform: "slack", kind: "command", command: command.command, user },
        "slack command failed",
      );
      if (!acked) await ack(toArguments(apology(runtime))).catch(() => {});
    }
  });

  app.action(new RegExp(`^${ACTION_ID_PREFIX}`), async ({ ack, body, action, context }) => {
    const started = typeof context.receivedAt === "number" ? context.receivedAt : performance.now();
    await ack();
    const responseUrl = (body as { response_url?: unknown }).response_url;
    // Bolt's respond() has no time-out: ours ends within seconds, or at once when the adapter stops.
    const respond = (message: unknown) =>
      postToResponseUrl(typeof responseUrl === "string" ? responseUrl : undefined, message, outbound);
    const user = hashUser(hashKey, body.team?.id, body.user?.id);
    const log = parentLog.child({ requestId: (body as { trigger_id?: string }).trigger_id || randomUUID() });
    const value = "value" in action && typeof action.value === "string" ? action.value : undefined;
    // Paging and picking a choice follow up an answer the user has; a button we cannot read counts in full.
    const verdict = cooldown.take(user, decodeButtonValue(value) ? "follow-up" : "command");
    if (!verdict.ok) {
      const wait = toSlackMessage(cooldownAnswer(runtime.context("slack"), verdict.retryAfterMs));
      await respond({ ...toArguments(wait), replace_original: false }).catch((error: unknown) =>
        log.error({ err: error, platform: "slack", kind: "action", user }, "slack respond() failed"),
      );
      log.info(
        { platform: "slack", kind: "action", outcome: "rejected", reason: "cooldown", user },
        "slack interaction",
      );
      return;
    }
    const work = (async () => {
      const container = (body as { container?: { is_ephemeral?: boolean } }).container;
      const reply = answerButton(runtime.context("slack"), value, container?.is_ephemeral === true, log, {
        platform: "slack",
        user,
      });
      let delivered = true;
      for (const step of await stepsWithChart(reply, charts, log)) {
        try {
          await respond(toArguments(step));
        } catch (error) {
          // An expired response_url or a refused payload: log it; the process carries on.
          delivered = false;
          log.error({ err: error, platform: "slack", kind: "action", user }, "slack respond() failed");
          break;
        }
      }
      log.info(
        {
          platform: "slack",
          kind: "action",
          action: reply.kind,
          command: reply.outcome.command,
          line: reply.line,
          outcome: reply.outcome.status,
          delivered,
          latencyMs: Math.round(performance.now() - started),
          user,
        },
        "slack interaction",
      );
    })().catch((error: unknown) => {
      log.error({ err: error, platform: "slack", kind: "action", user }, "slack action failed");
    });
    pending.add(work);
    try {
      await work;
    } finally {
      pending.delete(work);
    }
  });

  app.error(async (error) => {
    parentLog.error({ err: error, platform: "slack" }, "slack error");
  });
}

function apology(runtime: Runtime): SlackMessage {
  try {
    return toSlackMessage(apologyAnswer(runtime.context("slack")));
  } catch {
    return PLAIN_APOLOGY;
  }
}

/**
 * Hands a request on the shared server to Bolt's receiver once the gate has let it through;
 * resolves once the response is done. The gate reads the body (Bolt reuses it as `rawBody`), checks
 * signature and timestamp, and answers at once whatever no listener of ours would.
 */
function mount(http: HttpServer, receiver: HTTPReceiver, signingSecret: string, log: Logger): void {
  http.route("POST", SLACK_EVENTS_PATH, async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const decision = screenSlackRequest(
      signingSecret,
      {
        signature: req.headers["x-slack-signature"],
        timestamp: req.headers["x-slack-request-timestamp"],
        contentType: req.headers["content-type"],
      },
      body,
    );
    if (!decision.pass) {
      // Refusals are expected from scanners and stale retries: info, never error.
      log.info(
        { platform: "slack", status: decision.status, reason: decision.reason },
        "slack request answered by the gate",
      );
      if (decision.body === undefined) {
        res.writeHead(decision.status, { "content-length": 0 });
        res.end();
      } else sendJson(res, decision.status, decision.body);
      return;
    }
    // Bolt's body reader returns a request's rawBody when it is already there.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    req.headers["content-type"] = decision.contentType;
    await new Promise<void>((resolve) => {
      res.once("close", () => resolve());
      try {
        receiver.requestListener(req, res);
      } catch (error) {
        log.error({ err: error, platform: "slack" }, "slack request could not be dispatched");
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        resolve();
      }
    });
  });
}

/**
 * The Slack adapter: Socket Mode when an app-level token is configured, otherwise HTTP mode on the
 * shared server at POST /slack/events, with Bolt's receiver checking every request's signature.
 */
export function createSlackAdapter(deps: AdapterDeps, options: SlackAdapterOptions = {}): Adapter {
  const { config, runtime, http } = deps;
  const log = deps.log.child({ adapter: "slack" });
  const logger = boltLogger(log);
  const authorize = authorizeFrom(config);
  const clientOptions = options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {};
  const pending = new Set<Promise<void>>();
  // Aborted on stop: every post to a response_url still running ends at once.
  const outbound = new AbortController();
  const stopWork = async () => {
    await settleWithin(pending, STOP_GRACE_MS);
    outbound.abort();
    await Promise.allSettled(pending);
  };
  const hashKey = config.SLACK_SIGNING_SECRET ?? config.SLACK_APP_TOKEN ?? "photo-finish";

  if (config.SLACK_APP_TOKEN) {
    const app = new App({
      socketMode: true,
      appToken: config.SLACK_APP_TOKEN,
      authorize,
      logger,
      clientOptions,
    });
    listen(app, runtime, log, hashKey, pending, options.charts, outbound.signal);
    let started = false;
    return {
      name: "slack-socket",
      async start() {
        await app.start();
        started = true;
        log.info("Slack connected (Socket Mode)");
      },
      async stop() {
        await stopWork();
        if (started) await app.stop();
        started = false;
      },
    };
  }

  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (!signingSecret)
    throw new Error("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)");
  if (!http) throw new Error("Slack HTTP mode needs the shared HTTP server");
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    // Ack first, then work: the ack is the HTTP response, sent as soon as the listener calls it.
    processBeforeResponse: false,
    bodyLimit: MAX_BODY_BYTES,
    // Listeners log latency from when the request reached the server.
    customPropertiesExtractor: (req) => ({ receivedAt: requestReceivedAt(req) }),
  });
  const app = new App({ receiver, authorize, logger, clientOptions });
  listen(app, runtime, log, hashKey, pending, options.charts, outbound.signal);
  return {
    name: "slack-http",
    async start() {
      mount(http, receiver, signingSecret, log);
      log.info({ path: SLACK_EVENTS_PATH }, "Slack requests accepted (HTTP mode)");
    },
    async stop() {
      await stopWork();
    },
  };
}
