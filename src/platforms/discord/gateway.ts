import {
  type APIInteractionResponse,
  Client,
  type ClientOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  Options,
  Routes,
} from "discord.js";
import { InteractionResponseType } from "discord-api-types/v10";
import type { Logger } from "pino";
import { timeBox } from "../../core/time-box.js";
import type { ContextSource } from "../../pipeline/pipeline.js";
import type { InboundRequest } from "../../pipeline/request.js";
import type { Adapter, AdapterDeps } from "../platform.js";
import { drawPendingChart } from "./chart-files.js";
import { decodeButton } from "./custom-id.js";
import { type Arrival, DISCORD, fallbackResponse, readOptions } from "./interactions.js";
import type { ResponseFile } from "./multipart.js";
import { deliveryOf, safeDiscordReply } from "./reply.js";

/** Discord's error codes for an interaction that can no longer be answered: retrying cannot help. */
const UNKNOWN_INTERACTION = 10062;
const ALREADY_ACKNOWLEDGED = 40060;
/** How long start-up waits for the gateway's READY before giving up. */
const READY_TIMEOUT_MS = 60_000;

/**
 * Slash commands need guilds and channels (which discord.js must keep) and nothing else: no
 * messages, members, presences, emojis or threads. Everything else is capped at zero so a bot in
 * many servers stays small.
 */
export function trimmedCache(): ClientOptions["makeCache"] {
  return Options.cacheWithLimits({
    ApplicationCommandManager: 0,
    ApplicationEmojiManager: 0,
    AutoModerationRuleManager: 0,
    BaseGuildEmojiManager: 0,
    DMMessageManager: 0,
    EntitlementManager: 0,
    GuildBanManager: 0,
    GuildEmojiManager: 0,
    GuildForumThreadManager: 0,
    GuildInviteManager: 0,
    // discord.js expects to find the bot's own member; keep just that one.
    GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    GuildMessageManager: 0,
    GuildScheduledEventManager: 0,
    GuildStickerManager: 0,
    GuildTextThreadManager: 0,
    MessageManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    StageInstanceManager: 0,
    ThreadManager: 0,
    ThreadMemberManager: 0,
    UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    VoiceStateManager: 0,
  });
}

/** Reads a discord.js interaction into a request for the pipeline. */
export function fromDiscordJs(interaction: Interaction, arrival: Omit<Arrival, "transport">): InboundRequest {
  const base = {
    platform: DISCORD,
    transport: "gateway",
    requestId: interaction.id,
    user: { id: interaction.user.id },
    ...(arrival.receivedAt !== undefined ? { receivedAt: arrival.receivedAt } : {}),
    ...(arrival.log ? { log: arrival.log } : {}),
  };
  if (interaction.isChatInputCommand())
    return {
      ...base,
      kind: "command",
      name: interaction.commandName,
      options: readOptions(interaction.options.data),
    };
  if (interaction.isAutocomplete())
    return {
      ...base,
      kind: "autocomplete",
      name: interaction.commandName,
      options: readOptions(interaction.options.data),
    };
  if (interaction.isButton()) return { ...base, kind: "button", action: decodeButton(interaction.customId) };
  return { ...base, kind: "unsupported", type: String(interaction.type) };
}

/** Extra client options; tests point `rest.api` and the gateway at loopback stand-ins. */
export type GatewayClientOverrides = Partial<Pick<ClientOptions, "rest" | "ws">>;

/**
 * Sends the handler's response as the interaction callback: the very payload the HTTP endpoint
 * would return, so both transports answer identically. If Discord refuses it (a payload bug),
 * the apology goes instead, once; an expired interaction is only logged.
 */
async function sendResponse(
  client: Client,
  interaction: Interaction,
  response: APIInteractionResponse,
  runtime: ContextSource,
  log: Logger,
  files: readonly ResponseFile[] = [],
): Promise<boolean> {
  const route = Routes.interactionCallback(interaction.id, interaction.token);
  try {
    await client.rest.post(route, {
      body: response,
      auth: false,
      ...(files.length > 0
        ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })) }
        : {}),
    });
    return true;
  } catch (error) {
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    log.error({ err: error, code, responseType: response.type }, "Discord refused the interaction response");
    const answerable = code !== UNKNOWN_INTERACTION && code !== ALREADY_ACKNOWLEDGED;
    if (
      !answerable ||
      response.type === InteractionResponseType.ApplicationCommandAutocompleteResult ||
      !(error instanceof DiscordAPIError)
    )
      return false;
    try {
      await client.rest.post(route, {
        body: fallbackResponse(runtime, "command"),
        auth: false,
      });
    } catch (again) {
      log.error({ err: again }, "could not send the apology either");
    }
    return false;
  }
}

/**
 * Discord over the gateway (DISCORD_TOKEN): a discord.js client with only the Guilds intent and
 * trimmed caches, answering slash commands, autocomplete and buttons through the shared handler.
 *
 * Every answer is computed in memory in about a millisecond, so it is sent directly rather than
 * deferred: a defer would only add a second round trip. Nothing here lets an error escape to the
 * process; connection trouble is logged and discord.js reconnects on its own.
 */
export function createDiscordGatewayAdapter(
  deps: AdapterDeps,
  overrides: GatewayClientOverrides = {},
): Adapter {
  const { config, pipeline } = deps;
  const log = deps.log.child({ adapter: "discord-gateway" });
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error("the Discord gateway bot needs DISCORD_TOKEN");
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache: trimmedCache(),
    // Answers never mention anyone; this also covers any message discord.js sends for us.
    allowedMentions: { parse: [] },
    ...overrides,
  });

  async function onInteraction(interaction: Interaction): Promise<void> {
    const receivedAt = performance.now();
    try {
      const request = fromDiscordJs(interaction, { receivedAt, log });
      await pipeline.handle(request, async (reply) => {
        const { response, chart } = safeDiscordReply(pipeline, reply);
        const file = chart ? await drawPendingChart(chart, reply.log) : undefined;
        const sent = chart && !file ? chart.fallback : response;
        const delivered = await sendResponse(
          client,
          interaction,
          sent,
          pipeline,
          reply.log,
          file ? [file] : [],
        );
        return { ...deliveryOf(sent, file !== undefined), delivered };
      });
    } catch (error) {
      // The pipeline never throws; this guards the reading of the interaction itself.
      log.error({ err: error, interactionType: interaction.type }, "Discord interaction failed");
    }
  }

  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, "Discord client error"));
  client.on(Events.Warn, (message) => log.warn({ message }, "Discord client warning"));
  client.on(Events.ShardReady, (shard) => log.info({ shard }, "Discord shard ready"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ shard, code: event.code }, "Discord shard disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, "Discord shard reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "Discord shard resumed"));
  client.on(Events.ShardError, (error, shard) => log.error({ err: error, shard }, "Discord shard error"));
  client.rest.on("rateLimited", (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, "Discord rate limit"),
  );

  return {
    name: "discord-gateway",
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(token);
      } catch (error) {
        throw new Error(
          `Discord refused to connect the bot: ${(error as Error).message}. Check DISCORD_TOKEN (Bot page of the app).`,
          { cause: error },
        );
      }
      // A connection that never turns ready (a gateway outage, a disallowed intent) must not hang start-up.
      try {
        await timeBox(
          ready,
          READY_TIMEOUT_MS,
          `Discord gateway not ready after ${READY_TIMEOUT_MS / 1000} s`,
        );
      } catch (error) {
        await client.destroy();
        throw error;
      }
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "Discord gateway bot connected");
    },
    async stop() {
      await client.destroy();
    },
  };
}
