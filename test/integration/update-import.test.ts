import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DataError, loadDataset } from "../../src/data/load.js";
import { formatDataFolder, readDataFolder } from "../../src/update/dataset-files.js";
import { FeedClient } from "../../src/update/feed-client.js";
import { planImport } from "../../src/update/import.js";
import { acquireLock, LOCK_FILE } from "../../src/update/lock.js";
import { runUpdate } from "../../src/update/update.js";
import {
  type CommitStep,
  commitFiles,
  JOURNAL_FILE,
  recoverInterruptedWrite,
} from "../../src/update/write.js";
import {
  fixtureRaceLines,
  makeFixtureData,
  RACES_HEADER,
  season2025,
  season2026,
} from "../helpers/feed-fixtures.js";
import { type FeedStandIn, startFeedStandIn } from "../helpers/feed-stand-in.js";

let feed: FeedStandIn | undefined;
afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

const FILES = ["drivers.json", "tracks.json", "races.csv", "dataset.json"];
const snapshot = (dir: string) =>
  Object.fromEntries(FILES.map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
const client = (url: string) => new FeedClient({ baseUrl: url, backoffMs: 5, timeoutMs: 2_000 });
const NOW = () => new Date("2026-04-01T12:00:00Z");

/** The rows the fixture feed must add to 2026, exactly (2026-08 and later have not run). */
const ADDED_2026 = [
  "2026-03,2026,3,2026-03-01,kansas,AdventHealth 400,Kyle Larson,Chris Buescher,timed,0.038,,nascar-feed,nascar-feed,,https://cf.nascar.com/cacher/2026/1/5603/weekend-feed.json",
  "2026-04,2026,4,2026-03-08,talladega,GEICO 500,Ryan Blaney,William Byron,caution,,0.210,nascar-feed,nascar-feed,,https://cf.nascar.com/cacher/2026/1/5604/weekend-feed.json",
  "2026-05,2026,5,2026-03-15,pocono,The Great American Getaway 400,Ryan Blaney,William Byron,timed,0.318,,nascar-feed,nascar-feed,Denny Hamlin crossed the line ahead of William Byron but was disqualified; official order used. The feed's margin of victory (.927) is to the line.,https://cf.nascar.com/cacher/2026/1/5605/weekend-feed.json",
  '2026-06,2026,6,2026-03-23,charlotte,Coca-Cola 600,Kyle Busch,Connor Zilisch,timed,11.685,,nascar-feed,nascar-feed,"Postponed from March 22, 2026; run on March 23, 2026.",https://cf.nascar.com/cacher/2026/1/5606/weekend-feed.json',
  "2026-07,2026,7,2026-03-29,chicago-street-course,Grant Park 165,Shane van Gisbergen,Daniel Suárez,timed,0.300,,nascar-feed,nascar-feed,,https://cf.nascar.com/cacher/2026/1/5607/weekend-feed.json",
];
/** 2025's two rows, completed from the feed: a timed finish and a caution finish. */
const COMPLETED_2025 = [
  "2025-01,2025,1,2025-02-16,daytona,Daytona 500,William Byron,Tyler Reddick,timed,0.007,,racing-reference,nascar-feed,,",
  "2025-02,2025,2,2025-02-23,atlanta,Ambetter Health 400,Christopher Bell,Kyle Larson,caution,,0.150,racing-reference,nascar-feed,,",
];

describe("data:update in process, against the loopback feed", () => {
  test("adds finished races and completes known ones, row for row, and validates with the start-up loader", async () => {
    feed = await startFeedStandIn({ ...season2025(), ...season2026() });
    const dir = makeFixtureData();
    const result = await runUpdate({ dataDir: dir, seasons: [2025, 2026], feed: client(feed.url), now: NOW });
    expect(result.status).toBe(0);
    expect(result.added).toEqual(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07"]);
    const old = fixtureRaceLines();
    expect(readFileSync(path.join(dir, "races.csv"), "utf8")).toBe(
      `${[RACES_HEADER, ...old.slice(0, 10), ...COMPLETED_2025, ...old.slice(12), ...ADDED_2026].join("\n")}\n`,
    );
    const drivers = JSON.parse(readFileSync(path.join(dir, "drivers.json"), "utf8")).drivers;
    expect(drivers.at(-1)).toEqual({ id: "connor-zilisch", name: "Connor Zilisch", aliases: [] });
    const tracks = JSON.parse(readFileSync(path.join(dir, "tracks.json"), "utf8")).tracks;
    expect(tracks.at(-1)).toEqual({
      id: "chicago-street-course",
      name: "Chicago Street Course",
      aliases: ["Chicago Street Course"],
    });
    const dataset = JSON.parse(readFileSync(path.join(dir, "dataset.json"), "utf8"));
    expect(dataset.asOf).toBe("2026-03-29");
    expect(dataset.seasons).toEqual([
      { season: 2024, races: 10, scheduled: 36, from: "2024-02-18", through: "2024-04-21", margins: "none" },
      { season: 2025, races: 2, scheduled: 2, from: "2025-02-16", through: "2025-02-23", margins: "all" },
      { season: 2026, races: 7, scheduled: 9, from: "2026-02-15", through: "2026-03-29", margins: "all" },
    ]);
    const data = await loadDataset(dir);
    expect(data.races).toHaveLength(19);
    // The report names every race, every new name, the postponement and what was skipped.
    expect(result.lines).toContain(
      "+ 2026-03  2026-03-01  kansas  Kyle Larson over Chris Buescher by 0.038 s",
    );
    expect(result.lines).toContain(
      "~ 2025-02  2025-02-23  atlanta  Christopher Bell over Kyle Larson under caution (0.150 s at the line)",
    );
    expect(result.lines).toContain(
      '! 2026-06  new driver "Connor Zilisch" added to drivers.json as connor-zilisch: check the spelling and add aliases',
    );
    expect(
      result.lines.some((l) =>
        l.startsWith('! 2026-07  new track "Chicago Street Course" added to tracks.json'),
      ),
    ).toBe(true);
    expect(result.lines).toContain(
      "  2026-06  postponed: scheduled 2026-03-22, ran 2026-03-23 (date from the race session's run_date)",
    );
    expect(result.lines).toContain(
      "- 2026-08 (Bristol Motor Speedway, Food City 500): not run or not updated yet (margin_of_victory is empty); skipped",
    );
    expect(result.lines.at(-1)).toBe("5 races added, 2 completed; data as of 2026-03-29");
    // Nothing of the commit is left behind.
    expect(readdirSync(dir).sort()).toEqual([...FILES].sort());
  });

  test("running it twice changes nothing the second time", async () => {
    feed = await startFeedStandIn({ ...season2025(), ...season2026() });
    const dir = makeFixtureData();
    await runUpdate({ dataDir: dir, seasons: [2025, 2026], feed: client(feed.url), now: NOW });
    const first = snapshot(dir);
    const again = await runUpdate({ dataDir: dir, seasons: [2025, 2026], feed: client(feed.url), now: NOW });
    expect(again.status).toBe(0);
    expect(again.changed).toBe(false);
    expect(again.added).toEqual([]);
    expect(again.lines.at(-1)).toBe("up to date (seasons 2025, 2026); data as of 2026-03-29");
    expect(snapshot(dir)).toEqual(first);
  });

  test("a dry run reports what it would add and writes nothing", async () => {
    feed = await startFeedStandIn({ ...season2026() });
    const dir = makeFixtureData();
    const before = snapshot(dir);
    const result = await runUpdate({
      dataDir: dir,
      seasons: [2026],
      dryRun: true,
      feed: client(feed.url),
      now: NOW,
    });
    expect(result.status).toBe(0);
    expect(result.changed).toBe(false);
    expect(result.lines).toContain(
      "+ would add 2026-03  2026-03-01  kansas  Kyle Larson over Chris Buescher by 0.038 s",
    );
    expect(result.lines.at(-1)).toBe(
      "would add 5 races and complete 0; data as of 2026-03-29 (dry run: nothing written)",
    );
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([...FILES].sort());
  });

  /** Runs the update on a fresh fixture copy: it must be refused (exit 2) and leave the data as it was. */
  async function runRefused(routes: ReturnType<typeof season2026>) {
    feed = await startFeedStandIn(routes);
    const dir = makeFixtureData();
    const before = snapshot(dir);
    const result = await runUpdate({ dataDir: dir, seasons: [2026], feed: client(feed.url), now: NOW });
    expect(result.status).toBe(2);
    expect(snapshot(dir)).toEqual(before);
    return { result, dir };
  }

  test("a margin the data cannot take is refused with the race and field, and holds back later rounds (exit 2)", async () => {
    const routes = season2026();
    const list = (routes["/2026/1/race_list_basic.json"] as { json: Record<string, unknown>[] }).json;
    (list.find((r) => r.race_id === 5603) as Record<string, unknown>).margin_of_victory = "0.0381";
    const { result } = await runRefused(routes);
    expect(result.lines).toContain(
      'x 2026-03 (Kansas Speedway, AdventHealth 400): field margin_of_victory: "0.0381" is not a margin, "Caution" or empty',
    );
    expect(result.added).toEqual([]);
  });

  test("a timed-looking margin for a race whose last caution ran to the finish is written as a caution finish", async () => {
    const routes = season2026();
    const r7 = routes["/2026/1/5607/weekend-feed.json"] as {
      json: { weekend_race: Record<string, unknown>[] };
    };
    (r7.json.weekend_race[0] as Record<string, unknown>).caution_segments = [
      { start_lap: 198, end_lap: 200, reason: "Accident" },
    ];
    feed = await startFeedStandIn(routes);
    const dir = makeFixtureData();
    const result = await runUpdate({ dataDir: dir, seasons: [2026], feed: client(feed.url), now: NOW });
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, "races.csv"), "utf8").trimEnd().split("\n").at(-1)).toBe(
      '2026-07,2026,7,2026-03-29,chicago-street-course,Grant Park 165,Shane van Gisbergen,Daniel Suárez,caution,,0.300,nascar-feed,nascar-feed,"The feed gives .300, but its caution from lap 198 ran to the finish: a caution finish.",https://cf.nascar.com/cacher/2026/1/5607/weekend-feed.json',
    );
  });

  test("a feed whose rounds disagree with the data's is refused, and no round is added after it", async () => {
    const routes = season2026();
    const list = (routes["/2026/1/race_list_basic.json"] as { json: Record<string, unknown>[] }).json;
    (list.find((r) => r.race_id === 5602) as Record<string, unknown>).track_name = "Kansas Speedway";
    const { result } = await runRefused(routes);
    expect(result.lines).toContain(
      "x 2026-02 (Kansas Speedway, Autotrader 400): field track: the feed's round 2 is at kansas; the data has atlanta",
    );
    expect(result.added).toEqual([]);
  });

  test("a result the start-up loader refuses leaves data/ untouched (exit 2, the loader's problems listed)", async () => {
    const routes = season2026();
    // The race session's date lies before round 2: the loader refuses rounds out of date order.
    const r3 = routes["/2026/1/5603/weekend-feed.json"] as { json: Record<string, unknown> };
    r3.json.weekend_runs = [{ run_type: 3, run_date: "2026-02-10T12:00:00" }];
    const { result, dir } = await runRefused(routes);
    expect(result.lines).toContain("x the updated data does not pass validation; nothing written:");
    expect(
      result.lines.some((l) => /races\.csv.*date.*2026-02-10 is before the previous round's date/.test(l)),
    ).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([...FILES].sort());
  });

  test("a feed failure writes nothing and names the URL and status (exit 1)", async () => {
    feed = await startFeedStandIn({ ...season2026(), "/2026/1/5605/weekend-feed.json": { status: 500 } });
    const dir = makeFixtureData();
    const before = snapshot(dir);
    const result = await runUpdate({ dataDir: dir, seasons: [2026], feed: client(feed.url), now: NOW });
    expect(result.status).toBe(1);
    expect(result.failure).toBe(
      `feed failure: ${feed.url}/2026/1/5605/weekend-feed.json: HTTP 500, Internal Server Error (after 3 attempts)`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test("a second run waits for the lock, then gives up busy (exit 1); an abandoned lock is broken", async () => {
    feed = await startFeedStandIn({ ...season2026() });
    const dir = makeFixtureData();
    const lock = await acquireLock(dir);
    const busy = await runUpdate({
      dataDir: dir,
      seasons: [2026],
      feed: client(feed.url),
      now: NOW,
      lockWaitMs: 300,
    });
    expect(busy.status).toBe(1);
    expect(busy.busy).toBe(true);
    expect(busy.lines[0]).toMatch(
      new RegExp(`^busy: another update holds the lock \\(pid ${process.pid} on `),
    );
    expect(feed.requests).toHaveLength(0);
    await lock.release();
    // A lock left by a process that no longer exists on this host does not block the next run.
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: "2026-01-01T00:00:00Z" }),
    );
    const after = await runUpdate({
      dataDir: dir,
      seasons: [2026],
      feed: client(feed.url),
      now: NOW,
      lockWaitMs: 300,
    });
    expect(after.status).toBe(0);
    expect(after.added).toHaveLength(5);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});

describe("the commit, stopped at every step as a kill would stop it", () => {
  const STEPS: CommitStep[] = [
    "staged",
    "validated",
    "journal",
    "renamed:drivers.json",
    "renamed:tracks.json",
    "renamed:races.csv",
    "renamed:dataset.json",
    "done",
  ];

  test.each(STEPS)(
    "after %s: the loader never accepts a mix, and recovery leaves exactly old or new",
    async (step) => {
      feed = await startFeedStandIn({ ...season2025(), ...season2026() });
      const dir = makeFixtureData();
      const old = snapshot(dir);
      const folder = await readDataFolder(dir);
      const plan = await planImport(folder, {
        seasons: [2025, 2026],
        feed: client(feed.url),
        today: "2026-04-01",
      });
      const texts = formatDataFolder(plan.folder);
      const changed = Object.fromEntries(
        FILES.filter((f) => texts[f as keyof typeof texts] !== old[f]).map((f) => [
          f,
          texts[f as keyof typeof texts],
        ]),
      );
      expect(Object.keys(changed).sort()).toEqual([...FILES].sort());
      const fresh = { ...old, ...changed };
      const crash = new Error(`killed after ${step}`);
      await expect(
        commitFiles(dir, changed, [], {
          validate: (d) => loadDataset(d),
          onStep: (s) => {
            if (s === step) throw crash;
          },
        }),
      ).rejects.toBe(crash);

      // A reader that knows nothing of the journal gets old data, new data, or a refusal: never a mix.
      const seen = await loadDataset(dir).then(
        (d) => `${d.meta.asOf}/${d.races.length}`,
        (e: unknown) => (e instanceof DataError ? "refused" : `threw ${e}`),
      );
      expect(["2026-02-22/14", "2026-03-29/19", "refused"]).toContain(seen);

      await recoverInterruptedWrite(dir);
      const committed = STEPS.indexOf(step) >= STEPS.indexOf("journal");
      expect(snapshot(dir)).toEqual(committed ? fresh : old);
      expect(readdirSync(dir).sort()).toEqual([...FILES].sort());
      expect(existsSync(path.join(dir, JOURNAL_FILE))).toBe(false);
    },
  );

  test("the next run finishes an interrupted commit before reading", async () => {
    feed = await startFeedStandIn({ ...season2025(), ...season2026() });
    const dir = makeFixtureData();
    const copy = mkdtempSync(path.join(tmpdir(), "photo-finish-expected-"));
    cpSync(dir, copy, { recursive: true });
    await runUpdate({ dataDir: copy, seasons: [2025, 2026], feed: client(feed.url), now: NOW });
    const folder = await readDataFolder(dir);
    const plan = await planImport(folder, {
      seasons: [2025, 2026],
      feed: client(feed.url),
      today: "2026-04-01",
    });
    const texts = formatDataFolder(plan.folder);
    await expect(
      commitFiles(dir, { ...texts }, [], {
        validate: (d) => loadDataset(d),
        onStep: (s) => {
          if (s === "renamed:tracks.json") throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const result = await runUpdate({ dataDir: dir, seasons: [2025, 2026], feed: client(feed.url), now: NOW });
    expect(result.lines[0]).toBe(
      "  finished an interrupted update (drivers.json, tracks.json, races.csv, dataset.json)",
    );
    expect(result.changed).toBe(false);
    expect(snapshot(dir)).toEqual(snapshot(copy));
  });
});
