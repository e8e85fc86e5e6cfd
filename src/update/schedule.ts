import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { AlertConfig } from "./alerts.js";
import { DATA_FILE_NAMES } from "./dataset-files.js";
import type { FeedClient } from "./feed-client.js";
import { runUpdate, type UpdateResult } from "./update.js";

/** What a running bot needs from its runtime for a scheduled refresh. */
export interface Reloadable {
  /** Loads the data folder again and swaps it in whole if valid (the SIGHUP reload). */
  reload(): Promise<boolean>;
  /** Records the outcome of a refresh, for /healthz and /about. */
  noteRefresh(outcome: RefreshOutcome): void;
}

/** How the last scheduled refresh went. */
export interface RefreshOutcome {
  /** ISO time the refresh finished. */
  readonly at: string;
  /** "changed": new data swapped in; "up to date"; "failed": feed or data problem (old data kept); "busy". */
  readonly result: "changed" | "up to date" | "failed" | "busy";
  readonly detail?: string;
}

/** What a scheduled refresh runs with. */
export interface RefreshOptions {
  readonly dataDir: string;
  readonly intervalMs: number;
  readonly feed: FeedClient;
  readonly alerts: AlertConfig;
  readonly log: Logger;
  readonly runtime: Reloadable;
}

/** A content hash of the data files, to tell whether another process changed them. */
async function fingerprint(dir: string): Promise<string | undefined> {
  const hash = createHash("sha256");
  for (const name of DATA_FILE_NAMES) {
    const text = await readFile(path.join(dir, name)).catch(() => undefined);
    if (text === undefined) return undefined;
    hash.update(name).update("\0").update(text).update("\0");
  }
  return hash.digest("hex");
}

/** A running schedule. */
export interface ScheduledRefresh {
  /** Runs one refresh now (the timer's work), resolving when it is done. */
  refreshNow(): Promise<void>;
  /** Stops the schedule; a refresh in progress finishes. */
  stop(): Promise<void>;
}

/**
 * DATA_REFRESH: runs `data:update` in the bot on an interval, then swaps the data in through the same
 * reload SIGHUP uses (whole or not at all, between interactions, a bad update logged and the old data
 * kept). Every replica may run it: the data folder's lock lets one import and post at a time, and a
 * replica whose files were updated by another picks them up by their changed content. Refreshes never
 * overlap, and the timer never keeps the process alive.
 */
export async function startScheduledRefresh(options: RefreshOptions): Promise<ScheduledRefresh> {
  const { log, runtime, dataDir } = options;
  let loaded = await fingerprint(dataDir);
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const refresh = async () => {
    let result: UpdateResult | undefined;
    let swapped = false;
    try {
      result = await runUpdate({
        dataDir,
        feed: options.feed,
        alerts: options.alerts,
        log,
        // A replica that finds another one updating waits a little, then tries next time.
        lockWaitMs: 10_000,
        afterCommit: async () => {
          // Still under the lock: the files cannot change between the write and this read.
          swapped = await runtime.reload();
          if (swapped) loaded = await fingerprint(dataDir);
        },
      });
      // Another process may have updated the files: pick its data up the same way.
      const now = await fingerprint(dataDir);
      if (!swapped && now !== undefined && now !== loaded) {
        swapped = await runtime.reload();
        if (swapped) loaded = now;
      }
    } catch (error) {
      log.error({ err: error }, "scheduled data refresh failed; still answering from the previous data");
    }
    const outcome: RefreshOutcome = {
      at: new Date().toISOString(),
      result: result?.busy ? "busy" : result?.status !== 0 ? "failed" : swapped ? "changed" : "up to date",
      ...(result && result.status !== 0
        ? { detail: result.failure ?? result.lines.filter((l) => l.startsWith("x")).join("; ") }
        : {}),
    };
    runtime.noteRefresh(outcome);
    const level = outcome.result === "failed" ? "warn" : "info";
    log[level]({ refresh: outcome, added: result?.added, report: result?.lines }, "scheduled data refresh");
  };

  // One refresh at a time, whether the timer or refreshNow asked for it.
  const trigger = () => {
    running ??= refresh().finally(() => {
      running = undefined;
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void trigger().then(schedule), options.intervalMs);
    timer.unref();
  };
  schedule();
  log.info({ everyMs: options.intervalMs, feed: options.feed.baseUrl }, "scheduled data refresh on");
  return {
    refreshNow: trigger,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
