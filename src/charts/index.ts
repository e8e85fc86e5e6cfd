/**
 * Charts for answers, the light entry point: ids, the Discord-ready image, and rendering through a
 * dynamic import of ./render.js so ECharts and resvg load only when a chart is really drawn.
 */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Answer } from "../core/answer.js";
import type { ChartData } from "../core/chart.js";

/**
 * Bumped whenever the look of the images changes: it is part of every chart's id, so a cached or
 * proxied image under an old id is never served for the new look.
 */
export const CHART_RENDER_VERSION = "2";

/** A rendered chart, ready to attach or serve. */
export interface ChartImage {
  /** Content address: the same chart data always gets the same id (32 hex characters). */
  readonly id: string;
  /** A safe attachment name, e.g. `photo-finish-leaderboard-3f2a9c1b0d4e.png` (for attachment://). */
  readonly filename: string;
  readonly contentType: "image/png";
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** A one-line description for screen readers (Slack alt_text, Discord attachment description). */
  readonly altText: string;
}

/** The content address of a chart: a hash of its data and the renderer's version. */
export function chartId(chart: ChartData): string {
  return createHash("sha256")
    .update(CHART_RENDER_VERSION)
    .update(JSON.stringify(chart))
    .digest("hex")
    .slice(0, 32);
}

/** What a chart shows, in words: title and subtitle, for alt text. */
export function chartAltText(chart: ChartData): string {
  return `${chart.title}. ${chart.subtitle}.`.slice(0, 1000);
}

/** A tiny chart drawn once at start-up: it makes a worker load the chart libraries and fonts. */
const WARM_UP_CHART: ChartData = {
  kind: "distribution",
  title: "Warm-up",
  subtitle: "Warm-up",
  xLabel: "Margin (seconds)",
  yLabel: "Races",
  asOf: "2024-05-05",
  source: "Photo Finish",
  bands: [{ fromMs: 0, toMs: 50, label: ".000–.050", count: 1 }],
  limitMs: 50,
};

/**
 * The worker pool that draws charts off the main thread, made on first use; undefined when the
 * compiled worker cannot be found (then charts are drawn in-process, as a last resort).
 */
let pool: Promise<import("./pool.js").ChartPool | undefined> | undefined;
function chartPool(): Promise<import("./pool.js").ChartPool | undefined> {
  pool ??= import("./pool.js").then(({ ChartPool, workerFile }) => {
    const file = workerFile();
    return file ? new ChartPool(file) : undefined;
  });
  return pool;
}

/** Loads the renderer once; later calls reuse the module. */
let renderer: Promise<typeof import("./render.js")> | undefined;
function loadRenderer(): Promise<typeof import("./render.js")> {
  renderer ??= import("./render.js").catch((error: unknown) => {
    renderer = undefined; // a failed load (e.g. a missing native binary) is retried next time
    throw error;
  });
  return renderer;
}

/**
 * Loads the chart libraries ahead of the first chart, so the first answer with one is not slow: on
 * a worker (a small chart drawn there loads them), or in-process when there are no workers.
 */
export async function warmUpCharts(): Promise<void> {
  const workers = await chartPool();
  if (!workers) {
    await loadRenderer();
    return;
  }
  await workers.draw(WARM_UP_CHART);
}

/**
 * Draws a chart as PNG on a worker thread, never blocking the event loop. Throws if rendering fails
 * or the chart queue is full (ChartsBusyError); callers fall back to the text answer.
 */
export async function renderChartImage(chart: ChartData): Promise<ChartImage> {
  const workers = await chartPool();
  const { png, width, height } = workers
    ? await workers.draw(chart)
    : (await loadRenderer()).renderChart(chart);
  const id = chartId(chart);
  return {
    id,
    filename: `photo-finish-${chart.kind}-${id.slice(0, 12)}.png`,
    contentType: "image/png",
    png,
    width,
    height,
    altText: chartAltText(chart),
  };
}

/**
 * The image for an answer, for a platform that attaches files (Discord: put `filename` in
 * `attachment://<filename>` as the embed's image). Undefined when the answer has no chart, or when
 * drawing it failed: the failure is logged and the answer goes out as text, never lost.
 */
export async function answerChartImage(answer: Answer, log?: Logger): Promise<ChartImage | undefined> {
  if (!answer.chart) return undefined;
  try {
    return await renderChartImage(answer.chart);
  } catch (error) {
    log?.error({ err: error, chart: answer.chart.kind, title: answer.chart.title }, "chart rendering failed");
    return undefined;
  }
}
