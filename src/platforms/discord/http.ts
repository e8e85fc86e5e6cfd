import type { IncomingMessage, ServerResponse } from "node:http";
import { InteractionResponseType } from "discord-api-types/v10";
import { readBody, requestReceivedAt, sendJson } from "../../http/server.js";
import type { Adapter, AdapterDeps } from "../platform.js";
import { drawPendingChart } from "./chart-files.js";
import { fromApiInteraction } from "./interactions.js";
import { encodeMultipart } from "./multipart.js";
import { deliveryOf, safeDiscordReply } from "./reply.js";
import { publicKeyFromHex, verifyDiscordRequest } from "./verify.js";

/** Where Discord posts interactions; set it as the Interactions Endpoint URL in the developer portal. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

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
export function createDiscordHttpAdapter(deps: AdapterDeps): Adapter {
  const { config, pipeline, http } = deps;
  const log = deps.log.child({ adapter: "discord-http" });
  if (!config.DISCORD_PUBLIC_KEY) throw new Error("the Discord HTTP endpoint needs DISCORD_PUBLIC_KEY");
  if (!http) throw new Error("the Discord HTTP endpoint needs the shared HTTP server");
  const key = publicKeyFromHex(config.DISCORD_PUBLIC_KEY);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // From the moment the request reached the server: waiting for the event loop and the body counts.
    const startedAt = requestReceivedAt(req);
    const body = await readBody(req);
    const failure = verifyDiscordRequest(
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
    await pipeline.handle(inbound, async (reply) => {
      const { response, chart } = safeDiscordReply(pipeline, reply);
      const file = chart ? await drawPendingChart(chart, reply.log) : undefined;
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
    // The shared server waits for in-flight requests when main closes it; nothing else is held here.
    async stop() {},
  };
}
