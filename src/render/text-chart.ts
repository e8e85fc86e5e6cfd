import type { ChartData, DistributionChart, LeaderboardChart, TimelineChart } from "../core/chart.js";
import { formatMargin } from "../core/format.js";

/** Characters the longest bar spans: leaves room for labels in an 80-column terminal. */
export const TEXT_CHART_WIDTH = 30;
/** Eighth blocks, so a bar's length is exact to 1/8 of a character. */
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
const WIN = "█";
const SECOND = "▒";

/** Pads to a width, counting characters rather than UTF-16 units (so "Suárez" lines up). */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const space = " ".repeat(Math.max(0, width - [...text].length));
  return align === "left" ? text + space : space + text;
}

/** A bar `cells` characters long, with a partial block for the fraction; never invisible above 0. */
function bar(cells: number): string {
  if (cells <= 0) return "";
  const eighths = Math.max(1, Math.round(cells * 8));
  return WIN.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

/** Whole-character bars, so two stacked series stay side by side; at least 1 for any non-zero value. */
function wholeCells(value: number, scale: number): number {
  return value <= 0 ? 0 : Math.max(1, Math.round(value * scale));
}

function leaderboardLines(chart: LeaderboardChart): string[] {
  const wins = chart.series.find((s) => s.role === "win")?.values ?? [];
  const seconds = chart.series.find((s) => s.role === "second")?.values ?? [];
  const totals = chart.categories.map((_, i) => (wins[i] ?? 0) + (seconds[i] ?? 0));
  const scale = TEXT_CHART_WIDTH / Math.max(1, ...totals);
  const nameWidth = Math.max(0, ...chart.categories.map((c) => [...c].length));
  const barWidth = Math.max(0, ...totals.map((t) => wholeCells(t, scale) + 1));
  const lines = chart.categories.map((name, i) => {
    const w = wins[i] ?? 0;
    const s = seconds[i] ?? 0;
    // Round the stack's end, not each part, so a total's bar length matches the total.
    const winCells = wholeCells(w, scale);
    const drawn =
      WIN.repeat(winCells) + SECOND.repeat(s > 0 ? Math.max(1, wholeCells(w + s, scale) - winCells) : 0);
    return `  ${pad(name, nameWidth)}  ${pad(drawn, barWidth)} ${w} + ${s}`;
  });
  if (chart.omitted > 0)
    lines.push(`  … and ${chart.omitted} more ${chart.omitted === 1 ? "driver" : "drivers"}`);
  return [`  ${WIN} close wins  ${SECOND} runner-up`, ...lines];
}

/** 1, 2 or 5 times a power of ten at or above `n`: bars scale to a round margin, as the image's axis does. */
function niceCeiling(n: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, n)));
  return [1, 2, 5, 10].map((m) => m * power).find((c) => c >= n) ?? n;
}

function timelineLines(chart: TimelineChart): string[] {
  // A lone .003 should not fill the line: scale to a round ceiling rather than to the widest point.
  const scale = TEXT_CHART_WIDTH / niceCeiling(Math.max(1, ...chart.points.map((p) => p.marginMs)));
  const lines = chart.points.map((p) => {
    const drawn =
      p.outcome === "won" ? bar(p.marginMs * scale) : SECOND.repeat(wholeCells(p.marginMs, scale));
    const result = p.outcome === "won" ? "won" : "2nd";
    return `  ${p.date}  ${pad(drawn, TEXT_CHART_WIDTH + 1)}${pad(formatMargin(p.marginMs), 6, "right")}  ${result}  ${p.label}`;
  });
  return [`  Margin by date, oldest first (${WIN} won, ${SECOND} 2nd; shorter is closer)`, ...lines];
}

function distributionLines(chart: DistributionChart): string[] {
  const scale = TEXT_CHART_WIDTH / Math.max(1, ...chart.bands.map((b) => b.count));
  const labelWidth = Math.max(0, ...chart.bands.map((b) => [...b.label].length));
  return [
    `  Races per margin band (seconds)`,
    ...chart.bands.map(
      (b) => `  ${pad(b.label, labelWidth)}  ${pad(bar(b.count * scale), TEXT_CHART_WIDTH + 1)}${b.count}`,
    ),
  ];
}

/**
 * A compact Unicode bar chart of an answer's chart data, for a terminal: the same numbers as the
 * image, one line per bar, lines trimmed at the end. Empty when the chart has nothing to draw.
 */
export function renderTextChart(chart: ChartData): string[] {
  const lines =
    chart.kind === "leaderboard"
      ? chart.categories.length > 0
        ? leaderboardLines(chart)
        : []
      : chart.kind === "timeline"
        ? chart.points.length > 0
          ? timelineLines(chart)
          : []
        : chart.bands.length > 0
          ? distributionLines(chart)
          : [];
  return lines.map((line) => line.trimEnd());
}
