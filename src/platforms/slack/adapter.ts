import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthorizeResult, RespondArguments } from "@slack/bolt";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { APOLOGY_TEXT, apologyAnswer } from "../../core/respond.js";
import { settleWithin } from "../../core/time-box.js";
import { type HttpServer, MAX_BODY_BYTES, readBody, requestReceivedAt, sendJson } from "../../http/server.js";
import type { Pipeline } from "../../pipeline/pipeline.js";
import type { Adapter, AdapterDeps } from "../platform.js";
import { ACTION_ID_PREFIX } from "./action-value.js";
import { App, HTTPReceiver } from "./bolt.js";
import { boltLogger } from "./bolt-logger.js";
import { messageWithChart, type SlackCharts, stepsWithChart } from "./charts.js";
import {
  buttonRequest,
  buttonSteps,
  type RespondStep,
  SLACK,
  type SlackArrival,
  type SlashCommandPayload,
  slashCommandRequest,
} from "./interactions.js";
import { type SlackMessage, toSlackMessage } from "./render.js";
import { screenSlackRequest } from "./request-gate.js";
import { postToResponseUrl } from "./response-url.js";

/** Where Slack posts slash commands and button clicks in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

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
  text: APOLOGY_TEXT,
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
/**
 * Answers one slash command: the pipeline, then `ack` with the message (or an apology when rendering
 * broke). Bolt's command listener and the HTTP fast path both call it, so the answer is the same.
 */
async function answerCommand(
  command: SlashCommandPayload,
  arrival: SlackArrival,
  pipeline: Pipeline,
  charts: SlackCharts | undefined,
  ack: (message: SlackMessage) => Promise<void>,
): Promise<void> {
  let acked = false;
  await pipeline.handle(slashCommandRequest(command, arrival), async (reply) => {
    if (!("answer" in reply)) throw new Error("a slash command always has an answer");
    // The chart is drawn before the ack: Slack fetches the image as soon as it gets the message.
    const message = await messageWithChart(reply.answer, toSlackMessage(reply.answer), charts, reply.log);
    await ack(message);
    acked = true;
    return {
      delivered: true,
      ephemeral: message.response_type === "ephemeral",
      chart: message.blocks.some((block) => block.type === "image"),
    };
  });
  // Rendering broke (logged by the pipeline): the user still gets an answer.
  if (!acked) await ack(apology(pipeline)).catch(() => {});
}

function listen(
  app: App,
  pipeline: Pipeline,
  parentLog: Logger,
  transport: SlackArrival["transport"],
  pending: Set<Promise<void>>,
  charts: SlackCharts | undefined,
  outbound: AbortSignal,
): void {
  // Every command, whatever its name (even "/" or none): the answer says what to type instead.
  app.command(/^/, async ({ command, ack, context }) => {
    // From the moment the request reached the server, not the moment Bolt called us.
    const receivedAt = typeof context.receivedAt === "number" ? context.receivedAt : performance.now();
    await answerCommand(command, { transport, receivedAt, log: parentLog }, pipeline, charts, (m) =>
      ack(toArguments(m)),
    );
  });

  app.action(new RegExp(`^${ACTION_ID_PREFIX}`), async ({ ack, body, action, context }) => {
    const receivedAt = typeof context.receivedAt === "number" ? context.receivedAt : performance.now();
    await ack();
    const responseUrl = (body as { response_url?: unknown }).response_url;
    // Bolt's respond() has no time-out: ours ends within seconds, or at once when the adapter stops.
    const respond = (message: unknown) =>
      postToResponseUrl(typeof responseUrl === "string" ? responseUrl : undefined, message, outbound);
    const value = "value" in action && typeof action.value === "string" ? action.value : undefined;
    const fromEphemeral =
      (body as { container?: { is_ephemeral?: boolean } }).container?.is_ephemeral === true;
    const request = buttonRequest(
      value,
      {
        ...(body.user?.id ? { user: body.user.id } : {}),
        ...(body.team?.id ? { team: body.team.id } : {}),
        ...((body as { trigger_id?: string }).trigger_id
          ? { triggerId: (body as { trigger_id: string }).trigger_id }
          : {}),
      },
      { transport, receivedAt, log: parentLog },
    );
    const work = pipeline
      .handle(request, async (reply) => {
        if (!("answer" in reply)) throw new Error("a click always has an answer");
        const steps = await stepsWithChart(
          reply.answer,
          reply.page,
          buttonSteps(reply, fromEphemeral),
          charts,
          reply.log,
        );
        for (const step of steps) {
          try {
            await respond(toArguments(step));
          } catch (error) {
            // An expired response_url or a refused payload: log it; the process carries on.
            reply.log.error({ err: error, platform: SLACK, kind: "button" }, "slack respond() failed");
            return { delivered: false };
          }
        }
        return { delivered: true };
      })
      .then(() => undefined);
    pending.add(work);
    try {
      await work;
    } finally {
      pending.delete(work);
    }
  });

  app.error(async (error) => {
    parentLog.error({ err: error, platform: SLACK }, "slack error");
  });
}

function apology(pipeline: Pipeline): SlackMessage {
  try {
    return toSlackMessage(apologyAnswer(pipeline.context(SLACK)));
  } catch {
    return PLAIN_APOLOGY;
  }
}

/**
 * Hands a request on the shared server to Bolt's receiver once the gate has let it through;
 * resolves once the response is done. The gate reads the body (Bolt reuses it as `rawBody`), checks
 * signature and timestamp, and answers at once whatever no listener of ours would.
 */
/**
 * A signed slash command, answered without Bolt: in HTTP mode the answer is the response itself, so
 * Bolt's middleware chain (most of a command's CPU in the profile) adds nothing. Clicks and anything
 * else still go through Bolt.
 */
type FastCommand = (command: SlashCommandPayload, receivedAt: number, res: ServerResponse) => Promise<void>;

function mount(
  http: HttpServer,
  receiver: HTTPReceiver,
  signingSecret: string,
  log: Logger,
  fastCommand: FastCommand,
): void {
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
    if (decision.contentType === "application/x-www-form-urlencoded") {
      const fields = new URLSearchParams(body.toString("utf8"));
      const command = fields.get("command");
      if (command !== null && !fields.has("payload")) {
        await fastCommand(
          {
            command,
            text: fields.get("text") ?? "",
            ...(fields.get("user_id") ? { user_id: fields.get("user_id") as string } : {}),
            ...(fields.get("team_id") ? { team_id: fields.get("team_id") as string } : {}),
            ...(fields.get("trigger_id") ? { trigger_id: fields.get("trigger_id") as string } : {}),
          },
          requestReceivedAt(req),
          res,
        );
        return;
      }
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
  const { config, pipeline, http } = deps;
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

  if (config.SLACK_APP_TOKEN) {
    const app = new App({
      socketMode: true,
      appToken: config.SLACK_APP_TOKEN,
      authorize,
      logger,
      clientOptions,
      // No listener reads conversation state: its middleware cost 13% of a slash command's CPU.
      convoStore: false,
    });
    listen(app, pipeline, log, "socket", pending, options.charts, outbound.signal);
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
    // The gate in front (mount) has already checked the signature and the 5-minute window on the
    // same bytes, and it is the only way in: checking again here cost a second HMAC per request.
    signatureVerification: false,
    bodyLimit: MAX_BODY_BYTES,
    // Listeners log latency from when the request reached the server.
    customPropertiesExtractor: (req) => ({ receivedAt: requestReceivedAt(req) }),
  });
  // No listener reads conversation state: its middleware cost 13% of a slash command's CPU.
  const app = new App({ receiver, authorize, logger, clientOptions, convoStore: false });
  listen(app, pipeline, log, "http", pending, options.charts, outbound.signal);
  return {
    name: "slack-http",
    async start() {
      mount(http, receiver, signingSecret, log, (command, receivedAt, res) =>
        answerCommand(
          command,
          { transport: "http", receivedAt, log },
          pipeline,
          options.charts,
          async (m) => {
            if (!res.headersSent) sendJson(res, 200, m);
          },
        ),
      );
      log.info({ path: SLACK_EVENTS_PATH }, "Slack requests accepted (HTTP mode)");
    },
    async stop() {
      await stopWork();
    },
  };
}
