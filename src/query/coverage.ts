import type { Dataset } from "../data/dataset.js";
import type { SeasonInfo } from "../data/types.js";
import { racesIn, resultsIn, type Scope, scopeKey, withDates } from "./scope.js";

/** Consecutive seasons of a scope whose margins are equally complete. */
export interface CoverageRun {
  readonly fromSeason: number;
  readonly toSeason: number;
  /** The run's days inside the scope. */
  readonly from: string;
  readonly to: string;
  /** Every timed finish decided by at most this many thousandths is in the data (Infinity: all). */
  readonly completeToMs: number;
}

/** How far a close-finish answer over a scope can be trusted. */
export interface Coverage {
  readonly asOf: string;
  /** The question reaches past the last race day the data holds. */
  readonly pastAsOf: boolean;
  /** No day of the question lies inside both its era and the data. */
  readonly outside: boolean;
  /**
   * The days margin questions are answered over: the scope less its trailing seasons whose margins
   * are not in the data yet (undefined when that is all of it).
   */
  readonly window: { readonly from: string; readonly to: string } | undefined;
  /** Trailing seasons left out of margin answers, and how many races they hold. */
  readonly pending:
    | {
        readonly seasons: readonly number[];
        readonly races: number;
        /** Timed finishes those seasons already hold (listed, never ranked or counted in shares). */
        readonly timed: number;
      }
    | undefined;
  /** Within the window, every timed finish decided by at most this is in the data (Infinity: all). */
  readonly completeToMs: number;
  /** The window's seasons, grouped by how complete their margins are. */
  readonly runs: readonly CoverageRun[];
}

function seasonDays(season: SeasonInfo, scope: Scope): { from: string; to: string } {
  const from = season.from > scope.from ? season.from : scope.from;
  const end = `${season.season}-12-31`;
  return { from, to: end < scope.to ? end : scope.to };
}

/** What the data holds completely over a scope's dates (memoised: the same for every question). */
export function coverageOf(ds: Dataset, scope: Scope): Coverage {
  // The pending race count depends on the scope's filters, so they are part of the key.
  const key = `coverage|${scopeKey(scope)}|${scope.pastAsOf}`;
  const cached = ds.memo.get(key) as Coverage | undefined;
  if (cached) return cached;
  const coverage = computeCoverage(ds, scope);
  ds.memo.set(key, coverage);
  return coverage;
}

function computeCoverage(ds: Dataset, scope: Scope): Coverage {
  const base = { asOf: ds.meta.asOf, pastAsOf: scope.pastAsOf };
  // A season in which the scope held no race (a track not yet built, a driver not yet racing) is
  // missing nothing: it counts as complete, so it never makes a note or a rank doubt a list.
  const inScope = [...ds.seasons.values()].filter(
    (s) => s.from <= scope.to && `${s.season}-12-31` >= scope.from,
  );
  const racesOf = (s: SeasonInfo) => resultsIn(ds, withDates(scope, ...spread(seasonDays(s, scope))));
  const held = inScope.map((s) => ({ season: s, races: racesOf(s).length }));
  // Seasons before the scope's first race (a track not yet built) say nothing about it: left out,
  // so no stretch is named "1993–2024" for a track first raced in 2018.
  while (held.length > 0 && held[0]?.races === 0) held.shift();
  if (scope.from > scope.to || inScope.length === 0)
    return { ...base, outside: true, window: undefined, pending: undefined, completeToMs: 0, runs: [] };
  // Seasons at the end whose margins are not in yet are set aside, not counted as "not close"; an
  // empty season among them (no race there that year) changes nothing.
  let last = held.length;
  while (last > 0 && ((held[last - 1]?.season.marginsCompleteToMs ?? 1) === 0 || held[last - 1]?.races === 0))
    last--;
  const pendingSeasons = held.slice(last).filter((h) => h.races > 0);
  const pending =
    pendingSeasons.length === 0
      ? undefined
      : {
          seasons: pendingSeasons.map((h) => h.season.season),
          races: pendingSeasons.reduce((n, h) => n + h.races, 0),
          timed: pendingSeasons.reduce(
            (n, h) => n + racesIn(ds, withDates(scope, ...spread(seasonDays(h.season, scope)))).length,
            0,
          ),
        };
  // A season in which the scope held no race is missing nothing: complete, so it never makes a note
  // or a rank doubt a list.
  const seasons = held
    .slice(0, last)
    .map((h) => (h.races === 0 ? { ...h.season, marginsCompleteToMs: Number.POSITIVE_INFINITY } : h.season));
  const kept = seasons;
  const runs: CoverageRun[] = [];
  for (const season of kept) {
    const days = seasonDays(season, scope);
    const previous = runs.at(-1);
    if (previous && previous.completeToMs === season.marginsCompleteToMs)
      runs[runs.length - 1] = { ...previous, toSeason: season.season, to: days.to };
    else
      runs.push({
        fromSeason: season.season,
        toSeason: season.season,
        ...days,
        completeToMs: season.marginsCompleteToMs,
      });
  }
  const first = runs[0];
  const lastRun = runs.at(-1);
  return {
    ...base,
    outside: false,
    window: first && lastRun ? { from: first.from, to: lastRun.to } : undefined,
    pending,
    completeToMs: runs.length === 0 ? 0 : Math.min(...runs.map((r) => r.completeToMs)),
    runs,
  };
}

function spread(days: { from: string; to: string }): [string, string] {
  return [days.from, days.to];
}

/** True when the data answers a question about margins up to `marginMs` completely over the window. */
export function isComplete(coverage: Coverage, marginMs: number): boolean {
  return coverage.window !== undefined && marginMs <= coverage.completeToMs;
}

/**
 * The longest stretch of the window (the latest, on a tie) where every finish decided by at most
 * `marginMs` is in the data: where a share or a rank for that margin can be given.
 */
export function completeStretch(coverage: Coverage, marginMs: number): CoverageRun | undefined {
  let best: CoverageRun | undefined;
  let current: CoverageRun | undefined;
  for (const run of coverage.runs) {
    if (run.completeToMs < marginMs) {
      current = undefined;
      continue;
    }
    current = current
      ? {
          ...current,
          toSeason: run.toSeason,
          to: run.to,
          completeToMs: Math.min(current.completeToMs, run.completeToMs),
        }
      : run;
    if (!best || seasonsIn(current) >= seasonsIn(best)) best = current;
  }
  return best;
}

function seasonsIn(run: CoverageRun): number {
  return run.toSeason - run.fromSeason + 1;
}

/** How many Cup points races the scope held, timed or not (results are complete for every season). */
export function countRacesRun(ds: Dataset, scope: Scope): number {
  return resultsIn(ds, scope).length;
}
