import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATA_DIR, PACKAGE_ROOT } from "../paths.js";
import { buildDataset, type Dataset, type DatasetParts } from "./dataset.js";
import type { DataFileName, DataFiles } from "./validate.js";

export { DataError, type DataProblem, formatProblem } from "./problems.js";

const FILES: readonly DataFileName[] = ["dataset.json", "drivers.json", "tracks.json", "races.csv"];

/** Bump when the shape of validated data changes, so old snapshots are never read. */
const SNAPSHOT_VERSION = "2";

/** Where validated snapshots are kept (the conventional npm cache folder of the package). */
export const SNAPSHOT_DIR = path.join(PACKAGE_ROOT, "node_modules", ".cache", "photo-finish");

async function readFiles(dir: string): Promise<DataFiles> {
  const texts = await Promise.all(
    FILES.map((name) => readFile(path.join(dir, name), "utf8").catch((error: Error) => error)),
  );
  return Object.fromEntries(FILES.map((name, i) => [name, texts[i] as string | Error])) as DataFiles;
}

/**
 * The code that turns files into a dataset (validation, derived labels): a snapshot made by other
 * code must not be reused, or a fix to, say, race labels would not show until the data changed.
 */
const DERIVING_CODE = ["validate", "labels", "schema", "dataset"];

async function derivingCodeText(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const ext = path.extname(fileURLToPath(import.meta.url));
  const texts = await Promise.all(
    DERIVING_CODE.map((name) => readFile(path.join(here, `${name}${ext}`), "utf8").catch(() => name)),
  );
  return texts.join("\0");
}

async function snapshotPath(files: DataFiles): Promise<string | undefined> {
  const hash = createHash("sha256").update(`photo-finish data snapshot v${SNAPSHOT_VERSION}\0`);
  hash.update(await derivingCodeText());
  for (const name of FILES) {
    const text = files[name];
    if (text instanceof Error) return undefined;
    hash.update(`${name}\0${text}\0`);
  }
  return path.join(SNAPSHOT_DIR, `${hash.digest("hex").slice(0, 32)}.json`);
}

/** Options for loadDataset. */
export interface LoadOptions {
  /**
   * Reuse a snapshot of this exact data that passed validation before (keyed by a hash of every
   * file's content), so a one-shot `ask` skips parsing and schema checks. Invalid data is never
   * snapshotted, so it is always reported.
   */
  readonly useSnapshot?: boolean;
}

/**
 * Reads, validates and indexes the data folder. Throws DataError listing every problem, with file,
 * row and field.
 */
export async function loadDataset(
  dir: string = DEFAULT_DATA_DIR,
  options: LoadOptions = {},
): Promise<Dataset> {
  const files = await readFiles(dir);
  const snapshot = options.useSnapshot ? await snapshotPath(files) : undefined;
  if (snapshot) {
    const cached = await readFile(snapshot, "utf8").catch(() => undefined);
    if (cached !== undefined) return buildDataset(JSON.parse(cached) as DatasetParts);
  }
  // The validator pulls in zod and the CSV parser: load it only when there is validating to do.
  const { validateDataFiles } = await import("./validate.js");
  const parts = validateDataFiles(dir, files);
  if (snapshot) await writeSnapshot(snapshot, parts);
  return buildDataset(parts);
}

/** Best effort: a read-only install simply validates every time. */
async function writeSnapshot(file: string, parts: DatasetParts): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(parts));
    await rename(temp, file);
  } catch {
    // Not being able to cache is not an error.
  }
}
