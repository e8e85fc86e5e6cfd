import type { Dataset } from "../data/dataset.js";
import type { Scope } from "./scope.js";

/** How far an answer can be trusted: what the data holds completely for the scope asked about. */
export interface Coverage {
  /**
   * Every race in the scope decided by this many thousandths or less is in the data; 0 when the data
   * promises nothing for some part of the range.
   */
  readonly completeToMs: number;
  /** The question reaches past the last race day the data holds. */
  readonly pastAsOf: boolean;
  /** The range asked about lies wholly outside the data. */
  readonly outside: boolean;
  readonly asOf: string;
  /** The coverage slices that apply, for telling the user what is complete. */
  readonly slices: readonly { readonly description: string; readonly maxMarginMs: number }[];
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Works out what the data holds completely over the scope's dates. The limit is piecewise constant,
 * changing only where a slice starts or ends, so checking those days (and the first) is exact.
 */
export function coverageOf(ds: Dataset, scope: Scope): Coverage {
  // Asked on every answer, and the same for every question about the same dates: memoised.
  const key = `coverage|${scope.from}|${scope.to}|${scope.pastAsOf}`;
  const cached = ds.memo.get(key) as Coverage | undefined;
  if (cached) return cached;
  const coverage = computeCoverage(ds, scope);
  ds.memo.set(key, coverage);
  return coverage;
}

function computeCoverage(ds: Dataset, scope: Scope): Coverage {
  const outside = scope.from > scope.to;
  const limitAt = (day: string) =>
    Math.max(0, ...ds.coverage.filter((c) => c.from <= day && day <= c.to).map((c) => c.maxMarginMs));
  const days = [scope.from];
  for (const slice of ds.coverage) {
    for (const day of [slice.from, nextDay(slice.to)])
      if (day > scope.from && day <= scope.to) days.push(day);
  }
  const completeToMs = outside ? 0 : Math.min(...days.map(limitAt));
  const slices = ds.coverage
    .filter((c) => c.from <= scope.to && c.to >= scope.from)
    .map((c) => ({ description: c.description, maxMarginMs: c.maxMarginMs }));
  return { completeToMs, pastAsOf: scope.pastAsOf, outside, asOf: ds.meta.asOf, slices };
}

/** True when the data answers a question about margins up to `marginMs` completely, up to the as-of date. */
export function isComplete(coverage: Coverage, marginMs: number): boolean {
  return !coverage.outside && marginMs <= coverage.completeToMs;
}

/**
 * How many Cup points races the scope's dates held, from the season table; undefined when the data
 * does not know (a season without a count, or a range starting mid-season).
 */
export function countRacesRun(ds: Dataset, scope: Scope): number | undefined {
  if (scope.from > scope.to || scope.trackId !== undefined || scope.driverId !== undefined) return undefined;
  let total = 0;
  const first = Number(scope.from.slice(0, 4));
  const last = Number(scope.to.slice(0, 4));
  for (let season = first; season <= last; season++) {
    const count = ds.seasons.get(season);
    if (!count || (season === first && scope.from > count.from)) return undefined;
    if (season === last && scope.to < count.through) return undefined;
    total += count.races;
  }
  return total;
}
