/**
 * Draws a chart: ECharts' server-side SVG renderer (no DOM, no canvas), then resvg to rasterise it
 * to PNG with fonts shipped in an npm package. This module is heavy; load it with a dynamic import
 * (src/charts/index.ts does) so the terminal bot and `ask` without --chart never pay for it.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { BarChart, ScatterChart } from "echarts/charts";
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { ChartData } from "../core/chart.js";
import { chartOption } from "./options.js";
import { CHART_FONT_FAMILY, CHART_FONT_FILES, CHART_HEIGHT, CHART_WIDTH } from "./theme.js";

use([SVGRenderer, BarChart, ScatterChart, GridComponent, TitleComponent, LegendComponent, GraphicComponent]);

const require = createRequire(import.meta.url);
/**
 * Font files resolved from the dejavu-fonts-ttf package. resvg is told to use only these: with no
 * font it can find, a rasteriser silently drops every label, so system fonts are never relied on.
 */
const FONT_FILES = CHART_FONT_FILES.map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** A chart drawn as PNG. */
export interface RenderedChart {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The chart as an SVG document (text as <text> elements, fonts by family name). */
export function renderChartSvg(chart: ChartData): string {
  const instance = init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    instance.setOption(chartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** Rasterises an SVG with the shipped fonts only. */
export function rasterize(svg: string): RenderedChart {
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: "original" },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The chart as PNG bytes. Synchronous and CPU-bound: about a tenth of a second. */
export function renderChart(chart: ChartData): RenderedChart {
  return rasterize(renderChartSvg(chart));
}
