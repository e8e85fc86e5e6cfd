import { afterEach, describe, expect, test } from "vitest";
import { makeKeys, signedInteraction } from "../helpers/discord.js";
import { makeFixtureData, season2025, season2026 } from "../helpers/feed-fixtures.js";
import { type FeedRoute, type FeedStandIn, startFeedStandIn } from "../helpers/feed-stand-in.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

let feed: FeedStandIn | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
  await feed?.close();
  feed = server = undefined;
});

/** The feed before the races are run: every race after round 2 has an empty margin. */
function notRunYet(): Record<string, FeedRoute> {
  const routes = season2026();
  const list = (routes["/2026/1/race_list_basic.json"] as { json: Record<string, unknown>[] }).json;
  return {
    "/2025/1/race_list_basic.json": { json: [] },
    "/2026/1/race_list_basic.json": {
      json: list.map((r) => (Number(r.race_id) > 5602 ? { ...r, margin_of_victory: "" } : r)),
    },
  };
}

let user = 0;
/** A signed /about interaction from a fresh user (so the per-user cooldown never bites). */
function aboutInteraction(keys: ReturnType<typeof makeKeys>) {
  user++;
  return signedInteraction(keys, {
    type: 2,
    id: String(user),
    application_id: "1",
    token: "interaction-token",
    version: 1,
    member: { user: { id: String(80351110224678912n + BigInt(user)), username: `fan${user}` } },
    data: { id: "1", name: "about", type: 1 },
  });
}

interface Health {
  asOf: string;
  races: number;
  refreshedAt: string | null;
  lastRefresh: { result: string } | null;
}

describe("DATA_REFRESH in the running bot", () => {
  test("swaps the new data in under load, whole, with every interaction answered", async () => {
    feed = await startFeedStandIn(notRunYet());
    const keys = makeKeys();
    const dir = makeFixtureData();
    server = await startServerProcess({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DATA_DIR: dir,
      NASCAR_FEED_URL: feed.url,
      DATA_REFRESH: "1s",
    });
    const base = server.baseUrl;
    const health = async () => (await (await fetch(`${base}/healthz`)).json()) as Health;
    // The first refreshes find nothing new.
    await server.waitForLog(
      (l) => l.msg === "scheduled data refresh" && (l.refresh as { result: string }).result === "up to date",
    );
    const before = await health();
    expect(before).toMatchObject({ asOf: "2026-02-22", races: 14, lastRefresh: { result: "up to date" } });
    expect(before.refreshedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Load: four clients asking /about and /healthz back to back while the races come in.
    const answers: { status: number; asOf: string | undefined }[] = [];
    const seen: string[] = [];
    let swapped = false;
    let afterSwap = 0;
    const client = async () => {
      while (!swapped || afterSwap < 20) {
        const { body, headers } = aboutInteraction(keys);
        const response = await fetch(`${base}/discord/interactions`, { method: "POST", headers, body });
        const json = (await response.json()) as {
          type: number;
          data?: { embeds?: { fields?: { name: string; value: string }[] }[] };
        };
        const fields = json.data?.embeds?.[0]?.fields ?? [];
        answers.push({ status: response.status, asOf: fields.find((f) => f.name === "Data as of")?.value });
        const h = await health();
        seen.push(`${h.asOf}/${h.races}`);
        if (h.asOf === "2026-03-29") {
          if (swapped) afterSwap++;
          swapped = true;
        }
      }
    };
    const load = Promise.all([client(), client(), client(), client()]);
    feed.setRoutes({ ...season2025(), ...season2026() });
    await load;

    // Every interaction was answered, from the old data or the new, never a mix or an error.
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.asOf))).toEqual(new Set(["Feb. 22, 2026", "March 29, 2026"]));
    expect(new Set(seen)).toEqual(new Set(["2026-02-22/14", "2026-03-29/19"]));
    const after = await health();
    expect(after).toMatchObject({ asOf: "2026-03-29", races: 19 });
    expect(server.logLines().some((l) => l.msg === "dataset reloaded" && l.asOf === "2026-03-29")).toBe(true);

    // /about says when the data was last refreshed.
    const { body, headers } = aboutInteraction(keys);
    const about = (await (
      await fetch(`${base}/discord/interactions`, { method: "POST", headers, body })
    ).json()) as {
      data: { embeds: { fields: { name: string; value: string }[] }[] };
    };
    expect(about.data.embeds[0]?.fields.find((f) => f.name === "Last refreshed")?.value).toMatch(
      /^[A-Z][a-z.]+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC$/,
    );
  });

  test("a bad update is logged and the old data kept", async () => {
    feed = await startFeedStandIn({
      "/2025/1/race_list_basic.json": { json: [] },
      "/2026/1/race_list_basic.json": { raw: "{" },
    });
    const dir = makeFixtureData();
    server = await startServerProcess({
      DISCORD_PUBLIC_KEY: makeKeys().publicKeyHex,
      DATA_DIR: dir,
      NASCAR_FEED_URL: feed.url,
      DATA_REFRESH: "1s",
    });
    const failed = await server.waitForLog((l) => l.msg === "scheduled data refresh");
    expect(failed.refresh).toMatchObject({ result: "failed" });
    expect(String((failed.refresh as { detail: string }).detail)).toContain(
      "race_list_basic.json: HTTP 200, not JSON",
    );
    const h = (await (await fetch(`${server.baseUrl}/healthz`)).json()) as Health;
    expect(h).toMatchObject({
      asOf: "2026-02-22",
      races: 14,
      refreshedAt: null,
      lastRefresh: { result: "failed" },
    });
  });
});
