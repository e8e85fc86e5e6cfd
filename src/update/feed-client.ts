import { fetch } from "../http/fetch.js";

/** The public base under which NASCAR publishes its results feed. */
export const DEFAULT_FEED_URL = "https://cf.nascar.com/cacher";

/** How long one request may take, headers and body together, before it counts as failed. */
export const DEFAULT_FEED_TIMEOUT_MS = 10_000;

/**
 * Headers a browser on nascar.com sends. The feed's CDN answers 403 to requests that look like a
 * script (no User-Agent, no Accept, no Referer), so every request carries these.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  "User-Agent":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  Accept: "application/json, text/plain, */*",
  "Accept-Language": "en-US,en;q=0.9",
  Referer: "https://www.nascar.com/",
  Origin: "https://www.nascar.com",
};

/** Why a feed request failed, with what an operator needs to act on it. */
export class FeedError extends Error {
  override name = "FeedError";
  constructor(
    readonly url: string,
    /** HTTP status, or undefined when no answer came (network error, time-out). */
    readonly status: number | undefined,
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(
      `${url}: ${status === undefined ? "" : `HTTP ${status}, `}${reason} (after ${attempts} attempt${attempts === 1 ? "" : "s"})`,
    );
  }
}

/** How the client talks to the feed; every field has a production default. */
export interface FeedClientOptions {
  /** Base URL, e.g. https://cf.nascar.com/cacher or a proxy in front of it. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  /** Attempts per request, the first included. */
  readonly attempts?: number;
  /** Wait before the first retry (default 1 s, or the time-out if shorter); each later retry waits twice as long (plus a little jitter). */
  readonly backoffMs?: number;
}

/** A failure worth trying again: no answer at all, a time-out, a server error or rate limiting. */
function retryable(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads JSON from NASCAR's results feed: browser-like headers, a time-out on every attempt (so a
 * stalled connection can never hang an update), and a few retries with exponential backoff for
 * failures that may pass. A 4xx other than 408/429 is final: asking again would get the same answer.
 */
export class FeedClient {
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #backoffMs: number;

  constructor(options: FeedClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_FEED_URL).replace(/\/+$/, "");
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
    this.#attempts = Math.max(1, options.attempts ?? 3);
    // A short time-out (a proxy on the same host, a test) means short waits too.
    this.#backoffMs = options.backoffMs ?? Math.min(1_000, this.#timeoutMs);
  }

  /** URL of a season's race list for the Cup Series (series 1). */
  raceListUrl(season: number): string {
    return `${this.baseUrl}/${season}/1/race_list_basic.json`;
  }

  /** URL of one race's weekend feed (results, cautions). */
  weekendFeedUrl(season: number, raceId: number): string {
    return `${this.baseUrl}/${season}/1/${raceId}/weekend-feed.json`;
  }

  /** Fetches and parses one JSON document; throws FeedError naming the URL, status and reason. */
  async getJson(url: string): Promise<unknown> {
    let last: FeedError | undefined;
    for (let attempt = 1; attempt <= this.#attempts; attempt++) {
      if (attempt > 1) {
        const base = this.#backoffMs * 2 ** (attempt - 2);
        await sleep(base + Math.floor(Math.random() * base * 0.25));
      }
      const outcome = await this.#attempt(url, attempt);
      if (!(outcome instanceof FeedError)) return outcome;
      last = outcome;
      if (!retryable(outcome.status) || outcome.reason.startsWith("not JSON")) break;
    }
    throw last as FeedError;
  }

  async #attempt(url: string, attempt: number): Promise<unknown> {
    // One signal for the whole exchange: it also aborts a body that stalls after the headers.
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let status: number | undefined;
    try {
      const response = await fetch(url, { headers: BROWSER_HEADERS, signal, redirect: "follow" });
      status = response.status;
      const body = await response.text();
      if (!response.ok) return new FeedError(url, status, response.statusText || "request refused", attempt);
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        return new FeedError(url, status, `not JSON (${(error as Error).message})`, attempt);
      }
    } catch (error) {
      const reason =
        signal.aborted || (error as Error).name === "TimeoutError"
          ? `no complete answer within ${this.#timeoutMs / 1000} s`
          : describeNetworkError(error);
      return new FeedError(url, status, reason, attempt);
    }
  }
}

/** fetch hides the useful part of a network error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `network error ${cause.code}${cause.message ? `: ${cause.message}` : ""}`;
  return `network error: ${(error as Error).message}`;
}
