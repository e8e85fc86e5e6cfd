import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { commands } from "../commands/index.js";
import { renderChartImage, warmUpCharts } from "../src/charts/index.js";
import type { ChartData } from "../src/core/chart.js";
import { answerLine } from "../src/core/respond.js";
import type { Dataset } from "../src/data/dataset.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { median, percentile } from "./stats.js";

/** One chart's render time: ECharts SVG + resvg PNG, end to end, warm. */
export interface ChartFigure {
  readonly line: string;
  readonly kind: ChartData["kind"];
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly pngKb: number;
}

/** What drawing charts costs: loading the libraries once, each chart warm, and `ask --chart` cold. */
export interface ChartBench {
  readonly loadMs: number;
  readonly charts: readonly ChartFigure[];
  readonly askChartMs: number;
}

const LINES = [
  "/leaders",
  "/driver Buescher",
  "/margin 0.5 nextgen",
  "/leaders all involved",
  "/driver Larson all",
];

/** Times chart rendering on the real data; `runs` renders per chart after the first. */
export async function benchCharts(data: Dataset, runs: number): Promise<ChartBench> {
  let start = performance.now();
  await warmUpCharts();
  const loadMs = performance.now() - start;
  const charts: ChartFigure[] = [];
  for (const line of LINES) {
    const chart = answerLine({ data, commands, platform: "slack" }, line).answer.chart;
    if (!chart) continue;
    start = performance.now();
    const first = await renderChartImage(chart);
    const firstMs = performance.now() - start;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      start = performance.now();
      await renderChartImage(chart);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    charts.push({
      line,
      kind: chart.kind,
      firstMs,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      pngKb: first.png.length / 1024,
    });
  }
  // A fresh process each time: what a user of `photo-finish ask --chart` waits, libraries included.
  const bin = path.join(PACKAGE_ROOT, "bin", "photo-finish.js");
  const out = path.join(mkdtempSync(path.join(tmpdir(), "pf-bench-")), "chart.png");
  const asks: number[] = [];
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    spawnSync(process.execPath, [bin, "ask", "--chart", out, "/leaders"], { stdio: "ignore" });
    asks.push(performance.now() - start);
  }
  return { loadMs, charts, askChartMs: median(asks) };
}
