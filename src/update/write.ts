import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { compareStrings } from "../core/compare.js";

/**
 * Commits several data files at once so that readers never take a mix of old and new.
 *
 * Why a roll-forward journal: the loader reads four files that depend on each other (dataset.json
 * counts the rows of races.csv), and a rename replaces one file atomically, never two. So:
 *
 * 1. Every new file is written in full to a staging folder inside the data folder (same file system,
 *    so the renames below are atomic) and fsynced.
 * 2. The staging folder is validated with the same loader as start-up; if it is invalid the staging
 *    folder is removed and the data folder was never touched.
 * 3. The journal (`.update-journal.json`, written to a temporary name and renamed) names the staging
 *    folder and the files to move, in order. Its rename is the commit point: before it, the data is
 *    old; after it, the data is new, even if the process dies.
 * 4. Each file is renamed into place, then the journal is removed.
 *
 * A run killed in step 4 leaves the journal; the next `data:update`, scheduled refresh or bot
 * start-up finishes the renames (under the lock) before anything else reads. The order of the renames
 * also keeps the short window in step 4 harmless for a reader that does not look at the journal:
 * drivers.json and tracks.json only gain entries (old rows stay valid against them), then races.csv,
 * then dataset.json: new rows with the old dataset.json fail the loader's row-count check (rejected,
 * never half-read), and filled-in margins with the old dataset.json only claim less than the data
 * holds. The remembered-posts file goes last: it only ever names races already in races.csv.
 */

/** The journal's name in the data folder. */
export const JOURNAL_FILE = ".update-journal.json";
const STAGING_PREFIX = ".update-staging-";

/** Files in the order they are renamed into place (see above). Others go after, in name order. */
const COMMIT_ORDER = ["drivers.json", "tracks.json", "races.csv", "dataset.json"];

interface Journal {
  readonly staging: string;
  readonly files: readonly string[];
}

/** Steps of a commit, for tests that stop a commit part-way to prove the data is old or new. */
export type CommitStep = "staged" | "validated" | "journal" | `renamed:${string}` | "done";

/** How commitFiles checks and reports. */
export interface CommitOptions {
  /** Validates a folder holding the complete new data; throws to refuse it (data stays as it was). */
  readonly validate: (dir: string) => Promise<unknown>;
  /** Called after each step; a throw stops the commit right there, as a crash would. */
  readonly onStep?: (step: CommitStep) => void | Promise<void>;
}

async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the renames themselves durable; some file systems refuse to open a folder: best effort.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; the renames are still atomic, only their durability is up to the OS.
  }
}

/**
 * Writes `changed` (file name → new text) into `dir` all at once, after validating the complete
 * result (the unchanged files of `dir` alongside). Throws what `validate` throws, leaving `dir`
 * untouched. Must run under the data folder's lock.
 */
export async function commitFiles(
  dir: string,
  changed: Readonly<Record<string, string>>,
  unchangedNames: readonly string[],
  options: CommitOptions,
): Promise<void> {
  const names = Object.keys(changed).sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));
  if (names.length === 0) return;
  const stagingName = `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(dir, stagingName);
  await mkdir(staging);
  try {
    for (const name of names) await writeDurably(path.join(staging, name), changed[name] as string);
    for (const name of unchangedNames)
      await writeFile(path.join(staging, name), await readFile(path.join(dir, name)));
    await options.onStep?.("staged");
    await options.validate(staging);
    await options.onStep?.("validated");
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const journal: Journal = { staging: stagingName, files: names };
  const temp = path.join(dir, `${JOURNAL_FILE}.${process.pid}.tmp`);
  await writeDurably(temp, JSON.stringify(journal));
  await rename(temp, path.join(dir, JOURNAL_FILE));
  await syncDir(dir);
  await options.onStep?.("journal");
  await rollForward(dir, journal, options.onStep);
}

function rank(name: string): number {
  const at = COMMIT_ORDER.indexOf(name);
  return at === -1 ? COMMIT_ORDER.length : at;
}

async function rollForward(dir: string, journal: Journal, onStep?: CommitOptions["onStep"]): Promise<void> {
  const staging = path.join(dir, journal.staging);
  for (const name of journal.files) {
    try {
      await rename(path.join(staging, name), path.join(dir, name));
    } catch (error) {
      // Already moved by an earlier, interrupted roll-forward.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    await onStep?.(`renamed:${name}`);
  }
  await syncDir(dir);
  await rm(path.join(dir, JOURNAL_FILE), { force: true });
  await rm(staging, { recursive: true, force: true });
  await onStep?.("done");
}

/**
 * Finishes a commit a killed run left behind (journal present: roll forward to the new data), and
 * removes staging folders of runs killed before their commit point (the data is still old). Returns
 * what it did, for the report; undefined when there was nothing to do. Must run under the lock.
 */
export async function recoverInterruptedWrite(dir: string): Promise<string | undefined> {
  let done: string | undefined;
  const journalText = await readFile(path.join(dir, JOURNAL_FILE), "utf8").catch(() => undefined);
  if (journalText !== undefined) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(journalText) as Journal;
    } catch {
      journal = undefined;
    }
    if (journal && typeof journal.staging === "string" && Array.isArray(journal.files)) {
      await rollForward(dir, journal);
      done = `finished an interrupted update (${journal.files.join(", ")})`;
    } else {
      // A journal is renamed into place whole, so an unreadable one was never committed.
      await rm(path.join(dir, JOURNAL_FILE), { force: true });
    }
  }
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (
      entry.startsWith(STAGING_PREFIX) ||
      (entry.startsWith(`${JOURNAL_FILE}.`) && entry.endsWith(".tmp"))
    ) {
      await rm(path.join(dir, entry), { recursive: true, force: true });
      done ??= "removed what an interrupted update left before committing (the data was not changed)";
    }
  }
  return done;
}

/** Replaces one file atomically (temporary file, then rename): for files that stand alone. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(3).toString("hex")}.tmp`;
  await writeDurably(temp, text);
  await rename(temp, file);
}

/**
 * At start-up: if a killed update left a committed journal, finish it (under the lock) before the
 * data is loaded, so the bot starts on the new data rather than refusing a half-renamed folder.
 */
export async function recoverAtStartup(dir: string): Promise<string | undefined> {
  const { acquireLock } = await import("./lock.js");
  const lock = await acquireLock(dir, { waitMs: 15_000 });
  try {
    return await recoverInterruptedWrite(dir);
  } finally {
    await lock.release();
  }
}
