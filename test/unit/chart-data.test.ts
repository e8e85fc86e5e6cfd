import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { ChartData } from "../../src/core/chart.js";
import { bandStep } from "../../src/core/chart-data.js";
import { renderTextChart } from "../../src/platforms/terminal/chart.js";
import { renderText } from "../../src/platforms/terminal/render.js";
import { ask } from "../helpers/data.js";

async function answer(line: string): Promise<Answer> {
  const outcome = await ask(line);
  expect(outcome.status, `${line}: ${outcome.answer.summary}`).toBe("answered");
  return outcome.answer;
}

async function chartOf<K extends ChartData["kind"]>(
  line: string,
  kind: K,
): Promise<Extract<ChartData, { kind: K }>> {
  const chart = (await answer(line)).chart;
  expect(chart?.kind, line).toBe(kind);
  return chart as Extract<ChartData, { kind: K }>;
}

describe("chart data from real answers", () => {
  it("/leaders: Larson leads with 5 close wins and 2 runner-ups, stacked per driver", async () => {
    const chart = await chartOf("/leaders nextgen", "leaderboard");
    expect(chart.categories[0]).toBe("Kyle Larson");
    const wins = chart.series.find((s) => s.role === "win");
    const seconds = chart.series.find((s) => s.role === "second");
    expect(wins?.values[0]).toBe(5);
    expect(seconds?.values[0]).toBe(2);
    for (const s of chart.series) expect(s.values).toHaveLength(chart.categories.length);
    // 20 drivers won a Next Gen race by .500 s or less in 2022–2024; 12 are drawn and the rest counted.
    expect(chart.categories.length + chart.omitted).toBe(20);
    expect(chart).toMatchObject({ asOf: "2026-06-28", xLabel: "Close finishes (races)" });
    expect(chart.source).toMatch(/NASCAR's results feed/);
  });

  it("/driver Buescher: a timeline of 3 wins and 1 runner-up, oldest first", async () => {
    const chart = await chartOf("/driver Buescher nextgen", "timeline");
    expect(chart.points.filter((p) => p.outcome === "won")).toHaveLength(3);
    expect(chart.points.filter((p) => p.outcome === "second")).toEqual([
      { date: "2024-05-05", marginMs: 1, outcome: "second", label: "2024 Kansas I" },
    ]);
    expect(chart.points.map((p) => p.date)).toEqual([...chart.points.map((p) => p.date)].sort());
    expect(chart.yLabel).toMatch(/seconds/);
    // The axis spans his finishes, not the era.
    expect([chart.from, chart.to]).toEqual(["2022-09-17", "2024-05-05"]);
  });

  it("/margin 0.5 nextgen: ten .050 s bands adding up to the 38 races of 2022–2024", async () => {
    const chart = await chartOf("/margin 0.5 nextgen", "distribution");
    expect(chart.bands).toHaveLength(10);
    expect(chart.bands.reduce((n, b) => n + b.count, 0)).toBe(38);
    expect(chart.bands[0]).toEqual({ fromMs: 0, toMs: 50, count: 6, label: ".000–.050" });
    expect(chart.bands.at(-1)?.toMs).toBe(500);
    expect(chart.xLabel).toMatch(/seconds/);
  });

  it("/margin past the coverage limit: bands stop at the limit and the subtitle says why", async () => {
    // /margin .02 since 1993: drawn over 1993–2015, the longest stretch complete to .020 s... which
    // is none (.018 s), so over 2018–2024, where every margin is known: five finishes.
    const all = await chartOf("/margin .02", "distribution");
    expect(all.title).toContain("2018–2024");
    expect(all.bands.reduce((n, b) => n + b.count, 0)).toBe(5);
    const tight = await chartOf("/margin .015", "distribution");
    expect(tight.title).toContain("1993–2015");
    expect(tight.bands.reduce((n, b) => n + b.count, 0)).toBe(9);
    const wide = await chartOf("/margin 0.75 nextgen", "distribution");
    expect(wide.bands.reduce((n, b) => n + b.count, 0)).toBe(51);
  });

  it("answers with nothing to draw carry no chart", async () => {
    expect((await answer("/driver Craven nextgen")).chart).toBeUndefined();
    expect((await answer("/closest 5")).chart).toBeUndefined();
  });

  it("band widths are round and give about ten bands", () => {
    expect([500, 8, 10, 1, 333, 2000].map(bandStep)).toEqual([50, 1, 1, 1, 50, 200]);
  });
});

describe("terminal Unicode chart", () => {
  it("draws one bar per leaderboard driver, longest for the leader", async () => {
    const a = await answer("/leaders nextgen");
    const lines = renderTextChart(a.chart as ChartData);
    const larson = lines.find((l) => l.includes("Kyle Larson")) ?? "";
    expect(larson).toMatch(/█+▒+ +5 \+ 2$/);
    // Ranked by close wins: the leader's win segment is the longest.
    const winBars = lines.slice(1, 13).map((l) => (l.match(/█+/)?.[0] ?? "").length);
    expect(winBars[0]).toBe(Math.max(...winBars));
    expect(lines.at(-1)).toBe("  … and 8 more drivers");
  });

  it("marks a driver's wins and runner-ups by date", async () => {
    const lines = renderTextChart((await answer("/driver Buescher nextgen")).chart as ChartData);
    expect(lines.filter((l) => / won /.test(l))).toHaveLength(3);
    expect(lines.find((l) => l.includes("2024 Kansas I"))).toMatch(/^ {2}2024-05-05 {2}▒ +\.001 {2}2nd/);
  });

  it("draws each margin band with its count", async () => {
    const lines = renderTextChart((await answer("/margin 0.5 nextgen")).chart as ChartData);
    expect(lines.slice(1)).toHaveLength(10);
    expect(lines[1]).toMatch(/^ {2}\.000–\.050 {2}█{30} 6$/);
    expect(lines[5]).toMatch(/^ {2}\.200–\.250 {2}█{10} +2$/);
  });

  it("renderText shows the chart for /leaders, /driver and /margin, between the figures and the table", async () => {
    for (const line of ["/leaders", "/driver Buescher", "/margin 0.5 nextgen"]) {
      const text = renderText(await answer(line));
      const chartAt = text.search(/[█▒]/);
      expect(chartAt, line).toBeGreaterThan(0);
      expect(chartAt, line).toBeLessThan(text.indexOf("──"));
    }
    expect(renderText(await answer("/closest 5"))).not.toMatch(/[█▒]/);
  });
});
