/**
 * A neutral description of a chart an answer can be drawn as. Commands build it from query results;
 * src/charts turns it into a PNG and src/platforms/terminal/chart.ts into Unicode bars. Nothing here knows
 * how it is drawn, so the command layer never touches a chart library.
 *
 * Margins are integer thousandths of a second (`marginMs`), as everywhere else in the data.
 */

/** Which picture a chart is. */
export type ChartKind = "leaderboard" | "timeline" | "distribution";

/** What every chart shows besides its data: the words every image must carry. */
export interface ChartFrame {
  readonly title: string;
  /** What the numbers cover, e.g. "Next Gen era · races decided by .500 s or less". */
  readonly subtitle: string;
  /** Horizontal axis name, with its unit, e.g. "Margin of victory (seconds)". */
  readonly xLabel: string;
  /** Vertical axis name, with its unit. */
  readonly yLabel: string;
  /** The data's as-of date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly source: string;
}

/** One series of bars; `values[i]` belongs to the chart's `categories[i]`. */
export interface BarSeries {
  readonly name: string;
  /** Decides the colour: wins and runner-ups look the same in every chart. */
  readonly role: "win" | "second" | "count";
  readonly values: readonly number[];
}

/** Close wins and runner-ups per driver, stacked, best first. */
export interface LeaderboardChart extends ChartFrame {
  readonly kind: "leaderboard";
  /** Driver names, in rank order. */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Drivers left out to keep the chart readable (0 when everyone is shown). */
  readonly omitted: number;
}

/** One race on a driver's timeline. */
export interface TimelinePoint {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly marginMs: number;
  readonly outcome: "won" | "second";
  /** "2024 Kansas I" */
  readonly label: string;
}

/** A driver's close finishes over time: margin by date, wins and runner-ups marked apart. */
export interface TimelineChart extends ChartFrame {
  readonly kind: "timeline";
  readonly points: readonly TimelinePoint[];
  /** The dates the horizontal axis spans (the scope's), YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
}

/** One margin band: races decided by more than `fromMs` and at most `toMs` (the first includes 0). */
export interface MarginBand {
  readonly fromMs: number;
  readonly toMs: number;
  /** ".000–.050" */
  readonly label: string;
  readonly count: number;
}

/** How many races fell in each margin band, up to the limit the data covers completely. */
export interface DistributionChart extends ChartFrame {
  readonly kind: "distribution";
  readonly bands: readonly MarginBand[];
  /** The widest margin the bands reach (the question's limit or the coverage limit, whichever is less). */
  readonly limitMs: number;
}

/** Any chart an answer can carry. */
export type ChartData = LeaderboardChart | TimelineChart | DistributionChart;
