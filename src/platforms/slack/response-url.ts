/**
 * Posting to a Slack `response_url` ourselves instead of through Bolt's `respond()`, which has no
 * time-out and cannot be cancelled: a response_url that never answers held a click, and shutdown,
 * for as long as the peer liked. Each post here ends within RESPOND_TIMEOUT_MS, or sooner when the
 * adapter stops and aborts its outbound calls.
 */

import { fetch } from "../../http/fetch.js";

/** How long one post to a response_url may take; Slack answers these in well under a second. */
export const RESPOND_TIMEOUT_MS = 5_000;

/** Thrown when Slack (or whatever answers at the URL) refuses a post. */
export class ResponseUrlError extends Error {
  override name = "ResponseUrlError";
}

/** Posts one message to a response_url; rejects on a refusal, a time-out or an abort. */
export async function postToResponseUrl(
  url: string | undefined,
  message: unknown,
  signal: AbortSignal,
  timeoutMs: number = RESPOND_TIMEOUT_MS,
): Promise<void> {
  if (typeof url !== "string" || !/^https?:\/\//.test(url))
    throw new ResponseUrlError("the interaction carries no usable response_url");
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(message),
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });
  // Read (and so release) the body either way; its text says why a post was refused.
  const text = await response.text();
  if (!response.ok)
    throw new ResponseUrlError(`response_url answered ${response.status}: ${text.slice(0, 200)}`);
}
