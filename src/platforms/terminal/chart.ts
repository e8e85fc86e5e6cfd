import type { ChartData, DistributionChart, LeaderboardChart, TimelineChart } from "../../core/chart.js";
import { formatMargin } from "../../core/format.js";
import { wrap } from "./wrap.js";

/** Characters the longest bar spans when the terminal is wide enough. */
export const TEXT_CHART_WIDTH = 30;
/** Bars never get shorter than this; labels give way first. */
const MIN_BAR_WIDTH = 8;
/** The width charts are laid out for when none is given (piped output). */
const DEFAULT_WIDTH = 100;
/**
 * Margins are drawn on a scale of at least a tenth of a second, so a photo finish looks like one: a
 * lone .003 is a sliver, not a full bar scaled to itself.
 */
export const MIN_MARGIN_SCALE_MS = 100;
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

/** The bar width that leaves `fixed` columns for labels on a `width`-column line. */
function barRoom(width: number, fixed: number): number {
  return Math.min(TEXT_CHART_WIDTH, width - fixed);
}

/** "Kyle Larson" → "K. Larson": a name that keeps its surname when room runs out. */
export function initialed(name: string): string {
  const at = name.indexOf(" ");
  return at > 0 ? `${name.charAt(0)}. ${name.slice(at + 1)}` : name;
}

function leaderboardLines(chart: LeaderboardChart, width: number): string[] {
  const wins = chart.series.find((s) => s.role === "win")?.values ?? [];
  const seconds = chart.series.find((s) => s.role === "second")?.values ?? [];
  const totals = chart.categories.map((_, i) => (wins[i] ?? 0) + (seconds[i] ?? 0));
  const counts = chart.categories.map((_, i) => `${wins[i] ?? 0} + ${seconds[i] ?? 0}`);
  const countWidth = Math.max(0, ...counts.map((c) => c.length));
  const fixedFor = (names: readonly string[]) =>
    2 + Math.max(0, ...names.map((c) => [...c].length)) + 2 + 1 + 1 + countWidth;
  // Full names while the bars keep their room; initials and surnames when the terminal is narrow.
  const names =
    barRoom(width, fixedFor(chart.categories)) >= MIN_BAR_WIDTH
      ? chart.categories
      : chart.categories.map(initialed);
  const nameWidth = Math.max(0, ...names.map((c) => [...c].length));
  const room = Math.max(1, barRoom(width, fixedFor(names)));
  const scale = room / Math.max(1, ...totals);
  const barWidth = Math.max(0, ...totals.map((t) => wholeCells(t, scale)));
  const lines = names.map((name, i) => {
    const w = wins[i] ?? 0;
    const s = seconds[i] ?? 0;
    // Round the stack's end, not each part, so a total's bar length matches the total.
    const winCells = wholeCells(w, scale);
    const drawn =
      WIN.repeat(winCells) + SECOND.repeat(s > 0 ? Math.max(1, wholeCells(w + s, scale) - winCells) : 0);
    return `  ${pad(name, nameWidth)}  ${pad(drawn, barWidth + 1)} ${counts[i]}`;
  });
  if (chart.omitted > 0)
    lines.push(`  … and ${chart.omitted} more ${chart.omitted === 1 ? "driver" : "drivers"}`);
  return [
    ...wrap(`${WIN} close wins, ${SECOND} runner-ups (wins + runner-ups)`, width, { first: "  " }),
    ...lines,
  ];
}

/** 1, 2 or 5 times a power of ten at or above `n`: bars scale to a round margin, as the image's axis does. */
function niceCeiling(n: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, n)));
  return [1, 2, 5, 10].map((m) => m * power).find((c) => c >= n) ?? n;
}

function timelineLines(chart: TimelineChart, width: number): string[] {
  // Scale to a round ceiling of at least a tenth of a second, never to the widest point alone.
  const ceiling = niceCeiling(Math.max(MIN_MARGIN_SCALE_MS, ...chart.points.map((p) => p.marginMs)));
  const labelWidth = Math.max(0, ...chart.points.map((p) => [...p.label].length));
  // date, bar, margin, result, race: the race label goes first when the line would be too long.
  const fixed = 2 + 10 + 2 + 1 + 6 + 2 + 3;
  const withLabel = barRoom(width, fixed + 2 + labelWidth) >= MIN_BAR_WIDTH;
  const room = Math.max(1, barRoom(width, fixed + (withLabel ? 2 + labelWidth : 0)));
  const scale = room / ceiling;
  const lines = chart.points.map((p) => {
    const drawn =
      p.outcome === "won" ? bar(p.marginMs * scale) : SECOND.repeat(wholeCells(p.marginMs, scale));
    const result = p.outcome === "won" ? "won" : "2nd";
    return `  ${p.date}  ${pad(drawn, room + 1)}${pad(formatMargin(p.marginMs), 6, "right")}  ${result}${withLabel ? `  ${p.label}` : ""}`;
  });
  const head = `Margin by date, oldest first (${WIN} won, ${SECOND} 2nd); a full bar is ${formatMargin(ceiling)} s, so shorter is closer`;
  return [...wrap(head, width, { first: "  " }), ...lines];
}

function distributionLines(chart: DistributionChart, width: number): string[] {
  const labelWidth = Math.max(0, ...chart.bands.map((b) => [...b.label].length));
  const countWidth = Math.max(0, ...chart.bands.map((b) => String(b.count).length));
  const room = Math.max(1, barRoom(width, 2 + labelWidth + 2 + 1 + countWidth));
  const scale = room / Math.max(1, ...chart.bands.map((b) => b.count));
  // The subtitle says which races the bands cover, so a cut at the coverage limit is never silent.
  return [
    ...wrap(chart.subtitle, width, { first: "  " }),
    ...chart.bands.map(
      (b) => `  ${pad(b.label, labelWidth)}  ${pad(bar(b.count * scale), room + 1)}${b.count}`,
    ),
  ];
}

/**
 * A compact Unicode bar chart of an answer's chart data, for a terminal `width` columns wide: the
 * same numbers as the image, one line per bar, lines trimmed at the end. Bars shrink, then labels
 * give way, to keep every line within the width. Empty when the chart has nothing to draw.
 */
export function renderTextChart(chart: ChartData, width = DEFAULT_WIDTH): string[] {
  const lines =
    chart.kind === "leaderboard"
      ? chart.categories.length > 0
        ? leaderboardLines(chart, width)
        : []
      : chart.kind === "timeline"
        ? chart.points.length > 0
          ? timelineLines(chart, width)
          : []
        : chart.bands.length > 0
          ? distributionLines(chart, width)
          : [];
  return lines.map((line) => line.trimEnd());
}
