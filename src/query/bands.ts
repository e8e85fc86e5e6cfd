import type { Dataset } from "../data/dataset.js";
import { coverageOf } from "./coverage.js";
import { marginScope } from "./finishes.js";
import { countUpTo, racesIn, type Scope } from "./scope.js";

/** How many races in a scope fell in one margin band. */
export interface BandCount {
  /** Exclusive lower edge in thousandths (the first band also holds a margin of exactly 0). */
  readonly fromMs: number;
  /** Inclusive upper edge in thousandths. */
  readonly toMs: number;
  readonly count: number;
}

/**
 * Counts the scope's timed races (over its coverage window) per margin band, bands given by
 * ascending edges in thousandths: `[0, 50, 100]` is (0, .050] and (.050, .100]. Every race is
 * counted once; races wider than the last edge are left out.
 */
export function countByMarginBand(ds: Dataset, scope: Scope, edgesMs: readonly number[]): BandCount[] {
  const window = marginScope(scope, coverageOf(ds, scope));
  const races = window ? racesIn(ds, window) : [];
  const bands: BandCount[] = [];
  for (let i = 1; i < edgesMs.length; i++) {
    const fromMs = edgesMs[i - 1] as number;
    const toMs = edgesMs[i] as number;
    const below = i === 1 ? countUpTo(races, fromMs - 1) : countUpTo(races, fromMs);
    bands.push({ fromMs, toMs, count: countUpTo(races, toMs) - below });
  }
  return bands;
}
