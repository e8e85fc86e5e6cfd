import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { z } from "zod";
import type { DatasetParts } from "./dataset.js";
import { DataError, type DataProblem } from "./problems.js";
import { datasetFileSchema, driversFileSchema, raceRowSchema, tracksFileSchema } from "./schema.js";
import type { Driver, Race, Track } from "./types.js";

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

/**
 * Validates the text of every data file, then cross-checks them (unknown driver or track, duplicate
 * race, date outside its season, a race in no era). Throws DataError listing all problems.
 */
export function validateDataFiles(dir: string, files: DataFiles): DatasetParts {
  const problems: DataProblem[] = [];
  const metaJson = parseJson(dir, "dataset.json", files["dataset.json"], problems);
  const driversJson = parseJson(dir, "drivers.json", files["drivers.json"], problems);
  const tracksJson = parseJson(dir, "tracks.json", files["tracks.json"], problems);
  const racesFile = path.join(dir, "races.csv");
  const racesName = relative(racesFile);
  let records: { record: Record<string, string>; line: number }[] = [];
  try {
    const text = files["races.csv"];
    if (text instanceof Error) throw text;
    records = (
      parseCsv(text, { columns: true, skip_empty_lines: true, info: true, trim: false }) as {
        record: Record<string, string>;
        info: { lines: number };
      }[]
    ).map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    problems.push({ file: racesName, field: "(file)", message: (error as Error).message });
  }

  const meta = datasetFileSchema.safeParse(metaJson);
  if (!meta.success && metaJson !== undefined)
    problems.push(...zodProblems(relative(path.join(dir, "dataset.json")), meta.error));
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
  const driverByName = new Map(driverList.map((d) => [d.name, d]));
  const trackIds = new Set(trackList.map((t) => t.id));
  const seasonCounts = meta.success ? meta.data.seasons : [];
  const firstEra = meta.success ? meta.data.eras.map((e) => e.from).sort()[0] : undefined;

  const races: Race[] = [];
  const seenIds = new Map<string, number>();
  const seenDays = new Map<string, number>();
  for (const { record, line } of records) {
    const parsed = raceRowSchema.safeParse(record);
    if (!parsed.success) {
      problems.push(...zodProblems(racesName, parsed.error, line));
      continue;
    }
    const row = parsed.data;
    const at = (field: string, message: string) =>
      problems.push({ file: racesName, row: line, field, message });
    const winner = driverByName.get(row.winner);
    const runnerUp = driverByName.get(row.runner_up);
    if (!winner) at("winner", `unknown driver "${row.winner}" (add it to drivers.json or fix the spelling)`);
    if (!runnerUp)
      at("runner_up", `unknown driver "${row.runner_up}" (add it to drivers.json or fix the spelling)`);
    if (winner && winner === runnerUp) at("runner_up", "is the same driver as the winner");
    if (!trackIds.has(row.track)) at("track", `unknown track "${row.track}" (add it to tracks.json)`);
    if (Number(row.date.slice(0, 4)) !== row.season)
      at("date", `${row.date} is outside season ${row.season}`);
    if (meta.success && row.date > meta.data.asOf) at("date", `${row.date} is after the dataset's asOf date`);
    if (firstEra && row.date < firstEra) at("date", `${row.date} is before every era (${firstEra})`);
    const count = seasonCounts.find((s) => s.season === row.season);
    if (count && (row.date < count.from || row.date > count.through))
      at("date", `${row.date} is outside season ${row.season} (${count.from} to ${count.through})`);
    const previous = seenIds.get(row.id);
    if (previous !== undefined) at("id", `duplicate race id "${row.id}" (also on row ${previous})`);
    const day = `${row.date} ${row.track}`;
    const sameDay = seenDays.get(day);
    if (sameDay !== undefined) at("date", `duplicate race: row ${sameDay} is the same track on the same day`);
    seenIds.set(row.id, line);
    seenDays.set(day, line);
    if (!winner || !runnerUp) continue;
    races.push({
      id: row.id,
      date: row.date,
      season: row.season,
      trackId: row.track,
      raceName: row.race_name,
      label: row.label,
      winnerId: winner.id,
      runnerUpId: runnerUp.id,
      marginMs: row.margin,
      lists: row.lists,
      note: row.note,
      source: row.source,
    });
  }
  if (records.length === 0 && !problems.some((p) => p.file === racesName))
    problems.push({ file: racesName, field: "(file)", message: "holds no races" });

  if (problems.length > 0 || !meta.success) throw new DataError(problems);
  const m = meta.data;
  return {
    meta: {
      title: m.title,
      asOf: m.asOf,
      sourceName: m.source.name,
      sourceFile: m.source.file,
      verification: m.source.verification,
    },
    races,
    drivers: driverList,
    tracks: trackList,
    eras: m.eras,
    coverage: m.coverage.map((c) => ({
      id: c.id,
      from: c.from,
      to: c.to,
      maxMarginMs: c.maxMargin,
      description: c.description,
    })),
    seasons: m.seasons,
  };
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
