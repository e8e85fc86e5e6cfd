import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { FeedClient, FeedError } from "../../src/update/feed-client.js";
import { type FeedStandIn, startFeedStandIn } from "../helpers/feed-stand-in.js";

let feed: FeedStandIn | undefined;
afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

const LIST = "/2026/1/race_list_basic.json";

async function failure(work: Promise<unknown>): Promise<FeedError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe("the feed client", () => {
  test("sends browser-like headers: the stand-in, like the real CDN, answers 403 without them", async () => {
    feed = await startFeedStandIn({ [LIST]: { json: [{ race_id: 1 }] } });
    const bare = await fetch(`${feed.url}${LIST}`);
    expect(bare.status).toBe(403);
    const client = new FeedClient({ baseUrl: feed.url });
    await expect(client.getJson(client.raceListUrl(2026))).resolves.toEqual([{ race_id: 1 }]);
    expect(feed.requests.at(-1)?.headers["user-agent"]).toMatch(/^Mozilla\/5\.0/);
    expect(feed.requests.at(-1)?.headers.referer).toBe("https://www.nascar.com/");
  });

  test("a 500 is retried with backoff, and the retry's answer is used", async () => {
    feed = await startFeedStandIn({
      [LIST]: { sequence: [{ status: 500, body: "oops" }, { status: 502 }, { json: ["ok"] }] },
    });
    const client = new FeedClient({ baseUrl: feed.url, backoffMs: 5 });
    await expect(client.getJson(client.raceListUrl(2026))).resolves.toEqual(["ok"]);
    expect(feed.requests.filter((r) => r.path === LIST)).toHaveLength(3);
  });

  test("a 500 that never clears fails with the URL, status and attempts", async () => {
    feed = await startFeedStandIn({ [LIST]: { status: 503 } });
    const client = new FeedClient({ baseUrl: feed.url, backoffMs: 5, attempts: 3 });
    const error = await failure(client.getJson(client.raceListUrl(2026)));
    expect(error.url).toBe(`${feed.url}${LIST}`);
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(3);
  });

  test("a 403 or 404 is final: asked once, not retried", async () => {
    feed = await startFeedStandIn({ [LIST]: { status: 403 } });
    const client = new FeedClient({ baseUrl: feed.url, backoffMs: 5 });
    const error = await failure(client.getJson(client.raceListUrl(2026)));
    expect(error.status).toBe(403);
    expect(feed.requests).toHaveLength(1);
    const missing = await failure(client.getJson(`${feed.url}/2026/1/999/weekend-feed.json`));
    expect(missing.status).toBe(404);
  });

  test("a feed that never answers times out on every attempt instead of hanging", async () => {
    feed = await startFeedStandIn({ [LIST]: { hang: true } });
    const client = new FeedClient({ baseUrl: feed.url, timeoutMs: 150, attempts: 2, backoffMs: 5 });
    const error = await failure(client.getJson(client.raceListUrl(2026)));
    expect(error.status).toBeUndefined();
    expect(error.reason).toBe("no complete answer within 0.15 s");
    expect(feed.requests).toHaveLength(2);
  });

  test("malformed JSON fails with the URL and the parser's reason", async () => {
    feed = await startFeedStandIn({ [LIST]: { raw: '[{"race_id": 1,' } });
    const client = new FeedClient({ baseUrl: feed.url, backoffMs: 5 });
    const error = await failure(client.getJson(client.raceListUrl(2026)));
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/race_list_basic\.json: HTTP 200, not JSON/);
  });

  test("a refused connection is a network error naming its code", async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const client = new FeedClient({ baseUrl: `http://127.0.0.1:${port}/cacher`, backoffMs: 5, attempts: 2 });
    const error = await failure(client.getJson(client.raceListUrl(2026)));
    expect(error.reason).toMatch(/ECONNREFUSED/);
  });
});
