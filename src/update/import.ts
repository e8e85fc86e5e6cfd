import { compareStrings } from "../core/compare.js";
import { formatDate, formatMargin } from "../core/format.js";
import type { DataFolder, NamedEntry, RaceLine, RaceRecord, SeasonEntry } from "./dataset-files.js";
import { DEFAULT_FEED_URL, type FeedClient } from "./feed-client.js";
import {
  type FeedRace,
  type FeedResult,
  feedRaceSchema,
  raceListSchema,
  type WeekendRace,
  weekendFeedSchema,
} from "./feed-schema.js";
import { formatSeconds, type MarginReading, parseMargin } from "./margin.js";
import { NameBook, shortTrackName } from "./names.js";

/** The source id rows from the feed name, and how dataset.json describes it. */
export const FEED_SOURCE = {
  id: "nascar-feed",
  name: "NASCAR's results feed",
  url: `${DEFAULT_FEED_URL}/`,
  detail:
    "NASCAR's public results feed (race_list_basic.json margin_of_victory and weekend-feed.json results), read by photo-finish data:update",
} as const;

/** One line of the update report. */
export interface ReportLine {
  /**
   * added: a new row; changed: a row's finish filled in; skipped: a race left for later; added-name:
   * a driver or track new to the data; refused: the feed said something the data cannot take
   * (exit 2); note: anything else worth reading.
   */
  readonly kind: "added" | "changed" | "skipped" | "added-name" | "refused" | "note";
  readonly text: string;
}

/** What an import would do to a data folder. */
export interface ImportPlan {
  /** The folder with every change applied (the input is not modified). */
  readonly folder: DataFolder;
  readonly lines: readonly ReportLine[];
  /** Rows added, in season and round order. */
  readonly added: readonly RaceRecord[];
  /** Rows whose finish was filled in. */
  readonly changed: readonly RaceRecord[];
  /** How many races or fields were refused (any makes the exit status 2). */
  readonly refused: number;
}

/** What planImport needs besides the folder. */
export interface ImportOptions {
  readonly seasons: readonly number[];
  readonly feed: FeedClient;
  /** Today, YYYY-MM-DD: a race without a margin key counts as run only once its day has passed. */
  readonly today: string;
}

/** A reason the feed's answer for one race cannot go into the data, with the field it is about. */
class Refusal extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a weekend feed says about a race's finish, in the data's terms. */
interface Finish {
  readonly date: string;
  readonly raceName: string;
  readonly trackName: string;
  readonly winner: string;
  readonly runnerUp: string;
  readonly finish: "timed" | "caution" | "";
  readonly marginMs: number | undefined;
  readonly lineGapMs: number | undefined;
  readonly notes: readonly string[];
  /** Report-only remarks (which date was used, feed figures that disagree). */
  readonly remarks: readonly string[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const dayOf = (text: string | undefined) =>
  text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;

/**
 * Reads the feed for each season asked and works out the rows to add (points races that have
 * finished and are not in the data yet) and the rows to complete (in the data without a finish,
 * e.g. all of 2025). Rows are added in round order only: a race not run yet, or refused, holds back
 * the later rounds of its season, so rounds stay contiguous. Throws FeedError when the feed cannot
 * be read; everything the feed says that the data cannot accept is a `refused` line instead.
 */
export async function planImport(current: DataFolder, options: ImportOptions): Promise<ImportPlan> {
  const folder = cloneFolder(current);
  const drivers = new NameBook(folder.drivers.drivers);
  const tracks = new NameBook(folder.tracks.tracks);
  const lines: ReportLine[] = [];
  const added: RaceRecord[] = [];
  const changed: RaceRecord[] = [];
  let refused = 0;
  const refuse = (text: string) => {
    refused++;
    lines.push({ kind: "refused", text });
  };
  const scheduledBySeason = new Map<number, number>();

  for (const season of [...options.seasons].sort((a, b) => a - b)) {
    const listUrl = options.feed.raceListUrl(season);
    const parsedList = raceListSchema.safeParse(await options.feed.getJson(listUrl));
    if (!parsedList.success) {
      refuse(`${season}: ${listUrl} is not a list of races`);
      continue;
    }
    const races: FeedRace[] = [];
    for (const [index, item] of parsedList.data.entries()) {
      const race = feedRaceSchema.safeParse(item);
      if (race.success) races.push(race.data);
      else {
        const issue = race.error.issues[0];
        refuse(
          `${season}: race list entry ${index}, field ${issue?.path.join(".") || "(entry)"}: ${issue?.message}`,
        );
      }
    }
    const points = races
      .filter((r) => r.race_type_id === 1)
      .sort(
        (a, b) =>
          compareStrings(
            dayOf(a.date_scheduled ?? a.race_date) ?? "",
            dayOf(b.date_scheduled ?? b.race_date) ?? "",
          ) || a.race_id - b.race_id,
      );
    if (points.length > 0) scheduledBySeason.set(season, points.length);
    const byRound = new Map<number, RaceLine>();
    for (const line of folder.races)
      if (Number(line.record.season) === season) byRound.set(Number(line.record.round), line);

    // Rounds are numbered by the feed's schedule; rows the data has must agree, or numbering is off.
    let roundsDisagree = false;
    let heldBack: number | undefined;
    for (const [index, race] of points.entries()) {
      const round = index + 1;
      const id = `${season}-${pad2(round)}`;
      const where = `${id} (${race.track_name}, ${race.race_name})`;
      const reading: MarginReading =
        "margin_of_victory" in race ? parseMargin(race.margin_of_victory) : { kind: "absent" };
      const existing = byRound.get(round);
      if (existing) {
        const known = tracks.find(race.track_name);
        if (known.length === 1 && known[0]?.id !== existing.record.track) {
          roundsDisagree = true;
          refuse(
            `${where}: field track: the feed's round ${round} is at ${known[0]?.id}; the data has ${existing.record.track}`,
          );
          continue;
        }
        if (existing.record.finish !== "") continue;
        if (reading.kind === "invalid") {
          refuse(`${where}: field margin_of_victory: "${reading.raw}" is not a margin, "Caution" or empty`);
          continue;
        }
        if (reading.kind !== "timed" && reading.kind !== "caution") continue;
        try {
          const finish = await readFinish(options.feed, season, race, reading);
          for (const [field, name] of [
            ["winner", finish.winner],
            ["runner_up", finish.runnerUp],
          ] as const) {
            const match = drivers.find(name);
            if (match[0]?.name !== existing.record[field])
              throw new Refusal(field, `the feed has ${name}; the data has ${existing.record[field]}`);
          }
          const record: RaceRecord = {
            ...existing.record,
            finish: finish.finish,
            margin: finish.marginMs === undefined ? "" : formatSeconds(finish.marginMs),
            line_gap: finish.lineGapMs === undefined ? "" : formatSeconds(finish.lineGapMs),
            margin_source: FEED_SOURCE.id,
            note: [existing.record.note, ...finish.notes].filter((n) => n.trim() !== "").join(" "),
          };
          replaceLine(folder, existing, record);
          changed.push(record);
          lines.push({ kind: "changed", text: `${id}  ${describeRow(record)}` });
          for (const remark of finish.remarks) lines.push({ kind: "note", text: `${id}  ${remark}` });
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          refuse(`${where}: field ${error.field}: ${error.message}`);
        }
        continue;
      }

      if (roundsDisagree) {
        if (round === byRound.size + 1)
          lines.push({ kind: "skipped", text: `${season}: no rounds added while the rounds above disagree` });
        continue;
      }
      if (heldBack !== undefined) {
        if (reading.kind === "timed" || reading.kind === "caution")
          lines.push({
            kind: "skipped",
            text: `${where}: has a result, but waits for round ${heldBack} (rounds are added in order)`,
          });
        continue;
      }
      const run =
        reading.kind === "timed" ||
        reading.kind === "caution" ||
        (reading.kind === "absent" &&
          ((race.winner_driver_id ?? 0) > 0 || (dayOf(race.race_date) ?? "9999") < options.today));
      if (reading.kind === "invalid") {
        refuse(`${where}: field margin_of_victory: "${reading.raw}" is not a margin, "Caution" or empty`);
        heldBack = round;
        continue;
      }
      if (!run) {
        const why = reading.kind === "pending" ? "margin_of_victory is empty" : "no result yet";
        lines.push({ kind: "skipped", text: `${where}: not run or not updated yet (${why}); skipped` });
        heldBack = round;
        continue;
      }
      try {
        const finish = await readFinish(options.feed, season, race, reading);
        const track = resolveName(tracks, finish.trackName, "track", () => [
          shortTrackName(finish.trackName),
          finish.trackName,
        ]);
        const winner = resolveName(drivers, finish.winner, "winner", () => []);
        const runnerUp = resolveName(drivers, finish.runnerUp, "runner_up", () => []);
        const record: RaceRecord = {
          id,
          season: String(season),
          round: String(round),
          date: finish.date,
          track: track.entry.id,
          race_name: finish.raceName,
          winner: winner.entry.name,
          runner_up: runnerUp.entry.name,
          finish: finish.finish,
          margin: finish.marginMs === undefined ? "" : formatSeconds(finish.marginMs),
          line_gap: finish.lineGapMs === undefined ? "" : formatSeconds(finish.lineGapMs),
          result_source: FEED_SOURCE.id,
          margin_source: finish.finish !== "" || finish.lineGapMs !== undefined ? FEED_SOURCE.id : "",
          note: finish.notes.join(" "),
          source_url: `${DEFAULT_FEED_URL}/${season}/1/${race.race_id}/weekend-feed.json`,
        };
        for (const made of [track, winner, runnerUp])
          if (made.added) {
            const file = made === track ? "tracks.json" : "drivers.json";
            lines.push({
              kind: "added-name",
              text: `${id}  new ${made === track ? "track" : "driver"} "${made.entry.name}" added to ${file} as ${made.entry.id}${made.entry.aliases.length > 0 ? ` (aliases: ${made.entry.aliases.join(", ")})` : ""}: check the spelling and add aliases`,
            });
          }
        folder.races.push({ record, raw: undefined });
        added.push(record);
        lines.push({ kind: "added", text: `${id}  ${describeRow(record)}` });
        for (const remark of finish.remarks) lines.push({ kind: "note", text: `${id}  ${remark}` });
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refuse(`${where}: field ${error.field}: ${error.message}`);
        heldBack = round;
      }
    }
  }

  updateDatasetJson(folder, scheduledBySeason, added.length + changed.length > 0, lines);
  return { folder, lines, added, changed, refused };
}

/**
 * Finds a feed name among the data's entries, or adds it (a driver or track new to the data): the
 * report names every addition. Several matches mean the data's aliases overlap: refused.
 */
function resolveName(
  book: NameBook,
  name: string,
  field: string,
  aliases: () => string[],
): { entry: NamedEntry; added: boolean } {
  const found = book.find(name);
  if (found.length > 1)
    throw new Refusal(
      field,
      `"${name}" matches ${found.map((e) => e.id).join(" and ")} in the data (overlapping aliases)`,
    );
  if (found[0]) return { entry: found[0], added: false };
  const wanted = aliases().filter((a, i, all) => all.indexOf(a) === i);
  return { entry: book.add(name, wanted), added: true };
}

/** Reads a race's weekend feed and works out its official finish. */
async function readFinish(
  feed: FeedClient,
  season: number,
  race: FeedRace,
  reading: MarginReading,
): Promise<Finish> {
  const url = feed.weekendFeedUrl(season, race.race_id);
  const parsed = weekendFeedSchema.safeParse(await feed.getJson(url));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal(`weekend feed ${issue?.path.join(".") || "(file)"}`, `${issue?.message} (${url})`);
  }
  const weekend = parsed.data;
  const wr: WeekendRace =
    weekend.weekend_race.find((r) => r.race_id === race.race_id) ?? (weekend.weekend_race[0] as WeekendRace);
  const notes: string[] = [];
  const remarks: string[] = [];

  // Official order: classified cars (position > 0) minus any disqualified after the race.
  const starters = wr.results
    .filter((r) => r.finishing_position > 0)
    .sort((a, b) => a.finishing_position - b.finishing_position);
  const official = starters.filter((r) => r.disqualified !== true);
  const [winner, runnerUp] = official;
  if (!winner || !runnerUp) throw new Refusal("results", "fewer than two classified finishers");
  const gap = (r: FeedResult) =>
    r.diff_time === null || r.diff_time === undefined ? undefined : Math.abs(r.diff_time);
  const sameLap = (r: FeedResult) => (r.diff_laps ?? 0) === 0;
  const w = gap(winner);
  const r = gap(runnerUp);
  const pairGapMs =
    w !== undefined && r !== undefined && sameLap(runnerUp) && Math.round(r - w) > 0
      ? Math.round(r - w)
      : undefined;
  const dqAhead = starters.filter(
    (car) =>
      car.disqualified === true &&
      (car.finishing_position < runnerUp.finishing_position ||
        (sameLap(car) && gap(car) !== undefined && r !== undefined && (gap(car) as number) < r)),
  );

  let finish: Finish["finish"];
  let marginMs: number | undefined;
  let lineGapMs: number | undefined;
  if (reading.kind === "caution") {
    finish = "caution";
    lineGapMs = pairGapMs;
  } else if (reading.kind === "timed") {
    finish = "timed";
    marginMs = reading.ms;
    if (dqAhead.length > 0) {
      if (pairGapMs === undefined)
        throw new Refusal(
          "results.diff_time",
          `${dqAhead.map((c) => c.driver_fullname).join(" and ")} disqualified ahead of the official runner-up, and the feed has no gap between the official winner and runner-up`,
        );
      marginMs = pairGapMs;
      notes.push(
        `${dqAhead.map((c) => c.driver_fullname).join(" and ")} crossed the line ahead of ${runnerUp.driver_fullname} but ${dqAhead.length === 1 ? "was" : "were"} disqualified; official order used. The feed's margin of victory (${formatMargin(reading.ms)}) is to the line.`,
      );
    } else if (pairGapMs !== undefined && Math.abs(pairGapMs - reading.ms) > 10) {
      remarks.push(
        `the feed's margin_of_victory is ${formatMargin(reading.ms)} s but its results put the runner-up ${formatMargin(pairGapMs)} s back; the margin is written as given (check it)`,
      );
    }
    const laps = wr.actual_laps ?? race.actual_laps;
    const last = (wr.caution_segments ?? []).find(
      (s) => laps && (s.start_lap ?? Number.POSITIVE_INFINITY) <= laps && (s.end_lap ?? 0) >= laps,
    );
    if (last) {
      // A timed-looking figure for a race that ended under yellow is a gap at the line, not a margin.
      finish = "caution";
      lineGapMs = marginMs;
      marginMs = undefined;
      notes.push(
        `The feed gives ${formatMargin(reading.ms)}, but its caution from lap ${last.start_lap} ran to the finish: a caution finish.`,
      );
    }
  } else {
    finish = "";
    lineGapMs = pairGapMs;
  }

  // A postponed race keeps the day it ran: the race session's run date, then the weekend feed's
  // race_date (updated with the results), then the race list's. The report says which was used.
  const runDay = dayOf(
    weekend.weekend_runs?.find((run) => run.run_type === 3 && dayOf(run.run_date))?.run_date,
  );
  const candidates: [string | undefined, string][] = [
    [runDay, "the race session's run_date"],
    [dayOf(wr.race_date), "the weekend feed's race_date"],
    [dayOf(race.race_date), "the race list's race_date"],
  ];
  const chosen = candidates.find(([day]) => day !== undefined);
  if (!chosen?.[0] || Number.isNaN(Date.parse(chosen[0])))
    throw new Refusal("race_date", "no usable race date");
  const date = chosen[0];
  const scheduled = dayOf(race.date_scheduled ?? wr.date_scheduled);
  if (scheduled && scheduled !== date) {
    notes.push(`Postponed from ${formatDate(scheduled)}; run on ${formatDate(date)}.`);
    remarks.push(`postponed: scheduled ${scheduled}, ran ${date} (date from ${chosen[1]})`);
  }
  return {
    date,
    raceName: (wr.race_name ?? race.race_name).trim(),
    trackName: (wr.track_name ?? race.track_name).trim(),
    winner: winner.driver_fullname,
    runnerUp: runnerUp.driver_fullname,
    finish,
    marginMs,
    lineGapMs,
    notes,
    remarks,
  };
}

/** "2024-05-05  kansas  Kyle Larson over Chris Buescher by .001 s" and the like, for the report. */
function describeRow(record: RaceRecord): string {
  const how =
    record.finish === "timed"
      ? `by ${record.margin} s`
      : record.finish === "caution"
        ? `under caution${record.line_gap ? ` (${record.line_gap} s at the line)` : ""}`
        : `finish not known${record.line_gap ? ` (${record.line_gap} s at the line)` : ""}`;
  return `${record.date}  ${record.track}  ${record.winner} over ${record.runner_up} ${how}`;
}

function replaceLine(folder: DataFolder, line: RaceLine, record: RaceRecord): void {
  const at = folder.races.indexOf(line);
  folder.races[at] = { record, raw: undefined };
}

function cloneFolder(folder: DataFolder): DataFolder {
  return {
    ...structuredClone({
      races: folder.races,
      drivers: folder.drivers,
      tracks: folder.tracks,
      dataset: folder.dataset,
    }),
    texts: folder.texts,
  };
}

/**
 * Brings dataset.json in line with races.csv for every season the feed was read for: race counts,
 * first and last race days, the scheduled count, margins "all" once every finish is known, asOf,
 * and the feed as a source. Seasons without changes are left alone, so an up-to-date run writes
 * nothing.
 */
function updateDatasetJson(
  folder: DataFolder,
  scheduledBySeason: ReadonlyMap<number, number>,
  rowsChanged: boolean,
  lines: ReportLine[],
): void {
  const dataset = folder.dataset;
  const touched = new Set<number>();
  for (const [season, scheduled] of scheduledBySeason) {
    const entry = dataset.seasons.find((s) => s.season === season);
    const held = folder.races.filter((l) => Number(l.record.season) === season).length;
    if (
      (entry && entry.races !== held) ||
      (entry?.scheduled !== undefined && entry.scheduled !== scheduled && scheduled >= held)
    )
      touched.add(season);
    if (!entry && held > 0) touched.add(season);
  }
  if (rowsChanged)
    for (const line of folder.races) if (line.raw === undefined) touched.add(Number(line.record.season));
  for (const season of touched) {
    const rows = folder.races.filter((l) => Number(l.record.season) === season).map((l) => l.record);
    if (rows.length === 0) continue;
    const dates = rows.map((r) => r.date).sort();
    const complete = rows.every((r) => r.finish !== "" && (r.finish !== "timed" || r.margin !== ""));
    let entry = dataset.seasons.find((s) => s.season === season);
    if (!entry) {
      entry = { season, races: 0, from: "", through: "" } as SeasonEntry;
      dataset.seasons.push(entry);
      dataset.seasons.sort((a, b) => a.season - b.season);
      lines.push({ kind: "note", text: `${season}: new season in dataset.json` });
    }
    entry.races = rows.length;
    const scheduled = scheduledBySeason.get(season);
    if (scheduled !== undefined && scheduled >= rows.length) entry.scheduled = scheduled;
    entry.from = dates[0] as string;
    entry.through = dates.at(-1) as string;
    if (complete) entry.margins = "all";
    else entry.margins ??= "none";
    if ("partial" in entry) entry.partial = rows.length < (entry.scheduled ?? rows.length);
    // Keep the documented key order for entries this importer created.
    Object.assign(entry, reorder(entry));
  }
  if (touched.size > 0) {
    const last = folder.races
      .map((l) => l.record.date)
      .sort()
      .at(-1);
    if (last && last > dataset.asOf) dataset.asOf = last;
    dataset.sources ??= [];
    const sources = dataset.sources;
    if (!sources.some((s) => s.id === FEED_SOURCE.id)) {
      sources.push({ ...FEED_SOURCE });
      lines.push({ kind: "note", text: `dataset.json: source "${FEED_SOURCE.id}" added` });
    }
  }
}

function reorder(entry: SeasonEntry): SeasonEntry {
  const { season, races, scheduled, from, through, margins, ...rest } = entry;
  for (const key of Object.keys(entry)) delete (entry as Record<string, unknown>)[key];
  return {
    season,
    races,
    ...(scheduled === undefined ? {} : { scheduled }),
    from,
    through,
    ...(margins === undefined ? {} : { margins }),
    ...rest,
  };
}
