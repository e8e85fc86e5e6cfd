/**
 * The bot's outbound HTTP calls (the results feed, alerts, Discord follow-ups, Slack response_url
 * posts) go through undici's fetch: the same copy of the client discord.js already holds, rather
 * than Node's built-in fetch, which loads Node's own bundled copy on first use. It is imported on
 * the first call, so a bot that never makes one (or runs without discord.js) never loads it: it
 * holds about 3.5 MB of heap.
 */
import type { fetch as undiciFetch } from "undici";

let loading: Promise<typeof undiciFetch> | undefined;

/** undici's fetch, loaded on first use. */
export async function fetch(...args: Parameters<typeof undiciFetch>): ReturnType<typeof undiciFetch> {
  loading ??= import("undici").then((undici) => undici.fetch);
  return (await loading)(...args);
}
