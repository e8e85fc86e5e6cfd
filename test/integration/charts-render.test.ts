import { describe, expect, it } from "vitest";
import { answerChartImage, chartId, renderChartImage } from "../../src/charts/index.js";
import { chartOption, EMPTY_CHART_TEXT } from "../../src/charts/options.js";
import { renderChartSvg } from "../../src/charts/render.js";
import { CHART_HEIGHT, CHART_WIDTH, COLORS, chartRegions } from "../../src/charts/theme.js";
import type { Answer } from "../../src/core/answer.js";
import type { ChartData, TimelineChart } from "../../src/core/chart.js";
import { ask } from "../helpers/data.js";
import { memoryLogger } from "../helpers/log.js";
import { countColor, countInk, decodePng, hexToRgb } from "../helpers/png.js";

async function answer(line: string): Promise<Answer> {
  const outcome = await ask(line);
  expect(outcome.status).toBe("answered");
  return outcome.answer;
}

async function chart(line: string): Promise<ChartData> {
  const data = (await answer(line)).chart;
  if (!data) throw new Error(`${line} has no chart`);
  return data;
}

/** Asserts ink in every labelled part of the image, and returns the decoded pixels. */
async function drawn(data: ChartData) {
  const image = await renderChartImage(data);
  const pixels = decodePng(image.png);
  expect([pixels.width, pixels.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  const regions = chartRegions(data.kind);
  // A title of ~40 bold characters at 22 px inks a few thousand pixels; a lost font inks none.
  expect(countInk(pixels, regions.title), "title").toBeGreaterThan(1500);
  expect(countInk(pixels, regions.subtitle), "subtitle").toBeGreaterThan(500);
  expect(countInk(pixels, regions.xName), "x axis name").toBeGreaterThan(300);
  expect(countInk(pixels, regions.yName), "y axis name").toBeGreaterThan(100);
  expect(countInk(pixels, regions.footer), "source and as-of footer").toBeGreaterThan(1500);
  return { image, pixels, regions };
}

describe("chart images", () => {
  it("leaderboard: labels everywhere, stacked amber wins and blue runner-ups in the plot", async () => {
    const { pixels, regions } = await drawn(await chart("/leaders"));
    expect(countColor(pixels, regions.plot, hexToRgb(COLORS.win))).toBeGreaterThan(20_000);
    expect(countColor(pixels, regions.plot, hexToRgb(COLORS.second))).toBeGreaterThan(20_000);
    // Driver names sit left of the plot.
    expect(countInk(pixels, [60, regions.plot[1], regions.plot[0] - 6, regions.plot[3]])).toBeGreaterThan(
      2000,
    );
  });

  it("timeline: a marker per race, wins and runner-ups in their own colours", async () => {
    const { pixels, regions } = await drawn(await chart("/driver Buescher"));
    expect(countColor(pixels, regions.plot, hexToRgb(COLORS.win))).toBeGreaterThan(3 * 100);
    expect(countColor(pixels, regions.plot, hexToRgb(COLORS.second))).toBeGreaterThan(30);
  });

  it("distribution: a bar per band in the plot", async () => {
    const { pixels, regions } = await drawn(await chart("/margin 0.5 nextgen"));
    expect(countColor(pixels, regions.plot, hexToRgb(COLORS.count))).toBeGreaterThan(50_000);
  });

  it("a chart with no data is still a titled, labelled image that says so", async () => {
    const empty: TimelineChart = {
      kind: "timeline",
      title: "Nobody in particular: close finishes over time",
      subtitle: "In the Next Gen era · every race decided by .500 s or less",
      xLabel: "Race date",
      yLabel: "Margin of victory (seconds)",
      asOf: "2024-05-05",
      source: "News article on the closest Cup finishes",
      points: [],
      from: "2022-02-20",
      to: "2024-05-05",
    };
    const { pixels, regions } = await drawn(empty);
    expect(countColor(pixels, regions.plot, hexToRgb(COLORS.win))).toBe(0);
    expect(renderChartSvg(empty)).toContain(EMPTY_CHART_TEXT);
  });

  it("the ink check notices a missing title (it can fail)", async () => {
    const data = await chart("/margin 0.5 nextgen");
    const image = decodePng((await renderChartImage({ ...data, title: "" })).png);
    expect(countInk(image, chartRegions("distribution").title)).toBe(0);
  });

  it("the spec handed to the renderer carries title, axis names with units, source and as-of date", async () => {
    const option = chartOption(await chart("/margin 0.5 nextgen")) as Record<string, unknown>;
    const text = JSON.stringify(option);
    expect(text).toContain("Races by margin of victory in the Next Gen era");
    expect(text).toContain("Margin of victory (seconds)");
    expect(text).toContain("Data as of June 28, 2026");
    expect(text).toContain("Source: Racing-Reference results");
    expect(option.backgroundColor).toBe(COLORS.background);
  });

  it("ids are content addresses: same data, same id; different data, different id", async () => {
    const a = await chart("/leaders nextgen");
    expect(chartId(a)).toBe(chartId(await chart("/leaders nextgen")));
    expect(chartId(a)).not.toBe(chartId(await chart("/leaders all")));
    expect(chartId(a)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("answerChartImage gives a named PNG for an answer with a chart, nothing for one without", async () => {
    const image = await answerChartImage(await answer("/leaders nextgen"));
    expect(image?.filename).toMatch(/^photo-finish-leaderboard-[0-9a-f]{12}\.png$/);
    expect(image?.contentType).toBe("image/png");
    expect(image?.png.subarray(1, 4).toString()).toBe("PNG");
    expect(image?.altText).toMatch(/^Close wins and runner-ups in the Next Gen era \(2022–2024\)\./);
    expect(await answerChartImage(await answer("/closest 3"))).toBeUndefined();
  });

  it("a rendering failure is logged and gives no image, not an exception", async () => {
    const { log, lines } = memoryLogger();
    const broken = { ...(await answer("/leaders")), chart: { kind: "pie" } as unknown as ChartData };
    await expect(answerChartImage(broken, log)).resolves.toBeUndefined();
    expect(lines().some((l) => l.msg === "chart rendering failed" && l.level === 50)).toBe(true);
  });
});
