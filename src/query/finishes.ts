import type { Dataset } from "../data/dataset.js";
import type { Race } from "../data/types.js";
import { type Coverage, countRacesRun, coverageOf } from "./coverage.js";
import { candidates, inScope, type Scope } from "./scope.js";

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
  const matching = scope.from > scope.to ? [] : candidates(ds, scope).filter((race) => inScope(scope, race));
  const races = matching.slice(0, count);
  const widest = races.at(-1)?.marginMs ?? 0;
  // A question reaching past the as-of date is answered for the days the data holds; the answer says so.
  const complete = !coverage.outside && races.length === count && widest <= coverage.completeToMs;
  return { races, recorded: matching.length, requested: count, coverage, complete };
}

/** Races decided by at most a margin, with their share of all races the scope ran. */
export interface WithinMarginResult {
  readonly races: readonly Race[];
  readonly maxMarginMs: number;
  /** Cup races run in the scope, when the data knows (84 for the Next Gen era as of 2024-05-05). */
  readonly racesRun: number | undefined;
  /** races.length / racesRun, when both are known and the count is complete. */
  readonly share: number | undefined;
  readonly coverage: Coverage;
  readonly complete: boolean;
}

/** Every race in the scope decided by `maxMarginMs` thousandths or less, closest first. */
export function findWithinMargin(ds: Dataset, scope: Scope, maxMarginMs: number): WithinMarginResult {
  const coverage = coverageOf(ds, scope);
  const races: Race[] = [];
  if (scope.from <= scope.to) {
    for (const race of candidates(ds, scope)) {
      if (race.marginMs > maxMarginMs) break; // lists are closest first
      if (inScope(scope, race)) races.push(race);
    }
  }
  const complete = !coverage.outside && maxMarginMs <= coverage.completeToMs;
  const racesRun = countRacesRun(ds, scope);
  const share = complete && racesRun ? races.length / racesRun : undefined;
  return { races, maxMarginMs, racesRun, share, coverage, complete };
}
