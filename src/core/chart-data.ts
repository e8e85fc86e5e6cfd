import type { Dataset } from "../data/dataset.js";
import type { Driver, TimedRace } from "../data/types.js";
import { countByMarginBand } from "../query/bands.js";
import type { Coverage } from "../query/coverage.js";
import type { Standing } from "../query/drivers.js";
import type { Scope } from "../query/scope.js";
import type { DistributionChart, LeaderboardChart, TimelineChart } from "./chart.js";
import { compareStrings } from "./compare.js";
import { formatMargin } from "./format.js";
import { footerOf } from "./present.js";

/** Drivers on a leaderboard chart: past a dozen, bars get too thin to read in a chat window. */
export const LEADERBOARD_CHART_MAX = 12;
/** A distribution reads best with about ten bands. */
const TARGET_BANDS = 10;

function frame(data: Dataset) {
  const footer = footerOf(data);
  return { asOf: footer.asOf, source: footer.source };
}

/** What the drawn races are: every race up to a limit, or only those the data happens to record. */
function coverageLine(coverage: Coverage, widestMs: number): string {
  if (coverage.completeToMs > 0 && widestMs <= coverage.completeToMs)
    return coverage.completeToMs === Number.POSITIVE_INFINITY
      ? `every race decided by ${formatMargin(widestMs)} s or less`
      : `every race decided by ${formatMargin(coverage.completeToMs)} s or less`;
  if (coverage.completeToMs > 0)
    return `finishes the data holds up to ${formatMargin(widestMs)} s (complete only to ${formatMargin(coverage.completeToMs)} s)`;
  return "finishes the data holds (not a complete list)";
}

/** "in the Next Gen era" → "Next Gen era": subtitles read as labels, not sentences. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Close wins and runner-ups per driver, stacked, for the best `LEADERBOARD_CHART_MAX` by the metric. */
export function leaderboardChart(
  data: Dataset,
  ranked: readonly Standing[],
  where: string,
  coverage: Coverage,
  widestMs: number,
  metricName: string,
  /** Race wins and runner-ups from every race, rather than close ones. */
  races = false,
): LeaderboardChart {
  const shown = ranked.slice(0, LEADERBOARD_CHART_MAX);
  return {
    kind: "leaderboard",
    title: races ? `Wins and runner-ups ${where}` : `Close wins and runner-ups ${where}`,
    subtitle: races
      ? `Every race · ranked by ${metricName}`
      : `${capitalize(coverageLine(coverage, widestMs))} · ranked by ${metricName}`,
    xLabel: races ? "Races" : "Close finishes (races)",
    yLabel: "Driver",
    ...frame(data),
    categories: shown.map((s) => s.driver.name),
    series: races
      ? [
          { name: "Wins", role: "win", values: shown.map((s) => s.raceWins) },
          { name: "Runner-up", role: "second", values: shown.map((s) => s.raceRunnerUps) },
        ]
      : [
          { name: "Close wins", role: "win", values: shown.map((s) => s.wins) },
          { name: "Runner-up", role: "second", values: shown.map((s) => s.runnerUps) },
        ],
    omitted: ranked.length - shown.length,
  };
}

/** One driver's close finishes by date, each marked as a win or a runner-up. */
export function timelineChart(
  data: Dataset,
  driver: Driver,
  races: readonly TimedRace[],
  scope: Scope,
  where: string,
  coverage: Coverage,
  widestMs: number,
): TimelineChart {
  const dated = [...races].sort((a, b) => compareStrings(a.date, b.date));
  return {
    kind: "timeline",
    title: `${driver.name}: close finishes over time`,
    subtitle: `${capitalize(where)} · ${coverageLine(coverage, widestMs)}`,
    xLabel: "Race date",
    yLabel: "Margin of victory (seconds)",
    ...frame(data),
    points: dated.map((race) => ({
      date: race.date,
      marginMs: race.marginMs,
      outcome: race.winnerId === driver.id ? ("won" as const) : ("second" as const),
      label: `${race.season} ${race.label}`,
    })),
    // The axis spans the driver's finishes, not the whole era, so no point sits against an edge.
    from: dated[0]?.date ?? scope.from,
    to: dated.at(-1)?.date ?? scope.to,
  };
}

/** A round band width (1, 2 or 5 times a power of ten, in thousandths) giving about ten bands. */
export function bandStep(limitMs: number): number {
  const raw = Math.max(1, limitMs / TARGET_BANDS);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(1, Math.round(step));
}

/**
 * How many of the scope's races fell in each margin band, up to `maxMs` or the limit the data covers
 * completely, whichever is less: past that limit, counts would describe the data, not the races.
 */
export function distributionChart(
  data: Dataset,
  scope: Scope,
  where: string,
  coverage: Coverage,
  maxMs: number,
): DistributionChart {
  const limitMs = coverage.completeToMs > 0 ? Math.min(maxMs, coverage.completeToMs) : maxMs;
  const step = bandStep(limitMs);
  const edges = [0];
  while ((edges.at(-1) as number) < limitMs) edges.push(Math.min(limitMs, (edges.at(-1) as number) + step));
  // Presentation only: the subtitle counts the races drawn and says when that is fewer than asked.
  const cut =
    limitMs < maxMs
      ? `; not to the ${formatMargin(maxMs)} s asked: the data is complete only to ${formatMargin(limitMs)} s`
      : coverage.completeToMs === 0
        ? " (recorded races only)"
        : "";
  const bands = countByMarginBand(data, scope, edges).map((b) => ({
    ...b,
    label: `${formatMargin(b.fromMs)}–${formatMargin(b.toMs)}`,
  }));
  const drawn = bands.reduce((n, b) => n + b.count, 0);
  return {
    kind: "distribution",
    title: `Races by margin of victory ${where}`,
    subtitle: `${drawn} ${drawn === 1 ? "race" : "races"} decided by ${formatMargin(limitMs)} s or less, in bands of ${formatMargin(step)} s${cut}`,
    xLabel: "Margin of victory (seconds)",
    yLabel: "Races",
    ...frame(data),
    bands,
    limitMs,
  };
}
