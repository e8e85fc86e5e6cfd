import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import type { Dataset } from "../data/dataset.js";
import { DataError, formatProblem } from "../data/load.js";
import {
  ALERTS_FILE,
  type AlertConfig,
  alertChannels,
  closeFinishes,
  DEFAULT_ALERT_MAX_MARGIN_MS,
  formatAlertState,
  postPendingAlerts,
  queueAlerts,
  readAlertState,
  writeAlertState,
} from "./alerts.js";
import { DATA_FILE_NAMES, DataFolderError, formatDataFolder, readDataFolder } from "./dataset-files.js";
import { type FeedClient, FeedError } from "./feed-client.js";
import { planImport, type ReportLine } from "./import.js";
import { acquireLock, LockBusyError } from "./lock.js";
import { commitFiles, recoverInterruptedWrite } from "./write.js";

/** Exit status of an update: 0 changed or up to date, 1 feed/network failure (or busy), 2 refused. */
export type UpdateStatus = 0 | 1 | 2;

/** What runUpdate needs. */
export interface UpdateOptions {
  readonly dataDir: string;
  /** Seasons to read; default: the current one and the previous one. */
  readonly seasons?: readonly number[];
  readonly dryRun?: boolean;
  readonly feed: FeedClient;
  /** Checks a folder holding the complete new data, throwing DataError to refuse it. Default: loadDataset. */
  readonly validate?: (dir: string) => Promise<unknown>;
  readonly alerts?: AlertConfig;
  /** How long to wait for another run's lock before giving up busy. */
  readonly lockWaitMs?: number;
  readonly now?: () => Date;
  readonly log?: Logger;
  /** Called with the lock held once the data is committed (the bot swaps it in here). */
  readonly afterCommit?: () => Promise<void>;
}

/** What an update did. */
export interface UpdateResult {
  readonly status: UpdateStatus;
  /** The report, one line per race or event, ready to print. */
  readonly lines: readonly string[];
  /** Whether the data files changed. */
  readonly changed: boolean;
  readonly added: readonly string[];
  /** The one-line reason for status 1 (feed failure or busy). */
  readonly failure?: string;
  readonly busy?: boolean;
}

const MARK: Record<ReportLine["kind"], string> = {
  added: "+",
  changed: "~",
  skipped: "-",
  "added-name": "!",
  refused: "x",
  note: " ",
};

/** Loads the validator only when there is something to validate (it pulls in zod and the CSV parser). */
async function defaultValidate(dir: string): Promise<unknown> {
  const { loadDataset } = await import("../data/load.js");
  return loadDataset(dir);
}

/** The seasons an update reads by default: this one and the one before. */
export function defaultSeasons(now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year - 1, year];
}

/**
 * `photo-finish data:update`: reads the feed, adds and completes races, validates the whole result
 * with the start-up loader, commits it atomically, then posts close finishes. Runs under the data
 * folder's lock (a dry run takes none and writes nothing). Never throws for a feed, data or webhook
 * problem: the status and report say what happened.
 */
export async function runUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const now = options.now?.() ?? new Date();
  const seasons = options.seasons && options.seasons.length > 0 ? options.seasons : defaultSeasons(now);
  const lines: string[] = [];
  let lock: Awaited<ReturnType<typeof acquireLock>> | undefined;
  if (!options.dryRun) {
    try {
      lock = await acquireLock(options.dataDir, { waitMs: options.lockWaitMs ?? 30_000 });
    } catch (error) {
      if (!(error instanceof LockBusyError)) throw error;
      return {
        status: 1,
        lines: [error.message],
        changed: false,
        added: [],
        failure: error.message,
        busy: true,
      };
    }
  }
  try {
    if (lock) {
      const recovered = await recoverInterruptedWrite(options.dataDir);
      if (recovered) lines.push(`  ${recovered}`);
    }
    return await updateLocked(options, seasons, now, lines);
  } finally {
    await lock?.release();
  }
}

async function updateLocked(
  options: UpdateOptions,
  seasons: readonly number[],
  now: Date,
  lines: string[],
): Promise<UpdateResult> {
  const { dataDir } = options;
  let folder: Awaited<ReturnType<typeof readDataFolder>>;
  try {
    folder = await readDataFolder(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderError)) throw error;
    return { status: 2, lines: [...lines, `x ${error.message}`], changed: false, added: [] };
  }
  let plan: Awaited<ReturnType<typeof planImport>>;
  try {
    plan = await planImport(folder, { seasons, feed: options.feed, today: now.toISOString().slice(0, 10) });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    const failure = `feed failure: ${error.message}`;
    options.log?.error({ url: error.url, status: error.status, reason: error.reason }, "feed request failed");
    return {
      status: 1,
      lines: [...lines, `x ${failure}`, "  nothing written"],
      changed: false,
      added: [],
      failure,
    };
  }
  const verb = options.dryRun ? "would " : "";
  for (const line of plan.lines)
    lines.push(`${MARK[line.kind]} ${line.kind === "added" && verb ? "would add " : ""}${line.text}`);

  const texts = formatDataFolder(plan.folder);
  const changed: Record<string, string> = {};
  for (const name of DATA_FILE_NAMES) if (texts[name] !== folder.texts[name]) changed[name] = texts[name];

  // Close finishes are queued in the same commit as their rows: a run killed after the commit
  // still posts them next time, and one killed before never half-queued them.
  const alertConfig = options.alerts ?? {};
  const channels = alertChannels(alertConfig);
  const alertState = await readAlertState(dataDir);
  const close = closeFinishes(
    plan.folder,
    plan.added,
    alertConfig.maxMarginMs ?? DEFAULT_ALERT_MAX_MARGIN_MS,
  );
  if (
    queueAlerts(
      alertState.state,
      channels,
      close.map((r) => r.id),
    )
  )
    changed[ALERTS_FILE] = formatAlertState(alertState.state);
  const dataChanged = DATA_FILE_NAMES.some((name) => name in changed);
  const validate = options.validate ?? defaultValidate;

  try {
    if (options.dryRun) {
      if (dataChanged) await validateCopy(dataDir, texts, validate);
    } else if (Object.keys(changed).length > 0) {
      const unchanged = DATA_FILE_NAMES.filter((name) => !(name in changed));
      await commitFiles(dataDir, changed, unchanged, { validate });
    }
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    lines.push(
      `x the updated data does not pass validation; ${options.dryRun ? "it would not be written" : "nothing written"}:`,
      ...error.problems.map((p) => `    ${formatProblem(p)}`),
    );
    return { status: 2, lines, changed: false, added: [] };
  }
  if (dataChanged && !options.dryRun) await options.afterCommit?.();

  if (!options.dryRun && channels.length > 0) {
    const pending = channels.some((c) => alertState.state[c].pending.length > 0);
    const data = pending ? await loadCommitted(dataDir, validate) : undefined;
    const posted = data
      ? await postPendingAlerts(data, alertState.state, alertConfig, options.log)
      : { lines: [], changed: false };
    lines.push(...posted.lines.map((l) => `  ${l}`));
    if (posted.changed) await writeAlertState(dataDir, alertState.state);
  } else if (options.dryRun && close.length > 0) {
    lines.push(`  would post ${close.map((r) => r.id).join(", ")} as close finishes`);
  }

  const races = `${plan.added.length} race${plan.added.length === 1 ? "" : "s"}`;
  const summary = [
    options.dryRun
      ? `would add ${races} and complete ${plan.changed.length}`
      : `${races} added, ${plan.changed.length} completed`,
    ...(plan.refused > 0 ? [`${plan.refused} refused`] : []),
  ].join(", ");
  const asOf = plan.folder.dataset.asOf;
  lines.push(
    dataChanged
      ? `${summary}; data as of ${asOf}${options.dryRun ? " (dry run: nothing written)" : ""}`
      : `up to date (seasons ${seasons.join(", ")}); data as of ${asOf}${plan.refused > 0 ? `; ${plan.refused} refused` : ""}`,
  );
  return {
    status: plan.refused > 0 ? 2 : 0,
    lines,
    changed: dataChanged && !options.dryRun,
    added: plan.added.map((r) => r.id),
  };
}

/** The committed data, for race cards; the default validator is the loader itself, so reuse what it returns. */
async function loadCommitted(
  dir: string,
  validate: (dir: string) => Promise<unknown>,
): Promise<Dataset | undefined> {
  try {
    const loaded = await validate(dir);
    if (loaded && typeof loaded === "object" && "races" in loaded) return loaded as Dataset;
    const { loadDataset } = await import("../data/load.js");
    return await loadDataset(dir);
  } catch {
    // Without valid data there is no card to post; the posts wait for the next update.
    return undefined;
  }
}

/** A dry run validates the result in a scratch copy, so it reports what a real run would refuse. */
async function validateCopy(
  dataDir: string,
  texts: Record<string, string>,
  validate: (dir: string) => Promise<unknown>,
): Promise<void> {
  const scratch = await mkdtemp(path.join(tmpdir(), "photo-finish-dry-run-"));
  try {
    await cp(dataDir, scratch, { recursive: true });
    const { writeFile } = await import("node:fs/promises");
    for (const [name, text] of Object.entries(texts)) await writeFile(path.join(scratch, name), text);
    await validate(scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
