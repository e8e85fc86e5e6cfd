import type { Dataset } from "../data/dataset.js";
import type { Race } from "../data/types.js";
import { type Coverage, countRacesRun, coverageOf } from "./coverage.js";
import {
  candidates,
  countUpTo,
  inScope,
  isDateOnly,
  racesInDates,
  type Scope,
  summarizeScope,
} from "./scope.js";

/** The closest races of a scope, with what the data can vouch for. */
export interface ClosestResult {
  readonly races: readonly Race[];
  /** How many races the scope holds in the data, shown or not. */
  readonly recorded: number;
  readonly requested: number;
  readonly coverage: Coverage;
  /**
   * True when these really are the `requested` closest finishes of the scope: enough rows, and the
   * widest margin shown lies inside what the data holds completely.
   */
  readonly complete: boolean;
}

/** The `count` closest finishes in the scope, closest first. */
export function findClosest(ds: Dataset, scope: Scope, count: number): ClosestResult {
  const coverage = coverageOf(ds, scope);
  // Lists are closest first, so the first `count` in scope are the answer: stop there.
  const races: Race[] = [];
  if (scope.from <= scope.to) {
    for (const race of candidates(ds, scope)) {
      if (races.length === count) break;
      if (inScope(scope, race)) races.push(race);
    }
  }
  const widest = races.at(-1)?.marginMs ?? 0;
  // A question reaching past the as-of date is answered for the days the data holds; the answer says so.
  const complete = !coverage.outside && races.length === count && widest <= coverage.completeToMs;
  return { races, recorded: summarizeScope(ds, scope).total, requested: count, coverage, complete };
}

/** Races decided by at most a margin, with their share of all races the scope ran. */
export interface WithinMarginResult {
  /** The closest of them, at most the `limit` asked for. */
  readonly races: readonly Race[];
  /** How many races in the scope were decided by at most the margin (all of them, not just `races`). */
  readonly count: number;
  readonly maxMarginMs: number;
  /** Cup races run in the scope, when the data knows (84 for the Next Gen era as of 2024-05-05). */
  readonly racesRun: number | undefined;
  /** count / racesRun, when both are known and the count is complete. */
  readonly share: number | undefined;
  readonly coverage: Coverage;
  readonly complete: boolean;
}

/** Races in the scope decided by `maxMarginMs` thousandths or less, closest first (at most `limit`). */
export function findWithinMargin(
  ds: Dataset,
  scope: Scope,
  maxMarginMs: number,
  limit = Number.POSITIVE_INFINITY,
): WithinMarginResult {
  const coverage = coverageOf(ds, scope);
  let races: Race[] = [];
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
  const complete = !coverage.outside && maxMarginMs <= coverage.completeToMs;
  const racesRun = countRacesRun(ds, scope);
  const share = complete && racesRun ? count / racesRun : undefined;
  return { races, count, maxMarginMs, racesRun, share, coverage, complete };
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
  const key = `wins-by-driver|${scope.from}|${scope.to}`;
  let byDriver = ds.memo.get(key) as Map<string, Race[]> | undefined;
  if (!byDriver) {
    byDriver = new Map();
    for (const race of racesInDates(ds, scope)) {
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
