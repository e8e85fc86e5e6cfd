import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FeedRoute } from "./feed-stand-in.js";

/**
 * A small data folder in the full-history format and a feed season written for the importer's
 * tests, in the shape NASCAR's feed uses (see the README's "Keeping the data current"). Invented
 * races: nothing here is copied from a captured feed.
 */

const DRIVERS = [
  ["kyle-larson", "Kyle Larson", []],
  ["chris-buescher", "Chris Buescher", []],
  ["denny-hamlin", "Denny Hamlin", []],
  ["ryan-blaney", "Ryan Blaney", []],
  ["william-byron", "William Byron", []],
  ["kyle-busch", "Kyle Busch", []],
  ["chase-elliott", "Chase Elliott", []],
  ["joey-logano", "Joey Logano", []],
  ["shane-van-gisbergen", "Shane van Gisbergen", ["Shane Van Gisbergen", "SVG"]],
  ["daniel-suarez", "Daniel Suárez", ["Daniel Suarez"]],
] as const;

const TRACKS = [
  ["daytona", "Daytona International Speedway", ["Daytona"]],
  ["atlanta", "Atlanta Motor Speedway", ["Atlanta", "EchoPark Speedway"]],
  ["kansas", "Kansas Speedway", ["Kansas"]],
  ["talladega", "Talladega Superspeedway", ["Talladega", "Dega"]],
  ["pocono", "Pocono Raceway", ["Pocono"]],
  ["charlotte", "Charlotte Motor Speedway", ["Charlotte"]],
  ["bristol", "Bristol Motor Speedway", ["Bristol"]],
  ["martinsville", "Martinsville Speedway", ["Martinsville"]],
] as const;

export const RACES_HEADER =
  "id,season,round,date,track,race_name,winner,runner_up,finish,margin,line_gap,result_source,margin_source,note,source_url";

/** The rows the fixture folder starts with: 2024 (ten timed finishes), 2025 (finish unknown), 2026 rounds 1–2. */
export function fixtureRaceLines(): string[] {
  const lines: string[] = [];
  const tracks2024 = [
    "daytona",
    "atlanta",
    "kansas",
    "talladega",
    "pocono",
    "charlotte",
    "bristol",
    "martinsville",
    "daytona",
    "atlanta",
  ];
  for (let round = 1; round <= 10; round++) {
    const day = new Date(Date.UTC(2024, 1, 18 + (round - 1) * 7)).toISOString().slice(0, 10);
    const margin = `0.0${String(round * 2).padStart(2, "0")}`;
    lines.push(
      `2024-${String(round).padStart(2, "0")},2024,${round},${day},${tracks2024[round - 1]},Race ${round} 400,Joey Logano,Chase Elliott,timed,${margin},,racing-reference,nascar-feed,,`,
    );
  }
  lines.push(
    "2025-01,2025,1,2025-02-16,daytona,Daytona 500,William Byron,Tyler Reddick,,,,racing-reference,,,",
    "2025-02,2025,2,2025-02-23,atlanta,Ambetter Health 400,Christopher Bell,Kyle Larson,,,,racing-reference,,,",
    "2026-01,2026,1,2026-02-15,daytona,Daytona 500,Kyle Larson,Denny Hamlin,timed,0.045,,racing-reference,nascar-feed,,",
    "2026-02,2026,2,2026-02-22,atlanta,Autotrader 400,Ryan Blaney,Joey Logano,timed,0.120,,racing-reference,nascar-feed,,",
  );
  return lines;
}

/** The fixture's dataset.json. */
export function fixtureDataset(): Record<string, unknown> {
  return {
    title: "Fixture: NASCAR Cup Series points races",
    asOf: "2026-02-22",
    article: { name: "Fixture article", file: "data/source/article.txt", asOf: "2024-05-05" },
    sources: [
      {
        id: "racing-reference",
        name: "Racing-Reference results",
        detail: "Race results as Racing-Reference publishes them",
        url: "https://www.racing-reference.info/",
      },
      {
        id: "nascar-feed",
        name: "NASCAR's results feed",
        detail: "NASCAR's public results feed",
        url: "https://cf.nascar.com/cacher/",
      },
    ],
    seasons: [
      { season: 2024, races: 10, scheduled: 36, from: "2024-02-18", through: "2024-04-21", margins: "none" },
      { season: 2025, races: 2, scheduled: 2, from: "2025-02-16", through: "2025-02-23", margins: "none" },
      { season: 2026, races: 2, scheduled: 9, from: "2026-02-15", through: "2026-02-22", margins: "none" },
    ],
    eras: [
      {
        id: "nextgen",
        name: "Next Gen era",
        short: "Next Gen",
        from: "2022-02-20",
        aliases: ["next-gen"],
        description: "The seventh-generation Cup car.",
      },
      {
        id: "all",
        name: "Electronic-scoring era",
        short: "since 1993",
        from: "1993-01-01",
        aliases: ["all-time"],
        description: "Since electronic scoring began in 1993.",
      },
    ],
  };
}

/** Writes the fixture data folder into a new temp dir and returns its path. */
export function makeFixtureData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "photo-finish-feed-data-"));
  const extraDrivers = [
    ["tyler-reddick", "Tyler Reddick", []],
    ["christopher-bell", "Christopher Bell", []],
  ] as const;
  writeFileSync(
    path.join(dir, "drivers.json"),
    `${JSON.stringify({ drivers: [...DRIVERS, ...extraDrivers].map(([id, name, aliases]) => ({ id, name, aliases: [...aliases] })) }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, "tracks.json"),
    `${JSON.stringify({ tracks: TRACKS.map(([id, name, aliases]) => ({ id, name, aliases: [...aliases] })) }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, "races.csv"), `${[RACES_HEADER, ...fixtureRaceLines()].join("\n")}\n`);
  writeFileSync(path.join(dir, "dataset.json"), `${JSON.stringify(fixtureDataset(), null, 2)}\n`);
  return dir;
}

/** One car in a weekend feed's results. */
function car(name: string, position: number, diffMs: number, extra: Record<string, unknown> = {}) {
  return {
    driver_id: 1000 + name.length * 7 + position,
    driver_fullname: name,
    finishing_position: position,
    diff_time: diffMs,
    diff_laps: 0,
    disqualified: false,
    finishing_status: "Running",
    ...extra,
  };
}

/** A race list entry. */
function listed(
  id: number,
  type: number,
  name: string,
  track: string,
  day: string,
  margin?: string,
  extra: Record<string, unknown> = {},
) {
  return {
    race_id: id,
    race_season: 2026,
    race_type_id: type,
    race_name: name,
    track_name: track,
    race_date: `${day}T15:00:00`,
    date_scheduled: `${day}T15:00:00`,
    winner_driver_id: margin ? 1 : null,
    ...(margin === undefined ? {} : { margin_of_victory: margin }),
    number_of_cautions: 6,
    actual_laps: 200,
    scheduled_laps: 200,
    ...extra,
  };
}

function weekend(entry: Record<string, unknown>, results: unknown[], extra: Record<string, unknown> = {}) {
  return {
    weekend_race: [
      { ...entry, results, caution_segments: [{ start_lap: 40, end_lap: 45, reason: "Debris" }], ...extra },
    ],
  };
}

/** The 2026 race list: an exhibition, the two rounds the data has, five races to import, two not run. */
export function season2026(): Record<string, FeedRoute> {
  const r3 = listed(5603, 1, "AdventHealth 400", "Kansas Speedway", "2026-03-01", ".038");
  const r4 = listed(5604, 1, "GEICO 500", "Talladega Superspeedway", "2026-03-08", "Under Caution");
  const r5 = listed(5605, 1, "The Great American Getaway 400", "Pocono Raceway", "2026-03-15", ".927");
  const r6 = listed(5606, 1, "Coca-Cola 600", "Charlotte Motor Speedway", "2026-03-22", "11.685");
  const r7 = listed(5607, 1, "Grant Park 165", "Chicago Street Course", "2026-03-29", "0.3");
  const list = [
    listed(5600, 2, "Cook Out Clash", "Bowman Gray Stadium", "2026-02-01", "1.5"),
    listed(5601, 1, "Daytona 500", "Daytona International Speedway", "2026-02-15", "0.045"),
    listed(5602, 1, "Autotrader 400", "Atlanta Motor Speedway", "2026-02-22", ".12"),
    r3,
    r5,
    r4,
    r6,
    r7,
    listed(5608, 1, "Food City 500", "Bristol Motor Speedway", "2026-04-05", ""),
    listed(5609, 1, "Cook Out 400", "Martinsville Speedway", "2026-04-12", ""),
  ];
  return {
    "/2026/1/race_list_basic.json": { json: list },
    // Results unsorted, with a car that did not start (position 0).
    "/2026/1/5603/weekend-feed.json": {
      json: weekend(r3, [
        car("Joey Logano", 3, 412),
        car("Chase Elliott", 0, 0, { finishing_status: "DNS" }),
        car("Chris Buescher", 2, 38),
        car("Kyle Larson", 1, 0),
      ]),
    },
    "/2026/1/5604/weekend-feed.json": {
      json: weekend(r4, [car("Ryan Blaney", 1, 0), car("William Byron", 2, 210), car("Kyle Busch", 3, 260)], {
        caution_segments: [{ start_lap: 187, end_lap: 188, reason: "Accident" }],
      }),
    },
    // Denny Hamlin crossed the line first and was disqualified after the race: credited last.
    "/2026/1/5605/weekend-feed.json": {
      json: weekend(r5, [
        car("William Byron", 2, 1245),
        car("Denny Hamlin", 38, 0, { disqualified: true, finishing_status: "Disqualified" }),
        car("Ryan Blaney", 1, 927),
        car("Kyle Larson", 3, 2002),
      ]),
    },
    // Rained out on Sunday, run on Monday: the race list keeps the scheduled day.
    "/2026/1/5606/weekend-feed.json": {
      json: {
        ...weekend(r6, [
          car("Kyle Busch", 1, 0),
          car("Connor Zilisch", 2, 11685),
          car("Kyle Larson", 3, 12001),
        ]),
        weekend_runs: [
          { run_type: 1, run_date: "2026-03-20T17:00:00" },
          { run_type: 3, run_date: "2026-03-23T12:00:00" },
        ],
      },
    },
    "/2026/1/5607/weekend-feed.json": {
      json: weekend(r7, [
        car("Shane Van Gisbergen", 1, 0),
        car("Daniel Suarez", 2, 300),
        car("Kyle Busch", 3, 900),
      ]),
    },
  };
}

/** 2025: both races in the data without a finish; the feed fills them (a timed finish and a caution finish). */
export function season2025(): Record<string, FeedRoute> {
  const r1 = {
    ...listed(5501, 1, "Daytona 500", "Daytona International Speedway", "2025-02-16", "0.007"),
    race_season: 2025,
  };
  const r2 = {
    ...listed(5502, 1, "Ambetter Health 400", "Atlanta Motor Speedway", "2025-02-23", "Caution"),
    race_season: 2025,
  };
  return {
    "/2025/1/race_list_basic.json": { json: [r1, r2] },
    "/2025/1/5501/weekend-feed.json": {
      json: weekend(r1, [car("William Byron", 1, 0), car("Tyler Reddick", 2, 7), car("Kyle Larson", 3, 90)]),
    },
    "/2025/1/5502/weekend-feed.json": {
      json: weekend(r2, [
        car("Christopher Bell", 1, 0),
        car("Kyle Larson", 2, 150, {}),
        car("Joey Logano", 3, 400),
      ]),
    },
  };
}
