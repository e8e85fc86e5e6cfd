/**
 * Draws charts on worker threads. A chart takes 60–80 ms of CPU (the first one about half a second
 * more, to load the libraries); drawn on the main thread it stalled every other interaction, and
 * under load answers missed Discord's and Slack's 3 s. Here drawing runs on a small fixed pool, the
 * queue in front of it is bounded, and a job that finds the queue full fails at once with
 * ChartsBusyError: the caller answers with text, as it does for any chart that cannot be drawn.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ChartData } from "../core/chart.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { RenderedChart } from "./render.js";
import type { ChartJob, ChartJobResult } from "./worker.js";

/** Thrown at once when the queue is full: the answer goes out as text rather than late. */
export class ChartsBusyError extends Error {
  override name = "ChartsBusyError";
}

/** Size of a pool: threads, and jobs that may wait for one. */
export interface ChartPoolOptions {
  readonly threads: number;
  readonly maxQueued: number;
  /**
   * A thread idle this long is stopped: each holds ECharts and resvg (tens of MB), and a bot that
   * drew a burst of charts should go back near its idle memory. The next chart starts a thread again.
   */
  readonly idleMs?: number;
}

/**
 * One thread per spare core, at most two (the bot itself needs a core), and a queue of eight: with a
 * chart at about 70 ms, a full queue is still drawn well inside a platform's 3 s.
 */
export const DEFAULT_CHART_POOL: ChartPoolOptions = {
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueued: 8,
  idleMs: 20_000,
};

/**
 * The compiled worker. From dist/ it sits beside this file; when the code runs from its TypeScript
 * sources (tests), the built copy in dist/ is used, as there is no .js file beside the source.
 */
export function workerFile(): string | undefined {
  const beside = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  const built = path.join(PACKAGE_ROOT, "dist", "src", "charts", "worker.js");
  return existsSync(built) ? built : undefined;
}

interface Pending {
  readonly job: ChartJob;
  readonly resolve: (chart: RenderedChart) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  current: Pending | undefined;
  idleTimer: NodeJS.Timeout | undefined;
}

/** A fixed set of chart workers with a bounded queue in front of them. */
export class ChartPool {
  readonly #file: string;
  readonly #options: ChartPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #nextId = 1;

  constructor(file: string, options: ChartPoolOptions = DEFAULT_CHART_POOL) {
    this.#file = file;
    this.#options = options;
  }

  /** Threads running now (idle ones are stopped after `idleMs`). */
  get threads(): number {
    return this.#slots.length;
  }

  /** Jobs waiting for a thread (not counting those being drawn). */
  get queued(): number {
    return this.#queue.length;
  }

  /** Draws a chart on a worker; rejects with ChartsBusyError when the queue is full. */
  draw(chart: ChartData): Promise<RenderedChart> {
    const idle = this.#idleSlot();
    if (!idle && this.#queue.length >= this.#options.maxQueued)
      return Promise.reject(new ChartsBusyError("chart queue is full"));
    return new Promise<RenderedChart>((resolve, reject) => {
      const pending: Pending = { job: { id: this.#nextId++, chart }, resolve, reject };
      if (idle) this.#start(idle, pending);
      else this.#queue.push(pending);
    });
  }

  /** Stops every worker; jobs in progress or waiting are rejected. */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    for (const pending of this.#queue.splice(0)) pending.reject(new Error("chart pool closed"));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #idleSlot(): Slot | undefined {
    const idle = this.#slots.find((slot) => slot.current === undefined);
    if (idle) return idle;
    if (this.#slots.length < this.#options.threads) return this.#spawn();
    return undefined;
  }

  #spawn(): Slot {
    const worker = new Worker(this.#file);
    // An idle worker must not keep the process alive; one with a job does (see #start).
    worker.unref();
    const slot: Slot = { worker, current: undefined, idleTimer: undefined };
    worker.on("message", (result: ChartJobResult) => this.#finish(slot, result));
    const fail = (error: Error) => {
      // A crashed worker is replaced on demand; its job fails and the caller answers with text.
      const index = this.#slots.indexOf(slot);
      if (index !== -1) this.#slots.splice(index, 1);
      const pending = slot.current;
      slot.current = undefined;
      pending?.reject(error);
      this.#next();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`chart worker exited with code ${code}`)));
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.current = pending;
    slot.worker.ref();
    slot.worker.postMessage(pending.job);
  }

  #finish(slot: Slot, result: ChartJobResult): void {
    const pending = slot.current;
    slot.current = undefined;
    slot.worker.unref();
    if (pending && pending.job.id === result.id) {
      if (result.ok)
        pending.resolve({
          png: Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength),
          width: result.width,
          height: result.height,
        });
      else pending.reject(new Error(result.message));
    }
    this.#next();
    if (slot.current === undefined && this.#options.idleMs !== undefined) this.#retireWhenIdle(slot);
  }

  /** Stops the thread once it has had nothing to draw for `idleMs`. */
  #retireWhenIdle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (slot.current !== undefined) return;
      const index = this.#slots.indexOf(slot);
      if (index !== -1) this.#slots.splice(index, 1);
      void slot.worker.terminate();
    }, this.#options.idleMs);
    slot.idleTimer.unref();
  }

  #next(): void {
    while (this.#queue.length > 0) {
      const slot = this.#idleSlot();
      if (!slot) return;
      this.#start(slot, this.#queue.shift() as Pending);
    }
  }
}
