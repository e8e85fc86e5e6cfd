import type { EChartsOption } from "echarts";
import type { ChartData, DistributionChart, LeaderboardChart, TimelineChart } from "../core/chart.js";
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

function timelineOption(chart: TimelineChart): EChartsOption {
  const empty = chart.points.length === 0;
  const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const pad = Math.max(86_400_000, (time(chart.to) - time(chart.from)) * 0.03);
  const points = (outcome: "won" | "second") =>
    chart.points
      .filter((p) => p.outcome === outcome)
      .map((p) => ({ value: [time(p.date), p.marginMs], name: p.label }));
  const marker = (outcome: "won" | "second") => ({
    type: "scatter" as const,
    name: outcome === "won" ? "Won" : "Runner-up",
    data: points(outcome),
    symbol: outcome === "won" ? "circle" : "diamond",
    symbolSize: 16,
    itemStyle: {
      color: outcome === "won" ? COLORS.win : COLORS.second,
      borderColor: COLORS.background,
      borderWidth: 1,
      opacity: 1,
    },
    label: {
      show: true,
      position: "top" as const,
      color: COLORS.text,
      fontSize: 11,
      formatter: (p: { value: unknown }) => formatMargin((p.value as number[])[1] ?? 0),
    },
    // Two races days apart would print their margins on top of each other: keep the first.
    labelLayout: { hideOverlap: true },
  });
  return {
    ...frameOf(chart, empty, ["Won", "Runner-up"]),
    grid: { ...LAYOUT.grid, containLabel: false },
    xAxis: {
      type: "time",
      name: chart.xLabel,
      nameGap: LAYOUT.axisNameGap.x,
      // The whole span asked about, so a quiet stretch shows as one.
      // Padded by 3% each side so a race on the first or last day is not cut in half at the edge.
      min: time(chart.from) - pad,
      max: time(chart.to) + pad,
      ...valueAxisStyle(),
      splitLine: { show: false },
    },
    yAxis: {
      type: "value",
      name: chart.yLabel,
      nameGap: LAYOUT.axisNameGap.y,
      min: 0,
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
