import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DataError, loadDataset } from "../../src/data/load.js";
import { acquireLock } from "../../src/update/lock.js";
import { recoverInterruptedWrite } from "../../src/update/write.js";
import { BIN, cleanEnv, runBin } from "../helpers/cli.js";
import { makeFixtureData, season2025, season2026 } from "../helpers/feed-fixtures.js";
import { type FeedRoute, type FeedStandIn, startFeedStandIn } from "../helpers/feed-stand-in.js";

let feed: FeedStandIn | undefined;
afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

const FILES = ["drivers.json", "tracks.json", "races.csv", "dataset.json"];
const snapshot = (dir: string) => FILES.map((f) => readFileSync(path.join(dir, f), "utf8"));
const LIST_2026 = "/2026/1/race_list_basic.json";

async function update(routes: Record<string, FeedRoute>, args: string[], env: Record<string, string> = {}) {
  feed = await startFeedStandIn(routes);
  const dir = makeFixtureData();
  const before = snapshot(dir);
  const result = await runBin(["data:update", ...args], {
    env: cleanEnv({ DATA_DIR: dir, NASCAR_FEED_URL: feed.url, ...env }),
    timeoutMs: 25_000,
  });
  return { ...result, dir, before, url: feed.url };
}

describe("photo-finish data:update, the real bin against the loopback feed", () => {
  test("--dry-run prints the races it would add and writes nothing (exit 0)", async () => {
    const run = await update(season2026(), ["--season", "2026", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`photo-finish data:update (dry run): ${run.dir} from ${run.url}\n`);
    expect(run.stdout).toContain(
      "+ would add 2026-03  2026-03-01  kansas  Kyle Larson over Chris Buescher by 0.038 s\n",
    );
    expect(run.stdout).toContain(
      "+ would add 2026-07  2026-03-29  chicago-street-course  Shane van Gisbergen over Daniel Suárez by 0.300 s\n",
    );
    expect(run.stdout).toContain(
      "would add 5 races and complete 0; data as of 2026-03-29 (dry run: nothing written)\n",
    );
    expect(snapshot(run.dir)).toEqual(run.before);
  });

  test("imports, then finds itself up to date on the second run (exit 0 both times)", async () => {
    const run = await update({ ...season2025(), ...season2026() }, ["--season=2025", "--season", "2026"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("5 races added, 2 completed; data as of 2026-03-29\n");
    const after = snapshot(run.dir);
    const check = await runBin(["data:check", run.dir], { env: cleanEnv() });
    expect(check.code).toBe(0);
    const again = await runBin(["data:update", "--season", "2025", "--season", "2026"], {
      env: cleanEnv({ DATA_DIR: run.dir, NASCAR_FEED_URL: run.url }),
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("up to date (seasons 2025, 2026); data as of 2026-03-29\n");
    expect(snapshot(run.dir)).toEqual(after);
  });

  test("a 500 that succeeds on retry is no failure", async () => {
    const routes = season2026();
    const run = await update(
      { ...routes, [LIST_2026]: { sequence: [{ status: 500 }, routes[LIST_2026] as FeedRoute] } },
      ["--season", "2026"],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("5 races added, 0 completed");
    expect(feed?.requests.filter((r) => r.path === LIST_2026)).toHaveLength(2);
  });

  test("a feed that hangs times out (NASCAR_FEED_TIMEOUT_MS), is retried, and exits 1 with the URL", async () => {
    const run = await update({ [LIST_2026]: { hang: true } }, ["--season", "2026"], {
      NASCAR_FEED_TIMEOUT_MS: "200",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `photo-finish: feed failure: ${run.url}${LIST_2026}: no complete answer within 0.2 s (after 3 attempts)\n`,
    );
    expect(run.stdout).toContain("  nothing written\n");
    expect(snapshot(run.dir)).toEqual(run.before);
  });

  test("a 403 exits 1 at once with the URL and status", async () => {
    const run = await update({ [LIST_2026]: { status: 403, body: "Access Denied" } }, ["--season", "2026"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `feed failure: ${run.url}${LIST_2026}: HTTP 403, Forbidden (after 1 attempt)`,
    );
    expect(feed?.requests).toHaveLength(1);
  });

  test("malformed JSON exits 1 naming the URL", async () => {
    const run = await update({ [LIST_2026]: { raw: "<html>maintenance</html>" } }, ["--season", "2026"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`feed failure: ${run.url}${LIST_2026}: HTTP 200, not JSON`);
    expect(snapshot(run.dir)).toEqual(run.before);
  });

  test("something the data cannot accept exits 2 with the race and field", async () => {
    const routes = season2026();
    const list = (routes[LIST_2026] as { json: Record<string, unknown>[] }).json;
    (list.find((r) => r.race_id === 5603) as Record<string, unknown>).margin_of_victory = "Photo";
    const run = await update(routes, ["--season", "2026"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'x 2026-03 (Kansas Speedway, AdventHealth 400): field margin_of_victory: "Photo" is not a margin, "Caution" or empty\n',
    );
    expect(snapshot(run.dir)).toEqual(run.before);
  });

  test("a second concurrent run waits, then exits 1 busy", async () => {
    feed = await startFeedStandIn(season2026());
    const dir = makeFixtureData();
    const lock = await acquireLock(dir);
    try {
      const run = await runBin(["data:update", "--season", "2026", "--wait", "0.3"], {
        env: cleanEnv({ DATA_DIR: dir, NASCAR_FEED_URL: feed.url }),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`^photo-finish: busy: another update holds the lock \\(pid ${process.pid} on `),
      );
      expect(feed.requests).toHaveLength(0);
    } finally {
      await lock.release();
    }
  });

  test("bad arguments and bad settings exit 2 with a plain sentence", async () => {
    const bad = await runBin(["data:update", "--season", "26"], { env: cleanEnv() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('photo-finish: --season takes a four-digit year, not "26"');
    const url = await runBin(["data:update"], { env: cleanEnv({ NASCAR_FEED_URL: "not a url" }) });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain("NASCAR_FEED_URL: should be the base URL of NASCAR's results feed");
  });
});

describe("photo-finish data:update killed part-way (SIGKILL)", () => {
  test("leaves data/ old or new, never a mix: the loader refuses or reads one whole, and recovery settles it", async () => {
    feed = await startFeedStandIn({ ...season2025(), ...season2026() });
    const env = (dir: string) => cleanEnv({ DATA_DIR: dir, NASCAR_FEED_URL: feed?.url ?? "" });
    const args = ["data:update", "--season", "2025", "--season", "2026"];
    // One whole run: the new data, and how long a run takes here.
    const whole = makeFixtureData();
    const old = snapshot(whole);
    const started = Date.now();
    expect((await runBin(args, { env: env(whole) })).code).toBe(0);
    const took = Date.now() - started;
    const fresh = snapshot(whole);

    for (let i = 1; i <= 6; i++) {
      const dir = makeFixtureData();
      // In an empty folder, as runBin does, so no stray .env is read.
      const cwd = mkdtempSync(path.join(tmpdir(), "photo-finish-cwd-"));
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(dir), stdio: "ignore" });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, (took * i) / 7));
      child.kill("SIGKILL");
      await exited;
      const read = await loadDataset(dir).then(
        (d) => `${d.meta.asOf}/${d.races.length}`,
        (e: unknown) => (e instanceof DataError ? "refused" : `threw ${e}`),
      );
      expect(["2026-02-22/14", "2026-03-29/19", "refused"]).toContain(read);
      await recoverInterruptedWrite(dir);
      const settled = snapshot(dir);
      expect([JSON.stringify(old), JSON.stringify(fresh)]).toContain(JSON.stringify(settled));
    }
  });
});
