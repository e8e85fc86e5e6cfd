import type { EChartsOption } from "echarts";
import type {
  ChartData,
  DistributionChart,
  LeaderboardChart,
  TimelineChart,
  TimelinePoint,
} from "../core/chart.js";
import { formatDate, formatMargin } from "../core/format.js";
import { CHART_FONT_FAMILY, CHART_HEIGHT, CHART_WIDTH, COLORS, LAYOUT } from "./theme.js";

/** Shown in the plot area when a chart has nothing to draw, so the image still says what it is. */
export const EMPTY_CHART_TEXT = "No close finishes to show";

const axisText = { color: COLORS.muted, fontSize: 12, fontFamily: CHART_FONT_FAMILY };
const axisName = { color: COLORS.text, fontSize: 13, fontFamily: CHART_FONT_FAMILY };

function valueAxisStyle() {
  return {
    axisLine: { show: true, lineStyle: { color: COLORS.axisLine } },
    axisTick: { show: true, lineStyle: { color: COLORS.axisLine } },
    splitLine: { show: true, lineStyle: { color: COLORS.gridLine } },
    axisLabel: { ...axisText },
    nameTextStyle: axisName,
    nameLocation: "middle" as const,
  };
}

function categoryAxisStyle() {
  return {
    axisLine: { show: true, lineStyle: { color: COLORS.axisLine } },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { ...axisText, color: COLORS.text },
    nameTextStyle: axisName,
    nameLocation: "middle" as const,
  };
}

/** Title, subtitle, legend, footer and card border: the parts every chart shares. */
function frameOf(chart: ChartData, empty: boolean, legend: readonly string[]): EChartsOption {
  const footer = `Source: ${chart.source} · Data as of ${formatDate(chart.asOf)}`;
  return {
    animation: false,
    backgroundColor: COLORS.background,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: COLORS.text },
    title: [
      {
        text: chart.title,
        left: LAYOUT.padding,
        top: LAYOUT.title.top,
        textStyle: { color: COLORS.text, fontSize: LAYOUT.title.fontSize, fontWeight: "bold" },
      },
      {
        text: chart.subtitle,
        left: LAYOUT.padding,
        top: LAYOUT.subtitle.top,
        textStyle: { color: COLORS.muted, fontSize: LAYOUT.subtitle.fontSize, fontWeight: "normal" },
      },
    ],
    legend: {
      show: legend.length > 0,
      data: [...legend],
      left: LAYOUT.padding,
      top: LAYOUT.legend.top,
      itemWidth: 18,
      // ECharts estimates text widths without the real font; leave room so items never touch.
      itemGap: 28,
      itemHeight: 12,
      textStyle: { color: COLORS.text, fontSize: 13 },
    },
    graphic: [
      {
        type: "rect",
        left: 0,
        top: 0,
        shape: { x: 1, y: 1, width: CHART_WIDTH - 2, height: CHART_HEIGHT - 2, r: 10 },
        style: { fill: "none", stroke: COLORS.border, lineWidth: 2 },
        silent: true,
      },
      {
        type: "text",
        left: LAYOUT.padding,
        bottom: LAYOUT.footer.bottom,
        style: { text: footer, fill: COLORS.muted, fontSize: LAYOUT.footer.fontSize },
      },
      ...(empty
        ? [
            {
              type: "text" as const,
              left: "center",
              top: "middle",
              style: { text: EMPTY_CHART_TEXT, fill: COLORS.muted, fontSize: 18 },
            },
          ]
        : []),
    ],
  };
}

const ROLE_COLORS = { win: COLORS.win, second: COLORS.second, count: COLORS.count } as const;

function leaderboardOption(chart: LeaderboardChart): EChartsOption {
  const empty = chart.categories.length === 0;
  return {
    ...frameOf(
      chart,
      empty,
      chart.series.map((s) => s.name),
    ),
    grid: { ...LAYOUT.grid, left: LAYOUT.gridLeftForNames, containLabel: false },
    xAxis: {
      type: "value",
      name: chart.xLabel,
      nameGap: LAYOUT.axisNameGap.x,
      minInterval: 1,
      ...valueAxisStyle(),
    },
    yAxis: {
      type: "category",
      // Rank 1 on top, as in the table.
      inverse: true,
      data: [...chart.categories],
      name: chart.yLabel,
      nameGap: LAYOUT.axisNameGap.yWithNames,
      ...categoryAxisStyle(),
    },
    series: chart.series.map((s) => ({
      type: "bar" as const,
      name: s.name,
      stack: "finishes",
      data: [...s.values],
      barMaxWidth: 26,
      itemStyle: { color: ROLE_COLORS[s.role] },
    })),
  };
}

/** Margins are drawn on a scale of at least a tenth of a second, so a photo finish looks like one. */
export const TIMELINE_MIN_SCALE_MS = 100;
/** Margin labels over the markers: their font size and the gap above a marker. */
const POINT_LABEL = { fontSize: 11, gap: 5, symbolSize: 16 } as const;

/** 1, 2 or 5 times a power of ten at or above `n`. */
function niceCeiling(n: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, n)));
  return [1, 2, 5, 10].map((m) => m * power).find((c) => c >= n) ?? n;
}

/** A date as a fractional year (2024-07-02 → about 2024.5), so years are evenly spaced ticks. */
export function fractionalYear(date: string): number {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year + (Date.parse(`${date}T00:00:00Z`) - start) / (end - start);
}

/** The axes a timeline is drawn on: whole years that hold every point, margins from 0 up. */
export function timelineScale(chart: TimelineChart) {
  const years = chart.points.map((p) => Number(p.date.slice(0, 4)));
  const first = years.length > 0 ? Math.min(...years) : Number(chart.from.slice(0, 4));
  const last = years.length > 0 ? Math.max(...years) : Number(chart.to.slice(0, 4));
  const span = last + 1 - first;
  const yearStep = [1, 2, 5, 10].find((step) => span / step <= 8) ?? 10;
  const maxMs = niceCeiling(Math.max(TIMELINE_MIN_SCALE_MS, ...chart.points.map((p) => p.marginMs)));
  return {
    // Start on a tick, so the first year always has its label; end on one after the last point.
    x: { min: first, max: first + Math.ceil(span / yearStep) * yearStep, interval: yearStep },
    y: { min: 0, max: maxMs, interval: maxMs / 5 },
  };
}

/** Where a value falls in the plot, in pixels. */
function plotPosition(chart: TimelineChart, year: number, ms: number): [number, number] {
  const { x, y } = timelineScale(chart);
  const left = LAYOUT.grid.left;
  const right = CHART_WIDTH - LAYOUT.grid.right;
  const top = LAYOUT.grid.top;
  const bottom = CHART_HEIGHT - LAYOUT.grid.bottom;
  return [
    left + ((year - x.min) / (x.max - x.min)) * (right - left),
    bottom - ((ms - y.min) / (y.max - y.min)) * (bottom - top),
  ];
}

/** The box a margin label takes above its marker: DejaVu Sans digits are about 0.64 em wide. */
export function pointLabelBox(chart: TimelineChart, point: TimelinePoint): [number, number, number, number] {
  const [cx, cy] = plotPosition(chart, fractionalYear(point.date), point.marginMs);
  const width = [...formatMargin(point.marginMs)].length * POINT_LABEL.fontSize * 0.64 + 4;
  const bottom = cy - POINT_LABEL.symbolSize / 2 - POINT_LABEL.gap + 2;
  return [cx - width / 2, bottom - POINT_LABEL.fontSize - 2, cx + width / 2, bottom];
}

/**
 * Which points get a margin label: closest finishes first, and a label only where it overlaps no
 * label already placed and no other marker, so .195 is never printed over .178.
 */
export function labelledPoints(chart: TimelineChart): Set<TimelinePoint> {
  const half = POINT_LABEL.symbolSize / 2;
  const markers = new Map(
    chart.points.map((p) => {
      const [x, y] = plotPosition(chart, fractionalYear(p.date), p.marginMs);
      return [p, [x - half, y - half, x + half, y + half] as [number, number, number, number]];
    }),
  );
  const placed: [number, number, number, number][] = [];
  const shown = new Set<TimelinePoint>();
  const overlaps = (a: number[], b: number[]) =>
    (a[0] ?? 0) < (b[2] ?? 0) &&
    (b[0] ?? 0) < (a[2] ?? 0) &&
    (a[1] ?? 0) < (b[3] ?? 0) &&
    (b[1] ?? 0) < (a[3] ?? 0);
  for (const point of [...chart.points].sort((a, b) => a.marginMs - b.marginMs)) {
    const box = pointLabelBox(chart, point);
    // A label covers neither another label nor another race's marker.
    const blocked = [...markers].some(([other, marker]) => other !== point && overlaps(box, marker));
    if (blocked || placed.some((other) => overlaps(box, other))) continue;
    placed.push(box);
    shown.add(point);
  }
  return shown;
}

function timelineOption(chart: TimelineChart): EChartsOption {
  const empty = chart.points.length === 0;
  const scale = timelineScale(chart);
  const labelled = labelledPoints(chart);
  const points = (outcome: "won" | "second") =>
    chart.points
      .filter((p) => p.outcome === outcome)
      .map((p) => ({
        value: [fractionalYear(p.date), p.marginMs],
        name: p.label,
        label: { show: labelled.has(p) },
      }));
  const marker = (outcome: "won" | "second") => ({
    type: "scatter" as const,
    name: outcome === "won" ? "Won" : "Runner-up",
    data: points(outcome),
    symbol: outcome === "won" ? "circle" : "diamond",
    symbolSize: POINT_LABEL.symbolSize,
    itemStyle: {
      color: outcome === "won" ? COLORS.win : COLORS.second,
      borderColor: COLORS.background,
      borderWidth: 1,
      opacity: 1,
    },
    label: {
      position: "top" as const,
      distance: POINT_LABEL.gap,
      color: COLORS.text,
      fontSize: POINT_LABEL.fontSize,
      formatter: (p: { value: unknown }) => formatMargin((p.value as number[])[1] ?? 0),
    },
  });
  return {
    ...frameOf(chart, empty, ["Won", "Runner-up"]),
    grid: { ...LAYOUT.grid, containLabel: false },
    xAxis: {
      // Years as numbers: ticks on Jan. 1 of whole years, every label a distinct year, the first shown.
      type: "value",
      name: chart.xLabel,
      nameGap: LAYOUT.axisNameGap.x,
      ...scale.x,
      ...valueAxisStyle(),
      axisLabel: { ...axisText, formatter: (year: number) => String(Math.round(year)) },
      splitLine: { show: false },
    },
    yAxis: {
      type: "value",
      name: chart.yLabel,
      nameGap: LAYOUT.axisNameGap.y,
      ...scale.y,
      ...valueAxisStyle(),
      axisLabel: { ...axisText, formatter: (ms: number) => formatMargin(Math.round(ms)) },
    },
    series: [marker("won"), marker("second")],
  };
}

function distributionOption(chart: DistributionChart): EChartsOption {
  const empty = chart.bands.length === 0;
  return {
    ...frameOf(chart, empty, []),
    grid: { ...LAYOUT.grid, containLabel: false },
    xAxis: {
      type: "category",
      data: chart.bands.map((b) => b.label),
      name: chart.xLabel,
      nameGap: LAYOUT.axisNameGap.x,
      ...categoryAxisStyle(),
      axisLabel: {
        ...axisText,
        color: COLORS.text,
        interval: 0,
        fontSize: chart.bands.length > 10 ? 10 : 12,
      },
    },
    yAxis: {
      type: "value",
      name: chart.yLabel,
      nameGap: LAYOUT.axisNameGap.y,
      minInterval: 1,
      ...valueAxisStyle(),
    },
    series: [
      {
        type: "bar",
        name: chart.yLabel,
        data: chart.bands.map((b) => b.count),
        barCategoryGap: "18%",
        itemStyle: { color: COLORS.count },
        label: { show: true, position: "top", color: COLORS.text, fontSize: 12 },
      },
    ],
  };
}

/**
 * The ECharts option for a chart: pure, so what goes into the renderer can be tested without
 * drawing. Every chart carries its title, subtitle, axis names with units, the source and the
 * as-of date.
 */
export function chartOption(chart: ChartData): EChartsOption {
  switch (chart.kind) {
    case "leaderboard":
      return leaderboardOption(chart);
    case "timeline":
      return timelineOption(chart);
    case "distribution":
      return distributionOption(chart);
  }
}
