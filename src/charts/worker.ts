/**
 * A chart-drawing worker thread (see pool.ts): receives chart data, draws it with the same code the
 * main thread would use, and sends the PNG back as a transferred buffer, so drawing never blocks
 * the event loop that answers everyone else.
 */
import { parentPort } from "node:worker_threads";
import type { ChartData } from "../core/chart.js";
import { renderChart } from "./render.js";

/** A job for the worker. */
export interface ChartJob {
  readonly id: number;
  readonly chart: ChartData;
}

/** The worker's answer to one job. */
export type ChartJobResult =
  | {
      readonly id: number;
      readonly ok: true;
      readonly png: Uint8Array;
      readonly width: number;
      readonly height: number;
    }
  | { readonly id: number; readonly ok: false; readonly message: string };

parentPort?.on("message", (job: ChartJob) => {
  let result: ChartJobResult;
  try {
    const { png, width, height } = renderChart(job.chart);
    // A copy into a buffer of its own, so it can be transferred rather than cloned.
    const bytes = new Uint8Array(png);
    parentPort?.postMessage({ id: job.id, ok: true, png: bytes, width, height } satisfies ChartJobResult, [
      bytes.buffer,
    ]);
    return;
  } catch (error) {
    result = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(result);
});
