import type { Logger } from "pino";
import { commands } from "../commands/index.js";
import type { CommandContext, Platform } from "./core/command.js";
import type { Dataset } from "./data/dataset.js";
import { DataError, loadDataset } from "./data/load.js";
import type { RefreshOutcome } from "./update/schedule.js";

/**
 * Holds the dataset the bot answers from. Adapters ask for a context per interaction, so a reload
 * (SIGHUP) swaps the data between interactions, never during one.
 */
export class Runtime {
  #data: Dataset;
  #lastRefresh: RefreshOutcome | undefined;
  /** ISO time the data in use was last confirmed current against the feed (a refresh that did not fail). */
  #refreshedAt: string | undefined;
  /** The reload running now, if any. */
  #reloading: Promise<boolean> | undefined;
  /** The one reload queued behind it: any number of requests meanwhile share it. */
  #queued: Promise<boolean> | undefined;

  constructor(
    data: Dataset,
    private readonly dataDir: string | undefined,
    private readonly log: Logger,
  ) {
    this.#data = data;
  }

  /** The current dataset. */
  get data(): Dataset {
    return this.#data;
  }

  /** A command context for one interaction on one platform. */
  context(platform: Platform): CommandContext {
    return {
      data: this.#data,
      commands,
      platform,
      ...(this.#refreshedAt ? { refreshedAt: this.#refreshedAt } : {}),
    };
  }

  /** When the data was last refreshed from the feed (DATA_REFRESH), for /about and /healthz. */
  get refreshedAt(): string | undefined {
    return this.#refreshedAt;
  }

  /** How the last scheduled refresh went, for /healthz. */
  get lastRefresh(): RefreshOutcome | undefined {
    return this.#lastRefresh;
  }

  /** Records a scheduled refresh's outcome; only a refresh that reached the feed counts as "refreshed". */
  noteRefresh(outcome: RefreshOutcome): void {
    this.#lastRefresh = outcome;
    if (outcome.result === "changed" || outcome.result === "up to date") this.#refreshedAt = outcome.at;
  }

  /**
   * Loads the data files again and swaps them in only if they are valid; otherwise keeps answering
   * from the current data and logs every problem. Returns whether the swap happened.
   *
   * Reloads never overlap: one asked for while another runs waits for it and then loads once more
   * (the files may have changed since that load began), and every request that arrives meanwhile
   * shares that one load. A burst of SIGHUPs costs at most two loads, in order.
   */
  reload(): Promise<boolean> {
    if (!this.#reloading) {
      this.#reloading = this.#load().finally(() => {
        this.#reloading = undefined;
      });
      return this.#reloading;
    }
    if (!this.#queued) {
      this.#queued = this.#reloading.then(() => {
        this.#queued = undefined;
        return this.reload();
      });
    }
    return this.#queued;
  }

  async #load(): Promise<boolean> {
    this.log.info("dataset reload started");
    try {
      const next = await loadDataset(this.dataDir);
      this.#data = next;
      this.log.info({ races: next.races.length, asOf: next.meta.asOf }, "dataset reloaded");
      return true;
    } catch (error) {
      const problems = error instanceof DataError ? error.problems : undefined;
      this.log.error(
        { err: error, problems },
        "dataset reload rejected; still answering from the previous data",
      );
      return false;
    }
  }
}
