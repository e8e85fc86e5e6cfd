import type { Dataset } from "../data/dataset.js";
import { numberingVenue } from "../data/labels.js";
import type { Race, TimedRace } from "../data/types.js";
import { type CoverageRun, completeStretch, countRacesRun, coverageOf } from "./coverage.js";
import { countUpTo, makeScope, racesIn, widestEra, withDates } from "./scope.js";

/** Which race a `/race` question names. */
export interface RaceQuery {
  readonly season?: number;
  readonly trackId?: string;
  /** The n-th race of the season at that track (1-based), or the season's n-th round without a track. */
  readonly number?: number;
}

/**
 * Races matching a question, in date order: a season's races at a track (all of them when no number
 * is given), or a season's round.
 */
export function findRace(ds: Dataset, query: RaceQuery): readonly Race[] {
  let races: readonly Race[] =
    query.season === undefined ? ds.races : (ds.resultsBySeason.get(query.season) ?? []);
  if (query.trackId !== undefined) {
    const venueOf = (id: string) => numberingVenue(ds.tracks, id);
    const wanted = query.trackId;
    // "Bristol 1" counts the venue's visits across layouts, as race labels do.
    races = races.filter((r) =>
      venueOf(wanted) === wanted ? venueOf(r.trackId) === wanted : r.trackId === wanted,
    );
    if (query.number !== undefined) {
      const nth = races[query.number - 1];
      return nth ? [nth] : [];
    }
    return races;
  }
  if (query.number !== undefined && query.season !== undefined) {
    const round = races.find((r) => r.round === query.number);
    return round ? [round] : [];
  }
  return races;
}

/** The last race the data holds. */
export function latestRace(ds: Dataset): Race | undefined {
  return ds.races.at(-1);
}

/** Where one timed finish ranks, over the longest stretch of seasons where the ranking is complete. */
export interface RaceRank {
  /** Competition rank: races with a smaller margin, plus one. */
  readonly position: number;
  /** Other finishes with the same margin in the stretch. */
  readonly tiedWith: number;
  /** Timed finishes in the stretch (when every margin is known there), else every race run. */
  readonly of: number;
  readonly ofKind: "timed finishes" | "races";
  readonly stretch: CoverageRun;
}

/** Ranks a timed race among every finish of the data where no closer finish could be missing. */
export function rankAmongTimed(ds: Dataset, race: TimedRace): RaceRank | undefined {
  const scope = makeScope(ds, widestEra(ds));
  const coverage = coverageOf(ds, scope);
  const stretch = completeStretch(coverage, race.marginMs);
  if (!stretch || race.date < stretch.from || race.date > stretch.to) return undefined;
  const part = withDates(scope, stretch.from, stretch.to);
  const timed = racesIn(ds, part);
  const closer = countUpTo(timed, race.marginMs - 1);
  const same = countUpTo(timed, race.marginMs) - closer;
  const everyMargin = stretch.completeToMs === Number.POSITIVE_INFINITY;
  return {
    position: closer + 1,
    tiedWith: same - 1,
    of: everyMargin ? timed.length : countRacesRun(ds, part),
    ofKind: everyMargin ? "timed finishes" : "races",
    stretch,
  };
}
