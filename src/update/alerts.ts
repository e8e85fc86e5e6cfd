import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { Answer } from "../core/answer.js";
import { compareStrings } from "../core/compare.js";
import type { Dataset } from "../data/dataset.js";
import { fetch } from "../http/fetch.js";
import type { DataFolder, RaceRecord } from "./dataset-files.js";
import { writeFileAtomically } from "./write.js";

/** The file in the data folder that remembers which races were posted, and which still wait. */
export const ALERTS_FILE = "alerts-posted.json";

/** Default ALERT_MAX_MARGIN: a finish this close or closer is worth a post. */
export const DEFAULT_ALERT_MAX_MARGIN_MS = 100;

/** Where close finishes are posted. */
export type AlertChannel = "discord" | "slack";

/** Per channel: race ids posted, and race ids waiting for a post (a failed post is retried). */
export type AlertState = Record<AlertChannel, { posted: string[]; pending: string[] }>;

/** Alert settings, from the configuration. */
export interface AlertConfig {
  readonly discordWebhookUrl?: string | undefined;
  readonly slackWebhookUrl?: string | undefined;
  readonly maxMarginMs?: number;
  /** Per request; the feed's default applies. */
  readonly timeoutMs?: number;
  /** The longest rate-limit wait honoured in place; a longer one leaves the post for the next update. */
  readonly maxRetryWaitMs?: number;
}

/** The configured channels. */
export function alertChannels(config: AlertConfig): AlertChannel[] {
  return [
    ...(config.discordWebhookUrl ? (["discord"] as const) : []),
    ...(config.slackWebhookUrl ? (["slack"] as const) : []),
  ];
}

/** Reads the remembered posts (none yet: empty). */
export async function readAlertState(dir: string): Promise<{ state: AlertState; text: string | undefined }> {
  const text = await readFile(path.join(dir, ALERTS_FILE), "utf8").catch(() => undefined);
  const empty: AlertState = { discord: { posted: [], pending: [] }, slack: { posted: [], pending: [] } };
  if (text === undefined) return { state: empty, text };
  try {
    const parsed = JSON.parse(text) as Partial<AlertState>;
    for (const channel of ["discord", "slack"] as const) {
      empty[channel].posted = [...(parsed[channel]?.posted ?? [])];
      empty[channel].pending = [...(parsed[channel]?.pending ?? [])];
    }
  } catch {
    // An unreadable file must not stop imports; it is rewritten whole on the next change.
  }
  return { state: empty, text };
}

/** The file's text for a state. */
export function formatAlertState(state: AlertState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Timed finishes, closest first (ties: oldest first). */
function timedRows(folder: DataFolder): RaceRecord[] {
  return folder.races
    .map((l) => l.record)
    .filter((r) => r.finish === "timed" && r.margin !== "")
    .sort((a, b) => marginMs(a) - marginMs(b) || compareStrings(a.date, b.date));
}

function marginMs(record: RaceRecord): number {
  return Number(record.margin.replace(".", ""));
}

/** How a race ranks among the data's timed finishes: 1 = the closest (ties share a rank). */
export function closenessRank(folder: DataFolder, record: RaceRecord): number {
  const ms = marginMs(record);
  return timedRows(folder).filter((r) => marginMs(r) < ms).length + 1;
}

/**
 * Which of the races an update added are worth a post: a timed finish within the margin, or one of
 * the ten closest the data holds. Races only completed (a margin filled into an old row) are history
 * catching up, not news: they are never posted.
 */
export function closeFinishes(
  folder: DataFolder,
  added: readonly RaceRecord[],
  maxMarginMs: number,
): RaceRecord[] {
  return added.filter(
    (r) =>
      r.finish === "timed" &&
      r.margin !== "" &&
      (marginMs(r) <= maxMarginMs || closenessRank(folder, r) <= 10),
  );
}

/** Queues races for every configured channel, never twice. Returns whether the state changed. */
export function queueAlerts(
  state: AlertState,
  channels: readonly AlertChannel[],
  raceIds: readonly string[],
): boolean {
  let changed = false;
  for (const channel of channels)
    for (const id of raceIds)
      if (!state[channel].posted.includes(id) && !state[channel].pending.includes(id)) {
        state[channel].pending.push(id);
        changed = true;
      }
  return changed;
}

/**
 * The race card a post carries: the `/race` command's card (commands/race.ts) over the data just
 * committed, so a post reads exactly like `/race` in chat.
 */
export async function raceCardFor(data: Dataset, raceId: string): Promise<Answer | undefined> {
  const race = data.races.find((r) => r.id === raceId);
  if (!race) return undefined;
  const { raceCard } = await import("../../commands/race.js");
  return raceCard(data, race, `/race ${race.season} ${race.round}`);
}

/** What a channel's webhook answered, as far as retrying is concerned. */
type PostOutcome = { ok: true } | { ok: false; reason: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs JSON to a webhook, honouring rate limits: on 429 it waits what the answer asks
 * (Discord's `retry_after` in the body, or the Retry-After header) and tries again, up to three
 * times, as long as the wait is short; anything else is reported for a retry on the next update.
 */
async function postJson(url: string, body: unknown, config: AlertConfig): Promise<PostOutcome> {
  const maxWait = config.maxRetryWaitMs ?? 30_000;
  for (let attempt = 1; attempt <= 3; attempt++) {
    let response: Awaited<ReturnType<typeof fetch>>;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "PhotoFinish (alerts)" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return { ok: false, reason: `network: ${(error as Error).message}` };
    }
    const text = await response.text().catch(() => "");
    if (response.ok) return { ok: true };
    if (response.status !== 429)
      return { ok: false, reason: `HTTP ${response.status} ${text.slice(0, 200)}` };
    let seconds = Number(response.headers.get("retry-after"));
    try {
      const retryAfter = (JSON.parse(text) as { retry_after?: unknown }).retry_after;
      if (typeof retryAfter === "number") seconds = retryAfter;
    } catch {
      // Slack answers 429 with a plain body; the header says how long.
    }
    const waitMs = Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : 1_000;
    if (waitMs > maxWait) return { ok: false, reason: `rate limited for ${seconds} s` };
    await sleep(waitMs);
  }
  return { ok: false, reason: "still rate limited after 3 attempts" };
}

/** The exact JSON each channel is sent for a card. */
export async function alertPayload(channel: AlertChannel, card: Answer): Promise<unknown> {
  if (channel === "discord") {
    // Execute-webhook takes the message itself: the embed, no interaction-only parts (buttons need an
    // application-owned webhook; flags would make nothing ephemeral), and no pings.
    const { renderDiscordMessage } = await import("../platforms/discord/render.js");
    const message = renderDiscordMessage(card);
    return { embeds: message.embeds, allowed_mentions: { parse: [] } };
  }
  const { toSlackMessage } = await import("../platforms/slack/render.js");
  const message = toSlackMessage(card);
  // Incoming webhooks post to their channel: text is the notification fallback, blocks the card.
  return { text: message.text, blocks: message.blocks };
}

/**
 * Posts every pending race to its channels, marking each posted only once its webhook accepted it.
 * Never throws: a failure is logged and stays pending for the next update. Returns report lines.
 */
export async function postPendingAlerts(
  data: Dataset,
  state: AlertState,
  config: AlertConfig,
  log: Logger | undefined,
): Promise<{ lines: string[]; changed: boolean }> {
  const lines: string[] = [];
  let changed = false;
  for (const channel of alertChannels(config)) {
    const url = channel === "discord" ? config.discordWebhookUrl : config.slackWebhookUrl;
    for (const id of [...state[channel].pending]) {
      let outcome: PostOutcome;
      try {
        const card = await raceCardFor(data, id);
        if (!card || !url) continue;
        const endpoint = channel === "discord" ? withWait(url) : url;
        outcome = await postJson(endpoint, await alertPayload(channel, card), config);
      } catch (error) {
        outcome = { ok: false, reason: (error as Error).message };
      }
      if (outcome.ok) {
        state[channel].pending = state[channel].pending.filter((p) => p !== id);
        state[channel].posted.push(id);
        changed = true;
        lines.push(`${id}  posted to ${channel}`);
        log?.info({ channel, race: id }, "close finish posted");
      } else {
        lines.push(`${id}  post to ${channel} failed (${outcome.reason}); retried on the next update`);
        log?.warn({ channel, race: id, reason: outcome.reason }, "close-finish post failed; will retry");
      }
    }
  }
  return { lines, changed };
}

/** Discord answers an execute-webhook with `?wait=true` only once the message exists: a real confirmation. */
function withWait(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("wait", "true");
  return parsed.toString();
}

/** Saves the remembered posts. */
export async function writeAlertState(dir: string, state: AlertState): Promise<void> {
  await writeFileAtomically(path.join(dir, ALERTS_FILE), formatAlertState(state));
}
