/** Identifier of an era, as data/dataset.json declares it (e.g. `nextgen`, `all`). */
export type EraId = string;

/** A Cup driver, with the canonical name races.csv uses and the other names fans type. */
export interface Driver {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** A race track (one layout), with one id across renames and the names fans and results use. */
export interface Track {
  readonly id: string;
  readonly name: string;
  /** aliases[0] is the everyday name ("Fontana"); the rest include every official name it raced under. */
  readonly aliases: readonly string[];
  /** For a layout of another track (Bristol's dirt track, the Charlotte Roval): that track's id. */
  readonly venue?: string;
  /** What kind of layout: a dirt one counts among its venue's visits, a road course is its own. */
  readonly layout?: "dirt" | "road";
}

/**
 * How a race ended: `timed` (a margin of victory at the line), `caution` (ended under caution or
 * shortened by rain: no timed margin), or `unknown` (not known yet).
 */
export type Finish = "timed" | "caution" | "unknown";

/** One Cup points race: the unit of the dataset. */
export interface Race {
  /** Stable id, `<season>-<round>`, e.g. `2024-12`. */
  readonly id: string;
  readonly season: number;
  /** Points race number within the season, from 1. */
  readonly round: number;
  /** Day the race was run (a postponed race counts on the day it ran), YYYY-MM-DD. */
  readonly date: string;
  readonly trackId: string;
  /** Official (sponsored) race name, e.g. "AdventHealth 400". */
  readonly raceName: string;
  /** Short label without the season, derived from the schedule: "Kansas I", "Daytona 500". */
  readonly label: string;
  readonly winnerId: string;
  readonly runnerUpId: string;
  readonly finish: Finish;
  /** Margin of victory in thousandths of a second (0.001 s = 1), for timed finishes only. */
  readonly marginMs: number | undefined;
  /** The runner-up's gap at the line when it is not a margin of victory (caution, or unknown finish). */
  readonly lineGapMs: number | undefined;
  /** Source id (dataset.json `sources`) of the winner and runner-up. */
  readonly resultSource: string;
  /** Source id of the finish and margin, when either is known. */
  readonly marginSource: string | undefined;
  readonly note: string | undefined;
  /** URL of a report that confirms the row, where one was checked by hand. */
  readonly sourceUrl: string | undefined;
}

/** A race decided by a timed margin: what every close-finish question is about. */
export interface TimedRace extends Race {
  readonly finish: "timed";
  readonly marginMs: number;
}

/** True when the race was decided by a timed margin. */
export function isTimed(race: Race): race is TimedRace {
  return race.finish === "timed" && race.marginMs !== undefined;
}

/** A span of racing fans ask about, e.g. the Next Gen era. Eras follow one another without gaps. */
export interface Era {
  readonly id: EraId;
  readonly name: string;
  readonly short: string;
  /** Day of the era's first race. */
  readonly from: string;
  /** Last day of a closed era; absent for an open one (it runs to the data's as-of date). */
  readonly to?: string;
  readonly aliases: readonly string[];
  readonly description: string;
}

/** Where facts come from: every race names one for its result and one for its margin. */
export interface Source {
  readonly id: string;
  /** Short name for a figure ("NASCAR's results feed"). */
  readonly name: string;
  /** What exactly was used, for /about and data/README.md. */
  readonly detail: string;
  readonly url: string;
}

/**
 * One season: how many races the data holds, and how complete its margins are.
 * `marginsCompleteToMs`: every timed finish decided by at most this many thousandths is in the
 * data (Infinity: every race's finish and margin is known; 0: nothing is promised).
 */
export interface SeasonInfo {
  readonly season: number;
  /** Races of the season the data holds (validated against races.csv). */
  readonly races: number;
  /** Points races the season has in all. */
  readonly scheduled: number;
  /** Day of the season's first race. */
  readonly from: string;
  /** Day of the last race the data holds. */
  readonly through: string;
  /** True while the data holds fewer races than the season has. */
  readonly partial: boolean;
  readonly marginsCompleteToMs: number;
}

/** Facts about the dataset as a whole, shown in footers and `/about`. */
export interface DatasetMeta {
  readonly title: string;
  /** Day of the last race the data holds, YYYY-MM-DD. */
  readonly asOf: string;
  /** The article the bot started from (its figures stay computable). */
  readonly article: { readonly name: string; readonly file: string; readonly asOf: string };
}
