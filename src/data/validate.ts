import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { z } from "zod";
import type { DatasetParts } from "./dataset.js";
import { labelRaces } from "./labels.js";
import { DataError, type DataProblem } from "./problems.js";
import {
  datasetFileSchema,
  driversFileSchema,
  RACE_COLUMNS,
  type RaceRow,
  raceRowSchema,
  tracksFileSchema,
} from "./schema.js";
import type { Driver, Race, SeasonInfo, Track } from "./types.js";

/** The four data files' text, by name (or the error reading one). */
export type DataFiles = Readonly<Record<DataFileName, string | Error>>;

/** The files a data folder holds. */
export type DataFileName = "dataset.json" | "drivers.json" | "tracks.json" | "races.csv";

function zodProblems(file: string, error: z.ZodError, row?: number): DataProblem[] {
  return error.issues.map((issue) => ({
    file,
    ...(row === undefined ? {} : { row }),
    field: issue.path.join(".") || "(file)",
    message: issue.message,
  }));
}

function parseJson(dir: string, name: string, text: string | Error, problems: DataProblem[]): unknown {
  const file = path.join(dir, name);
  try {
    if (text instanceof Error) throw text;
    return JSON.parse(text);
  } catch (error) {
    problems.push({ file: relative(file), field: "(file)", message: (error as Error).message });
    return undefined;
  }
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

function parseRaceRecords(
  text: string | Error,
  file: string,
  problems: DataProblem[],
): { record: Record<string, string>; line: number }[] {
  try {
    if (text instanceof Error) throw text;
    const parsed = parseCsv(text, {
      columns: (header: string[]) => {
        const expected = RACE_COLUMNS.join(",");
        if (header.join(",") !== expected) throw new Error(`header must be exactly: ${expected}`);
        return header;
      },
      skip_empty_lines: true,
      info: true,
      trim: false,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    problems.push({ file, field: "(file)", message: (error as Error).message });
    return [];
  }
}

/**
 * Validates the text of every data file, then cross-checks them: unknown driver, track or source;
 * (season, round) unique and contiguous; dates inside their season and in round order; each season's
 * race count equal to what dataset.json declares (so a truncated file is refused); every race in an
 * era. Throws DataError listing all problems.
 */
export function validateDataFiles(dir: string, files: DataFiles): DatasetParts {
  const problems: DataProblem[] = [];
  const metaJson = parseJson(dir, "dataset.json", files["dataset.json"], problems);
  const driversJson = parseJson(dir, "drivers.json", files["drivers.json"], problems);
  const tracksJson = parseJson(dir, "tracks.json", files["tracks.json"], problems);
  const racesName = relative(path.join(dir, "races.csv"));
  const metaName = relative(path.join(dir, "dataset.json"));
  const records = parseRaceRecords(files["races.csv"], racesName, problems);

  const meta = datasetFileSchema.safeParse(metaJson);
  if (!meta.success && metaJson !== undefined) problems.push(...zodProblems(metaName, meta.error));
  const drivers = driversFileSchema.safeParse(driversJson);
  if (!drivers.success && driversJson !== undefined)
    problems.push(...zodProblems(relative(path.join(dir, "drivers.json")), drivers.error));
  const tracks = tracksFileSchema.safeParse(tracksJson);
  if (!tracks.success && tracksJson !== undefined)
    problems.push(...zodProblems(relative(path.join(dir, "tracks.json")), tracks.error));

  const driverList: Driver[] = drivers.success ? drivers.data.drivers : [];
  const trackList: Track[] = tracks.success ? tracks.data.tracks : [];
  checkUnique(driverList, relative(path.join(dir, "drivers.json")), "drivers", problems);
  checkUnique(trackList, relative(path.join(dir, "tracks.json")), "tracks", problems);
  const trackMap = new Map(trackList.map((t) => [t.id, t]));
  for (const [i, t] of trackList.entries())
    if (t.venue !== undefined && !trackMap.has(t.venue))
      problems.push({
        file: relative(path.join(dir, "tracks.json")),
        field: `tracks.${i}.venue`,
        message: `unknown track "${t.venue}"`,
      });

  const rows: { row: RaceRow; line: number }[] = [];
  for (const { record, line } of records) {
    const parsed = raceRowSchema.safeParse(record);
    if (parsed.success) rows.push({ row: parsed.data, line });
    else problems.push(...zodProblems(racesName, parsed.error, line));
  }
  if (records.length === 0 && !problems.some((p) => p.file === racesName))
    problems.push({ file: racesName, field: "(file)", message: "holds no races" });

  const seasonInfos = meta.success
    ? crossCheck(rows, meta.data, driverList, trackMap, racesName, metaName, problems)
    : [];
  if (problems.length > 0 || !meta.success) throw new DataError(problems);

  const driverByName = new Map(driverList.map((d) => [d.name, d]));
  const labels = labelRaces(
    rows.map(({ row }) => ({ season: row.season, trackId: row.track, raceName: row.race_name })),
    trackMap,
  );
  const races: Race[] = rows.map(({ row }, i) => ({
    id: row.id,
    season: row.season,
    round: row.round,
    date: row.date,
    trackId: row.track,
    raceName: row.race_name,
    label: labels[i] as string,
    winnerId: (driverByName.get(row.winner) as Driver).id,
    runnerUpId: (driverByName.get(row.runner_up) as Driver).id,
    finish: row.finish,
    marginMs: row.margin,
    lineGapMs: row.line_gap,
    resultSource: row.result_source,
    marginSource: row.margin_source,
    note: row.note,
    sourceUrl: row.source_url,
  }));
  const m = meta.data;
  return {
    meta: { title: m.title, asOf: m.asOf, article: m.article },
    races,
    drivers: driverList,
    tracks: trackList,
    eras: m.eras,
    sources: m.sources,
    seasons: seasonInfos,
  };
}

function crossCheck(
  rows: readonly { row: RaceRow; line: number }[],
  meta: z.output<typeof datasetFileSchema>,
  driverList: readonly Driver[],
  tracks: ReadonlyMap<string, Track>,
  racesName: string,
  metaName: string,
  problems: DataProblem[],
): SeasonInfo[] {
  const driverNames = new Set(driverList.map((d) => d.name));
  const sourceIds = new Set(meta.sources.map((s) => s.id));
  const declared = new Map(meta.seasons.map((s) => [s.season, s]));
  const firstEra = meta.eras.map((e) => e.from).sort()[0] as string;
  const held = new Map<number, RaceRow[]>();
  const ids = new Map<string, number>();
  let previous: RaceRow | undefined;
  for (const { row, line } of rows) {
    const at = (field: string, message: string) =>
      problems.push({ file: racesName, row: line, field, message });
    const twin = ids.get(row.id);
    if (twin !== undefined) at("id", `duplicate race id "${row.id}" (also on row ${twin})`);
    ids.set(row.id, line);
    for (const field of ["winner", "runner_up"] as const)
      if (!driverNames.has(row[field]))
        at(field, `unknown driver "${row[field]}" (add it to drivers.json or fix the spelling)`);
    if (row.winner === row.runner_up) at("runner_up", "is the same driver as the winner");
    if (!tracks.has(row.track)) at("track", `unknown track "${row.track}" (add it to tracks.json)`);
    if (!sourceIds.has(row.result_source))
      at("result_source", `unknown source "${row.result_source}" (dataset.json sources)`);
    if (row.margin_source !== undefined && !sourceIds.has(row.margin_source))
      at("margin_source", `unknown source "${row.margin_source}" (dataset.json sources)`);
    if (Number(row.date.slice(0, 4)) !== row.season)
      at("date", `${row.date} is outside season ${row.season}`);
    if (row.date > meta.asOf) at("date", `${row.date} is after the dataset's asOf date (${meta.asOf})`);
    if (row.date < firstEra) at("date", `${row.date} is before every era (${firstEra})`);
    const season = declared.get(row.season);
    if (!season) at("season", `season ${row.season} is not declared in dataset.json seasons`);
    else if (row.date < season.from || row.date > season.through)
      at("date", `${row.date} is outside season ${row.season} (${season.from} to ${season.through})`);
    const expectedRound = previous?.season === row.season ? previous.round + 1 : 1;
    if (row.round !== expectedRound)
      at("round", `is ${row.round}, expected ${expectedRound} (rows in season and round order, no gaps)`);
    else if (previous?.season === row.season && row.date < previous.date)
      at("date", `${row.date} is before the previous round's date (${previous.date})`);
    if (previous && row.season < previous.season)
      at("season", `seasons must be in order (${row.season} after ${previous.season})`);
    const list = held.get(row.season) ?? [];
    list.push(row);
    held.set(row.season, list);
    previous = row;
  }
  const infos: SeasonInfo[] = [];
  for (const [i, s] of meta.seasons.entries()) {
    const at = (field: string, message: string) =>
      problems.push({ file: metaName, field: `seasons.${i}.${field}`, message });
    const races = held.get(s.season) ?? [];
    if (races.length !== s.races)
      at("races", `declares ${s.races} races in ${s.season} but races.csv holds ${races.length}`);
    if (s.races > s.scheduled) at("scheduled", `is less than the ${s.races} races held`);
    if (races[0] && races[0].date !== s.from)
      at("from", `must be the season's first race day, ${races[0].date}`);
    const last = races.at(-1);
    if (last && last.date !== s.through) at("through", `must be the last race day held, ${last.date}`);
    infos.push({
      season: s.season,
      races: s.races,
      scheduled: s.scheduled,
      from: s.from,
      through: s.through,
      partial: s.races < s.scheduled,
      marginsCompleteToMs: s.margins,
    });
  }
  const lastRace = rows.at(-1)?.row;
  if (lastRace && lastRace.date !== meta.asOf)
    problems.push({
      file: metaName,
      field: "asOf",
      message: `must be the day of the last race held, ${lastRace.date}`,
    });
  return infos;
}

function checkUnique(
  list: readonly { id: string; name: string }[],
  file: string,
  key: string,
  out: DataProblem[],
) {
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    if (seen.has(item.id)) out.push({ file, field: `${key}.${i}.id`, message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  }
}
