import type { APIInteractionResponse } from "discord-api-types/v10";
import { MessageFlags } from "discord-api-types/v10";
import type { ContextSource } from "../../pipeline/pipeline.js";
import type { Delivery, InboundRequest, Reply } from "../../pipeline/request.js";
import { type DiscordReply, fallbackResponse, toDiscordReply } from "./interactions.js";

/**
 * The response for a reply, never throwing: if rendering fails (a bug), the apology goes instead
 * (or no suggestions, for autocomplete), logged with its stack. Without a reply, the fallback alone.
 */
export function safeDiscordReply(
  runtime: ContextSource,
  reply: Reply | undefined,
  kind: InboundRequest["kind"] = reply?.kind ?? "command",
): DiscordReply {
  if (reply)
    try {
      return toDiscordReply(runtime, reply);
    } catch (error) {
      reply.log.error({ err: error, platform: "discord", kind }, "Discord response could not be rendered");
    }
  return { response: fallbackResponse(runtime, kind) };
}

/** What the log line says about a response that went out. */
export function deliveryOf(response: APIInteractionResponse, chart: boolean): Delivery {
  const data = "data" in response ? (response.data as { flags?: number } | undefined) : undefined;
  const ephemeral = ((data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  return { delivered: true, chart, ephemeral };
}
