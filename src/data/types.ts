/** Identifier of an era, as data/dataset.json declares it (e.g. `nextgen`, `all`). */
export type EraId = string;

/** A Cup driver, with the canonical name races.csv uses and the other names fans type. */
export interface Driver {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** A race track, with its common names. */
export interface Track {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Which list of the source article a race was taken from. */
export type SourceList = "nextgen" | "alltime";

/** One race decided by a recorded margin: the unit the whole product is about. */
export interface Race {
  /** Stable id, `<season>-<label slug>`, e.g. `2024-kansas-i`. */
  readonly id: string;
  /** Day the race was completed (a rain-delayed race counts on the day it finished), YYYY-MM-DD. */
  readonly date: string;
  readonly season: number;
  readonly trackId: string;
  /** Official (sponsored) race name, e.g. "AdventHealth 400". */
  readonly raceName: string;
  /** The article's short label without the season, e.g. "Kansas I". */
  readonly label: string;
  readonly winnerId: string;
  readonly runnerUpId: string;
  /** Margin of victory in thousandths of a second (0.001 s = 1). Integers, so never a float compare. */
  readonly marginMs: number;
  readonly lists: readonly SourceList[];
  readonly note: string | undefined;
  /** Where the date and name were confirmed (a URL). */
  readonly source: string;
}

/** A span of racing fans ask about, e.g. the Next Gen era. */
export interface Era {
  readonly id: EraId;
  readonly name: string;
  readonly short: string;
  readonly from: string;
  readonly aliases: readonly string[];
  readonly description: string;
}

/**
 * A slice of history the dataset holds completely: every race in [from, to] whose margin is at most
 * maxMarginMs is in the data. Outside all slices, the data is only a sample.
 */
export interface CoverageSlice {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly maxMarginMs: number;
  readonly description: string;
}

/** How many Cup points races a season had (through `through`, when the season was still running). */
export interface SeasonCount {
  readonly season: number;
  readonly races: number;
  /** Day of the season's first points race. */
  readonly from: string;
  readonly through: string;
  readonly partial: boolean;
}

/** Facts about the dataset as a whole, shown in footers and `/about`. */
export interface DatasetMeta {
  readonly title: string;
  /** Last race day the data reflects, YYYY-MM-DD. */
  readonly asOf: string;
  readonly sourceName: string;
  readonly sourceFile: string;
  readonly verification: string;
}
