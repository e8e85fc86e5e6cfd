import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { RACE_COLUMNS } from "../data/schema.js";

/**
 * The data folder as the importer edits it: the four files of the full-history format
 * (see data/README.md), parsed just enough to add and fill rows, and written back so that rows and
 * entries the importer did not touch keep their exact text. Validation proper is loadDataset's job
 * (src/data/load.ts), run on the result before anything is committed.
 */

/** One races.csv row, every field as text. */
export type RaceRecord = Record<(typeof RACE_COLUMNS)[number], string>;

/** A row and the exact text it was read from (undefined for rows the importer made or changed). */
export interface RaceLine {
  readonly record: RaceRecord;
  readonly raw: string | undefined;
}

/** A driver or track entry of drivers.json / tracks.json. */
export interface NamedEntry {
  id: string;
  name: string;
  aliases: string[];
  [key: string]: unknown;
}

/** One season's entry in dataset.json. */
export interface SeasonEntry {
  season: number;
  races: number;
  scheduled?: number;
  from: string;
  through: string;
  margins?: string;
  partial?: boolean;
  [key: string]: unknown;
}

/** A source entry in dataset.json. */
export interface SourceEntry {
  id: string;
  name: string;
  url?: string;
  detail?: string;
  [key: string]: unknown;
}

/** dataset.json, with the fields the importer maintains typed and the rest kept as they are. */
export interface DatasetJson {
  asOf: string;
  sources?: SourceEntry[];
  seasons: SeasonEntry[];
  [key: string]: unknown;
}

/** The data files the importer reads and writes. */
export const DATA_FILE_NAMES = ["drivers.json", "tracks.json", "races.csv", "dataset.json"] as const;
export type DataFileName = (typeof DATA_FILE_NAMES)[number];

/** A data folder in memory. */
export interface DataFolder {
  races: RaceLine[];
  drivers: { drivers: NamedEntry[]; [key: string]: unknown };
  tracks: { tracks: NamedEntry[]; [key: string]: unknown };
  dataset: DatasetJson;
  /** The text each file had when read, to tell what changed. */
  readonly texts: Readonly<Record<DataFileName, string>>;
}

/** A data folder the importer cannot work on (unreadable, or not in the full-history format). */
export class DataFolderError extends Error {
  override name = "DataFolderError";
}

/** Reads a data folder in the full-history format. */
export async function readDataFolder(dir: string): Promise<DataFolder> {
  const texts = {} as Record<DataFileName, string>;
  for (const name of DATA_FILE_NAMES) {
    try {
      texts[name] = await readFile(path.join(dir, name), "utf8");
    } catch (error) {
      throw new DataFolderError(`cannot read ${path.join(dir, name)}: ${(error as Error).message}`);
    }
  }
  const json = <T>(name: DataFileName): T => {
    try {
      return JSON.parse(texts[name]) as T;
    } catch (error) {
      throw new DataFolderError(`${path.join(dir, name)} is not JSON: ${(error as Error).message}`);
    }
  };
  const header = texts["races.csv"].split(/\r?\n/, 1)[0]?.replace(/^\uFEFF/, "");
  if (header !== RACE_COLUMNS.join(","))
    throw new DataFolderError(
      `${path.join(dir, "races.csv")} does not start with the header ${RACE_COLUMNS.join(",")}`,
    );
  const rows = parseCsv(texts["races.csv"], {
    columns: true,
    skip_empty_lines: true,
    raw: true,
    bom: true,
  }) as { record: RaceRecord; raw: string }[];
  const drivers = json<DataFolder["drivers"]>("drivers.json");
  const tracks = json<DataFolder["tracks"]>("tracks.json");
  const dataset = json<DatasetJson>("dataset.json");
  if (!Array.isArray(drivers?.drivers) || !Array.isArray(tracks?.tracks) || !Array.isArray(dataset?.seasons))
    throw new DataFolderError(`${dir} does not hold drivers, tracks and seasons in the expected shape`);
  return {
    races: rows.map(({ record, raw }) => ({ record, raw: raw.replace(/\r?\n$/, "") })),
    drivers,
    tracks,
    dataset,
    texts,
  };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One races.csv line for a record. */
export function formatRaceRecord(record: RaceRecord): string {
  return RACE_COLUMNS.map((column) => csvField(record[column] ?? "")).join(",");
}

/** races.csv text: the header, then rows by season and round; untouched rows keep their exact text. */
export function formatRaces(lines: readonly RaceLine[]): string {
  const sorted = [...lines].sort(
    (a, b) =>
      Number(a.record.season) - Number(b.record.season) || Number(a.record.round) - Number(b.record.round),
  );
  return `${[RACE_COLUMNS.join(","), ...sorted.map((l) => l.raw ?? formatRaceRecord(l.record))].join("\n")}\n`;
}

/**
 * JSON laid out as the repository's formatter (Biome, checked by `npm run lint`) lays out the data
 * files: objects one key per line (Biome keeps an object expanded once it is), arrays of plain values
 * on one line when the whole line fits in 110 columns, otherwise one value per line. So an update of
 * the shipped data/ leaves the lint clean and the diff down to the rows that changed.
 */
export function formatJson(value: unknown): string {
  return `${layout(value, 0, 0, false)}\n`;
}

const LINE_WIDTH = 110;

/** `column`: where the value starts on its line; `comma`: whether a comma follows it. */
function layout(value: unknown, indent: number, column: number, comma: boolean): string {
  const inner = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => v === null || typeof v !== "object")) {
      const inline = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
      if (column + inline.length + (comma ? 1 : 0) <= LINE_WIDTH) return inline;
    }
    const items = value.map((v, i) => `${inner}${layout(v, indent + 2, inner.length, i < value.length - 1)}`);
    return `[\n${items.join(",\n")}\n${close}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, v], i) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      return `${head}${layout(v, indent + 2, head.length, i < entries.length - 1)}`;
    });
    return `{\n${lines.join(",\n")}\n${close}}`;
  }
  return JSON.stringify(value);
}

/** The text of every file of a folder as it stands in memory. */
export function formatDataFolder(folder: DataFolder): Record<DataFileName, string> {
  const keep = (name: DataFileName, text: string) =>
    // An unchanged file keeps its exact bytes, whatever formatting it was written with.
    sameJson(folder.texts[name], text) ? folder.texts[name] : text;
  return {
    "drivers.json": keep("drivers.json", formatJson(folder.drivers)),
    "tracks.json": keep("tracks.json", formatJson(folder.tracks)),
    "races.csv":
      formatRaces(folder.races) === normalizeEol(folder.texts["races.csv"])
        ? folder.texts["races.csv"]
        : formatRaces(folder.races),
    "dataset.json": keep("dataset.json", formatJson(folder.dataset)),
  };
}

function normalizeEol(text: string): string {
  const unix = text.replace(/\r\n/g, "\n").replace(/^\uFEFF/, "");
  return unix.endsWith("\n") ? unix : `${unix}\n`;
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}
