import type { Dataset } from "../data/dataset.js";
import type { TimedRace } from "../data/types.js";
import { type Coverage, type CoverageRun, completeStretch, countRacesRun, coverageOf } from "./coverage.js";
import {
  candidates,
  countUpTo,
  inScope,
  isDateOnly,
  racesInDates,
  type Scope,
  summarizeScope,
  withDates,
} from "./scope.js";

/**
 * The part of a scope margin questions are answered over (its coverage window), or undefined when
 * no margins are in the data for any of it.
 */
export function marginScope(scope: Scope, coverage: Coverage): Scope | undefined {
  return coverage.window ? withDates(scope, coverage.window.from, coverage.window.to) : undefined;
}

/**
 * Competition ranks for a closest-first list (1, 2, 2, 4): equal margins share a place. A row past
 * the margin the data holds completely gets no rank, since a race the data lacks could sit above it.
 */
export function rankFinishes(
  races: readonly TimedRace[],
  completeToMs: number,
  window?: { readonly from: string; readonly to: string },
): (number | undefined)[] {
  // Rows outside the window (seasons whose margins are not all in yet) are listed, never ranked, and
  // take no place from the ranked ones.
  const ranked = (race: TimedRace) => !window || (race.date >= window.from && race.date <= window.to);
  let rank = 0;
  let place = 0;
  let previous: number | undefined;
  return races.map((race) => {
    if (!ranked(race)) return undefined;
    place++;
    if (race.marginMs !== previous) rank = place;
    previous = race.marginMs;
    return race.marginMs > completeToMs ? undefined : rank;
  });
}

/** The closest races of a scope, with what the data can vouch for. */
export interface ClosestResult {
  readonly races: readonly TimedRace[];
  /** Each row's place among every finish of the scope; undefined past what the data holds completely. */
  readonly ranks: readonly (number | undefined)[];
  /** How many timed finishes the scope holds in the data, shown or not. */
  readonly recorded: number;
  readonly requested: number;
  readonly coverage: Coverage;
  /** True when these really are the `requested` closest finishes of the scope's window. */
  readonly complete: boolean;
}

/**
 * The `count` closest finishes the data holds in the scope, closest first, ranked over the scope's
 * window (rows from seasons whose margins are not all in yet are listed unranked).
 */
export function findClosest(ds: Dataset, scope: Scope, count: number): ClosestResult {
  const coverage = coverageOf(ds, scope);
  const races: TimedRace[] = [];
  if (scope.from <= scope.to) {
    // Lists are closest first, so the first `count` in scope are the answer: stop there.
    for (const race of candidates(ds, scope)) {
      if (races.length === count) break;
      if (inScope(scope, race)) races.push(race);
    }
  }
  const ranks = rankFinishes(races, coverage.completeToMs, coverage.window);
  const complete =
    coverage.window !== undefined && races.length === count && ranks.every((r) => r !== undefined);
  const recorded = summarizeScope(ds, scope).total;
  return { races, ranks, recorded, requested: count, coverage, complete };
}

/** A share of races given over the stretch of seasons where it is complete. */
export interface Share {
  /** The days and seasons the share is over. */
  readonly stretch: CoverageRun;
  readonly count: number;
  readonly racesRun: number;
  readonly share: number;
}

/** Races decided by at most a margin, with their share of all races the scope ran. */
export interface WithinMarginResult {
  /** The closest of them, at most the `limit` asked for. */
  readonly races: readonly TimedRace[];
  /** How many races the data holds in the scope decided by at most the margin (not just `races`). */
  readonly count: number;
  readonly maxMarginMs: number;
  /** Cup races run in the window, timed or not. */
  readonly racesRun: number;
  readonly coverage: Coverage;
  /** True when every race of the window decided by at most the margin is in the data. */
  readonly complete: boolean;
  /** Count and share over the whole window (complete) or the longest stretch that is complete. */
  readonly share: Share | undefined;
}

function countWithin(ds: Dataset, scope: Scope, maxMarginMs: number, limit: number) {
  let races: TimedRace[] = [];
  let count = 0;
  if (isDateOnly(scope)) {
    // Era-wide: the date index is closest first, so a binary search counts without a scan.
    const inDates = racesInDates(ds, scope);
    count = countUpTo(inDates, maxMarginMs);
    races = inDates.slice(0, Math.min(count, limit));
  } else if (scope.from <= scope.to) {
    for (const race of candidates(ds, scope)) {
      if (race.marginMs > maxMarginMs) break; // lists are closest first
      if (!inScope(scope, race)) continue;
      count++;
      if (races.length < limit) races.push(race);
    }
  }
  return { races, count };
}

/** Races in the scope decided by `maxMarginMs` thousandths or less, closest first (at most `limit`). */
export function findWithinMargin(
  ds: Dataset,
  scope: Scope,
  maxMarginMs: number,
  limit = Number.POSITIVE_INFINITY,
): WithinMarginResult {
  const coverage = coverageOf(ds, scope);
  const window = marginScope(scope, coverage);
  // Every such finish the data holds is listed and counted, pending seasons' too; shares are given
  // only over seasons where every one is known.
  const { races, count } = countWithin(ds, scope, maxMarginMs, limit);
  const racesRun = window ? countRacesRun(ds, window) : 0;
  const complete = window !== undefined && maxMarginMs <= coverage.completeToMs;
  const stretch = completeStretch(coverage, maxMarginMs);
  let share: Share | undefined;
  if (stretch) {
    const part = withDates(scope, stretch.from, stretch.to);
    const partCount = countWithin(ds, part, maxMarginMs, 0).count;
    const partRun = countRacesRun(ds, part);
    if (partRun > 0) share = { stretch, count: partCount, racesRun: partRun, share: partCount / partRun };
  }
  return { races, count, maxMarginMs, racesRun, coverage, complete, share };
}

/**
 * Wins per driver among the scope's races decided by at most `maxMarginMs`, without listing them:
 * era-wide it binary-searches each driver's wins (an index built once per era).
 */
export function countWinsWithin(ds: Dataset, scope: Scope, maxMarginMs: number): Map<string, number> {
  const wins = new Map<string, number>();
  if (!isDateOnly(scope)) {
    for (const race of findWithinMargin(ds, scope, maxMarginMs).races)
      wins.set(race.winnerId, (wins.get(race.winnerId) ?? 0) + 1);
    return wins;
  }
  // Counted over the scope's own dates: callers pass a stretch where every such finish is known.
  const window = scope;
  if (window.from > window.to) return wins;
  const key = `wins-by-driver|${window.from}|${window.to}`;
  let byDriver = ds.memo.get(key) as Map<string, TimedRace[]> | undefined;
  if (!byDriver) {
    byDriver = new Map();
    for (const race of racesInDates(ds, window)) {
      const list = byDriver.get(race.winnerId);
      if (list) list.push(race);
      else byDriver.set(race.winnerId, [race]);
    }
    ds.memo.set(key, byDriver);
  }
  for (const [driverId, list] of byDriver) {
    const n = countUpTo(list, maxMarginMs);
    if (n > 0) wins.set(driverId, n);
  }
  return wins;
}
