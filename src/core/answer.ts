import type { ChartData } from "./chart.js";

/**
 * The neutral answer every command returns. Renderers turn it into a Discord embed, Slack blocks or
 * terminal text; nothing here knows which.
 */

/** What an answer is, which renderers show with a colour or an icon. */
export type Tone = "info" | "record" | "error" | "choice";

/** A key figure, shown as a field ("Close wins: 5"). */
export interface Figure {
  readonly label: string;
  readonly value: string;
}

/** One race in a list of finishes, already formatted for display. */
export interface FinishRow {
  readonly raceId: string;
  /** ".001" for a timed finish; "caution" or "n/a" for a race with no timed margin. */
  readonly margin: string;
  /** Thousandths, for timed finishes only. */
  readonly marginMs?: number;
  /** The row's place in a ranking ("1", "T-2", "–" past what the data ranks); absent: list order. */
  readonly rank?: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** "May 5, 2024" */
  readonly dateText: string;
  readonly season: number;
  /** "2024 Kansas I" */
  readonly label: string;
  /** "AdventHealth 400" */
  readonly raceName: string;
  readonly track: string;
  readonly winner: string;
  readonly runnerUp: string;
  readonly note?: string;
  /** Relative to the driver a question is about: did they win or finish second? */
  readonly outcome?: "won" | "second";
  /** The closest finish in the data (a record). */
  readonly record?: boolean;
}

/** One line of a leaderboard. */
export interface StandingRow {
  /** "1", "T-2" */
  readonly rank: string;
  readonly driver: string;
  readonly wins: number;
  readonly runnerUps: number;
  readonly involved: number;
  readonly raceWins: number;
  readonly raceRunnerUps: number;
}

/** The list an answer carries, if any. */
export type AnswerList =
  | { readonly kind: "finishes"; readonly rows: readonly FinishRow[] }
  | {
      readonly kind: "standings";
      readonly metric: "wins" | "runnerUps" | "involved" | "raceWins" | "raceRunnerUps";
      readonly rows: readonly StandingRow[];
    };

/** A follow-up the user can pick: a button on chat platforms, a suggested line in a terminal. */
export interface Choice {
  readonly label: string;
  /** The full command line that picking it runs, e.g. `/driver Kyle Busch`. */
  readonly command: string;
}

/** Everything a platform needs to show one answer. */
export interface Answer {
  readonly title: string;
  /** One sentence that answers the question on its own. */
  readonly summary: string;
  readonly figures: readonly Figure[];
  readonly list?: AnswerList;
  /** Plain sentences: coverage caveats, corrected names, hints. */
  readonly notes: readonly string[];
  readonly choices?: readonly Choice[];
  readonly footer: { readonly source: string; readonly asOf: string };
  readonly tone: Tone;
  /** Shown only to the asker on chat platforms (errors, suggestions, help). */
  readonly ephemeral: boolean;
  /** A command line that reproduces this answer; paging buttons re-run it. */
  readonly invocation?: string;
  /** For rejected input: the command's usage line. */
  readonly usage?: string;
  /** The answer as a picture, for platforms that can show one (and Unicode bars in a terminal). */
  readonly chart?: ChartData;
}
