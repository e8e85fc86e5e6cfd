import { compareStrings } from "../core/compare.js";
import type { Dataset } from "../data/dataset.js";
import { normalizeName } from "../data/names.js";
import type { Era, Race, TimedRace } from "../data/types.js";

/** Which races a question is about: an era, narrowed by season, track or driver. */
export interface Scope {
  readonly era: Era;
  /** First day asked about, YYYY-MM-DD. */
  readonly from: string;
  /** Last day asked about, clipped to the data's as-of date. */
  readonly to: string;
  /** True when the question reaches past the as-of date (e.g. the current season). */
  readonly pastAsOf: boolean;
  readonly season?: number;
  readonly trackId?: string;
  readonly driverId?: string;
}

/** What narrows a scope; all optional. */
export interface ScopeFilter {
  readonly season?: number;
  readonly trackId?: string;
  readonly driverId?: string;
  /** Last day to consider (e.g. the source article's date), when earlier than the data's as-of date. */
  readonly until?: string;
}

/** An era name folded for comparison: "Next Gen", "next-gen" and "nextgen" are one key. */
const eraKey = (text: string) => normalizeName(text).replaceAll(" ", "");

/** Each dataset's eras by every folded id and alias, built once (eras are looked up on every request). */
const erasByKey = new WeakMap<readonly Era[], ReadonlyMap<string, Era>>();

/** Finds an era by id or alias ("next-gen", "gen7", "all-time"); undefined when none fits. */
export function findEra(ds: Dataset, text: string): Era | undefined {
  let byKey = erasByKey.get(ds.eras);
  if (!byKey) {
    const built = new Map<string, Era>();
    // The first era declaring a name keeps it, as a search in declaration order would.
    for (const era of ds.eras)
      for (const name of [era.id, ...era.aliases]) if (!built.has(eraKey(name))) built.set(eraKey(name), era);
    byKey = built;
    erasByKey.set(ds.eras, byKey);
  }
  return byKey.get(eraKey(text));
}

/** The era with the given id; throws on an id the data does not declare (a programming error). */
export function getEra(ds: Dataset, id: string): Era {
  const era = ds.eras.find((e) => e.id === id);
  if (!era) throw new Error(`unknown era id ${id}`);
  return era;
}

/** The widest era (every race): the default when a question names none. */
export function widestEra(ds: Dataset): Era {
  return [...ds.eras]
    .filter((e) => e.to === undefined)
    .sort((a, b) => compareStrings(a.from, b.from))[0] as Era;
}

/**
 * Builds the scope of a question: the era, cut to the season when one is given, and clipped to the
 * as-of date; `from > to` means no day of the question lies inside both the era and the data.
 */
export function makeScope(ds: Dataset, era: Era, filter: ScopeFilter = {}): Scope {
  const asOf = filter.until !== undefined && filter.until < ds.meta.asOf ? filter.until : ds.meta.asOf;
  let from = era.from;
  // An open era means "so far": only a season can reach past the as-of date.
  let end = era.to ?? asOf;
  if (filter.season !== undefined) {
    const seasonFrom = ds.seasons.get(filter.season)?.from ?? `${filter.season}-01-01`;
    const seasonEnd = `${filter.season}-12-31`;
    if (seasonFrom > from) from = seasonFrom;
    end = era.to !== undefined && era.to < seasonEnd ? era.to : seasonEnd;
  }
  return {
    era,
    from,
    to: end < asOf ? end : asOf,
    pastAsOf: end > asOf,
    ...(filter.season === undefined ? {} : { season: filter.season }),
    ...(filter.trackId === undefined ? {} : { trackId: filter.trackId }),
    ...(filter.driverId === undefined ? {} : { driverId: filter.driverId }),
  };
}

/** The same question over other dates (a sub-range of the scope). */
export function withDates(scope: Scope, from: string, to: string): Scope {
  return { ...scope, from, to, pastAsOf: false };
}

/** True when the race falls inside the scope. */
export function inScope(scope: Scope, race: Race): boolean {
  return (
    race.date >= scope.from &&
    race.date <= scope.to &&
    (scope.season === undefined || race.season === scope.season) &&
    (scope.trackId === undefined || race.trackId === scope.trackId) &&
    (scope.driverId === undefined || race.winnerId === scope.driverId || race.runnerUpId === scope.driverId)
  );
}

/** True when only dates narrow the scope (an era, or an era cut to a date). */
export function isDateOnly(scope: Scope): boolean {
  return scope.season === undefined && scope.trackId === undefined && scope.driverId === undefined;
}

/**
 * The smallest pre-sorted list of timed races that holds every timed race of the scope, so a query
 * filters dozens of rows rather than the whole history. Every list is closest first.
 */
export function candidates(ds: Dataset, scope: Scope): readonly TimedRace[] {
  if (isDateOnly(scope)) return racesInDates(ds, scope);
  const lists: (readonly TimedRace[])[] = [ds.timed];
  if (scope.driverId !== undefined) lists.push(ds.timedByDriver.get(scope.driverId) ?? []);
  if (scope.trackId !== undefined) lists.push(ds.timedByTrack.get(scope.trackId) ?? []);
  if (scope.season !== undefined) lists.push(ds.timedBySeason.get(scope.season) ?? []);
  return lists.reduce((a, b) => (b.length < a.length ? b : a));
}

/**
 * Every timed race between the scope's dates, closest first: an index built on first use per date
 * range (eras, in practice) and kept, so era-wide questions never rescan the whole history.
 */
export function racesInDates(ds: Dataset, scope: Scope): readonly TimedRace[] {
  const key = `dates|${scope.from}|${scope.to}`;
  const cached = ds.memo.get(key) as readonly TimedRace[] | undefined;
  if (cached) return cached;
  const races =
    scope.from > scope.to ? [] : ds.timed.filter((r) => r.date >= scope.from && r.date <= scope.to);
  ds.memo.set(key, races);
  return races;
}

/** How many races of a closest-first list are decided by at most `maxMs` (binary search). */
export function countUpTo(races: readonly TimedRace[], maxMs: number): number {
  let low = 0;
  let high = races.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((races[mid] as TimedRace).marginMs <= maxMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Every timed race in the scope, closest first (era-wide: the shared index itself, never a copy). */
export function racesIn(ds: Dataset, scope: Scope): readonly TimedRace[] {
  if (scope.from > scope.to) return [];
  if (isDateOnly(scope)) return racesInDates(ds, scope);
  return candidates(ds, scope).filter((race) => inScope(scope, race));
}

/** Every race in the scope, timed or not, in date order (memoised per scope). */
export function resultsIn(ds: Dataset, scope: Scope): readonly Race[] {
  if (scope.from > scope.to) return [];
  const key = `results|${scopeKey(scope)}`;
  const cached = ds.memo.get(key) as readonly Race[] | undefined;
  if (cached) return cached;
  const lists: (readonly Race[])[] = [ds.races];
  if (scope.driverId !== undefined) lists.push(ds.resultsByDriver.get(scope.driverId) ?? []);
  if (scope.trackId !== undefined) lists.push(ds.resultsByTrack.get(scope.trackId) ?? []);
  if (scope.season !== undefined) lists.push(ds.resultsBySeason.get(scope.season) ?? []);
  const list = lists.reduce((a, b) => (b.length < a.length ? b : a)).filter((r) => inScope(scope, r));
  ds.memo.set(key, list);
  return list;
}

/** How many timed races a scope holds and the widest margin among them (memoised per scope). */
export function summarizeScope(
  ds: Dataset,
  scope: Scope,
): { readonly total: number; readonly widestMs: number } {
  const key = `summary|${scopeKey(scope)}`;
  const cached = ds.memo.get(key) as { total: number; widestMs: number } | undefined;
  if (cached) return cached;
  const races = racesIn(ds, scope);
  const summary = { total: races.length, widestMs: races.at(-1)?.marginMs ?? 0 };
  ds.memo.set(key, summary);
  return summary;
}

/** A stable key for memoising figures per scope. */
export function scopeKey(scope: Scope): string {
  return [scope.era.id, scope.from, scope.to, scope.season, scope.trackId, scope.driverId].join("|");
}
