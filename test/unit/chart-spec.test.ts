import { describe, expect, it } from "vitest";
import { chartOption, labelledPoints, pointLabelBox, timelineScale } from "../../src/charts/options.js";
import type { ChartData, TimelineChart } from "../../src/core/chart.js";
import { ask, realData } from "../helpers/data.js";

/** Every driver's timeline, in both eras: the charts a fan can ask for. */
async function everyTimeline(): Promise<TimelineChart[]> {
  const data = await realData();
  const charts: TimelineChart[] = [];
  for (const driver of data.drivers.values())
    for (const era of data.eras) {
      const chart = (await ask(`/driver "${driver.name}" ${era.id}`)).answer.chart;
      if (chart?.kind === "timeline") charts.push(chart);
    }
  return charts;
}

/** The tick values an axis with a fixed min, max and interval shows, and their labels. */
function tickLabels(axis: Record<string, unknown>): string[] {
  const { min, max, interval } = axis as { min: number; max: number; interval: number };
  const format = (axis.axisLabel as { formatter: (v: number) => string }).formatter;
  const labels: string[] = [];
  for (let v = min; v <= max + interval / 1e6; v += interval) labels.push(format(v));
  return labels;
}

const intersects = (a: readonly number[], b: readonly number[]) =>
  (a[0] ?? 0) < (b[2] ?? 0) &&
  (b[0] ?? 0) < (a[2] ?? 0) &&
  (a[1] ?? 0) < (b[3] ?? 0) &&
  (b[1] ?? 0) < (a[3] ?? 0);

describe("timeline chart specs", () => {
  it("every tick label on both axes is distinct, and the first year with a race is labelled", async () => {
    const charts = await everyTimeline();
    expect(charts.length).toBeGreaterThan(20);
    for (const chart of charts) {
      const option = chartOption(chart) as { xAxis: Record<string, unknown>; yAxis: Record<string, unknown> };
      const years = tickLabels(option.xAxis);
      const margins = tickLabels(option.yAxis);
      expect(new Set(years).size, `${chart.title}: ${years}`).toBe(years.length);
      expect(new Set(margins).size, `${chart.title}: ${margins}`).toBe(margins.length);
      const firstYear = chart.points.map((p) => p.date.slice(0, 4)).sort()[0];
      expect(years[0], chart.title).toBe(firstYear);
    }
  });

  it("the axes fit the data: every point inside, none of the span wasted on empty decades", async () => {
    for (const chart of await everyTimeline()) {
      const { x, y } = timelineScale(chart);
      const years = chart.points.map((p) => Number(p.date.slice(0, 4)));
      expect(x.min, chart.title).toBe(Math.min(...years));
      // The axis ends within one tick step after the last race's year.
      expect(x.max - (Math.max(...years) + 1), chart.title).toBeLessThan(x.interval);
      for (const p of chart.points) expect(p.marginMs, chart.title).toBeLessThanOrEqual(y.max);
    }
  });

  it("a .003 finish looks close: its marker sits in the bottom tenth of the margin axis", async () => {
    const chart = (await ask("/driver Suarez")).answer.chart as TimelineChart;
    const { y } = timelineScale(chart);
    expect(chart.points[0]?.marginMs).toBe(3);
    expect(3 / y.max).toBeLessThan(0.1);
  });

  it("no two margin labels overlap, and no label covers another race's marker", async () => {
    for (const chart of await everyTimeline()) {
      const shown = [...labelledPoints(chart)];
      const boxes = shown.map((p) => pointLabelBox(chart, p));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(
            intersects(boxes[i] ?? [], boxes[j] ?? []),
            `${chart.title}: ${shown[i]?.label} / ${shown[j]?.label}`,
          ).toBe(false);
      // The option hands ECharts exactly these labels.
      const option = chartOption(chart) as { series: { data: { label: { show: boolean } }[] }[] };
      const flags = option.series.flatMap((s) => s.data.map((d) => d.label.show));
      expect(flags.filter(Boolean)).toHaveLength(shown.length);
    }
  });

  it("Larson: .195 and .178, a week apart, do not both print their margins on top of each other", async () => {
    const chart = (await ask("/driver Larson")).answer.chart as TimelineChart;
    const shown = [...labelledPoints(chart)].map((p) => p.marginMs);
    expect(shown.includes(195) && shown.includes(178)).toBe(false);
    expect(shown).toContain(1); // the closest always keeps its label
  });
});

describe("distribution chart specs", () => {
  it("a band chart says how many races it covers, over the seasons where they are all known", async () => {
    const answer = (await ask("/margin 0.5 all")).answer;
    const chart = answer.chart as Extract<ChartData, { kind: "distribution" }>;
    const drawn = chart.bands.reduce((n, b) => n + b.count, 0);
    expect(chart.subtitle).toMatch(new RegExp(`^${drawn} races decided by \\.500 s or less`));
    expect(chart.title).toContain("2018–2024");
    expect(drawn).toBe(88);
  });
});
