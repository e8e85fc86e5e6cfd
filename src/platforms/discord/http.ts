import type { IncomingMessage, ServerResponse } from "node:http";
import { type APIInteractionResponse, InteractionResponseType } from "discord-api-types/v10";
import type { Logger } from "pino";
import { settleWithin } from "../../core/time-box.js";
import { fetch } from "../../http/fetch.js";
import { readBody, requestReceivedAt, sendJson } from "../../http/server.js";
import type { Adapter, AdapterDeps } from "../platform.js";
import { drawPendingChart } from "./chart-files.js";
import { fromApiInteraction } from "./interactions.js";
import { encodeMultipart, type ResponseFile } from "./multipart.js";
import { deliveryOf, safeDiscordReply } from "./reply.js";
import { publicKeyFromHex, verifyDiscordRequest } from "./verify.js";

/** Where Discord posts interactions; set it as the Interactions Endpoint URL in the developer portal. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

/**
 * A Chart click whose image is not ready by then is deferred (type 5, or 6 for a message update) and
 * followed up by editing the original response: the first answer then lands well inside Discord's 3 s
 * whatever the chart queue is doing.
 */
export const CHART_DEFER_MS = 1_500;
/** Once deferred, the image may take this long (Discord allows 15 minutes); past it, text goes out. */
const FOLLOW_UP_CHART_MS = 10_000;
/** One follow-up request's own time-out. */
const FOLLOW_UP_TIMEOUT_MS = 5_000;

/** Options for tests: defer at once to exercise the follow-up path. */
export interface DiscordHttpOptions {
  readonly chartDeferMs?: number;
}

/** A JSON object with a numeric type: the shape every interaction has (the handler checks the rest). */
function isInteraction(value: unknown): value is { type: number } {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "number"
  );
}

/**
 * Discord over HTTP (DISCORD_PUBLIC_KEY): POST /discord/interactions on the shared server. Each
 * request is verified (Ed25519 over timestamp + raw body, recent timestamp) and answered inline with
 * the same handler as the gateway; answers come from memory in milliseconds, far inside Discord's 3 s.
 */
export function createDiscordHttpAdapter(deps: AdapterDeps, options: DiscordHttpOptions = {}): Adapter {
  const { config, pipeline, http } = deps;
  const log = deps.log.child({ adapter: "discord-http" });
  if (!config.DISCORD_PUBLIC_KEY) throw new Error("the Discord HTTP endpoint needs DISCORD_PUBLIC_KEY");
  if (!http) throw new Error("the Discord HTTP endpoint needs the shared HTTP server");
  const key = publicKeyFromHex(config.DISCORD_PUBLIC_KEY);
  const deferMs = options.chartDeferMs ?? CHART_DEFER_MS;
  const api = `${(config.DISCORD_API_URL ?? "https://discord.com/api").replace(/\/+$/, "")}/v10`;
  // Aborted on stop, so a follow-up to a slow Discord never holds shutdown.
  const outbound = new AbortController();

  /** Edits a deferred response into the answer; failures are logged (the fan saw "thinking…"). */
  async function followUp(
    route: { applicationId: string; token: string },
    response: APIInteractionResponse,
    file: ResponseFile | undefined,
    replyLog: Logger,
  ): Promise<boolean> {
    const message = "data" in response ? (response.data ?? {}) : {};
    const url = `${api}/webhooks/${route.applicationId}/${route.token}/messages/@original`;
    const body = file ? encodeMultipart(message, [file]) : undefined;
    try {
      const answer = await fetch(url, {
        method: "PATCH",
        headers: { "content-type": body ? body.contentType : "application/json" },
        body: body ? body.body : JSON.stringify(message),
        signal: AbortSignal.any([outbound.signal, AbortSignal.timeout(FOLLOW_UP_TIMEOUT_MS)]),
      });
      if (!answer.ok) replyLog.warn({ status: answer.status }, "Discord follow-up refused");
      return answer.ok;
    } catch (error) {
      replyLog.warn({ err: error }, "Discord follow-up failed");
      return false;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // From the moment the request reached the server: waiting for the event loop and the body counts.
    const startedAt = requestReceivedAt(req);
    const body = await readBody(req);
    const failure = await verifyDiscordRequest(
      key,
      { signature: req.headers["x-signature-ed25519"], timestamp: req.headers["x-signature-timestamp"] },
      body,
    );
    if (failure) {
      // Discord itself probes the endpoint with bad signatures when the URL is saved: expected, so not a warning.
      log.info({ reason: failure }, "refused an unsigned or badly signed interaction");
      sendJson(res, 401, { error: "invalid request signature" });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      payload = undefined;
    }
    if (!isInteraction(payload)) {
      log.warn("signed request that is not an interaction");
      sendJson(res, 400, { error: "not an interaction" });
      return;
    }
    const inbound = fromApiInteraction(payload, { transport: "http", receivedAt: startedAt, log });
    if (inbound.kind === "ping") {
      sendJson(res, 200, { type: InteractionResponseType.Pong });
      return;
    }
    const raw = payload as { application_id?: unknown; token?: unknown };
    const route =
      typeof raw.application_id === "string" && typeof raw.token === "string"
        ? { applicationId: raw.application_id, token: raw.token }
        : undefined;
    await pipeline.handle(inbound, async (reply) => {
      const { response, chart } = safeDiscordReply(pipeline, reply);
      // With a route to follow up on, drawing may outlast the defer; without one, the usual deadline.
      const drawing = chart
        ? drawPendingChart(chart, reply.log, route ? FOLLOW_UP_CHART_MS : undefined)
        : undefined;
      if (chart && drawing && route && !(await settleWithin([drawing], deferMs))) {
        // Not ready well inside 3 s: say "thinking…" now, and edit the answer in when it is.
        const update = response.type === InteractionResponseType.UpdateMessage;
        sendJson(res, 200, {
          type: update
            ? InteractionResponseType.DeferredMessageUpdate
            : InteractionResponseType.DeferredChannelMessageWithSource,
        });
        const file = await drawing;
        const sent = file ? response : chart.fallback;
        reply.log.info(
          { chart: chart.chart.kind, drawn: file !== undefined },
          "chart deferred and followed up",
        );
        const delivered = await followUp(route, sent, file, reply.log);
        return { ...deliveryOf(sent, file !== undefined), delivered };
      }
      const file = drawing ? await drawing : undefined;
      const sent = chart && !file ? chart.fallback : response;
      if (file) {
        // Attachments travel beside the JSON: Discord accepts a multipart interaction response.
        const { body: multipart, contentType } = encodeMultipart(response, [file]);
        res.writeHead(200, { "content-type": contentType, "content-length": multipart.length });
        res.end(multipart);
      } else sendJson(res, 200, sent);
      return deliveryOf(sent, file !== undefined);
    });
    // Every signed interaction gets exactly one answer, even if delivering the reply broke.
    if (!res.headersSent) sendJson(res, 200, safeDiscordReply(pipeline, undefined, inbound.kind).response);
  }

  return {
    name: "discord-http",
    async start() {
      http.route("POST", DISCORD_INTERACTIONS_PATH, handle);
      log.info({ path: DISCORD_INTERACTIONS_PATH }, "Discord interactions endpoint ready");
    },
    // The shared server waits for in-flight requests when main closes it; follow-ups are aborted.
    async stop() {
      outbound.abort();
    },
  };
}
