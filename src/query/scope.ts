import type { Dataset } from "../data/dataset.js";
import { normalizeName } from "../data/names.js";
import type { Era, Race } from "../data/types.js";

/** Which races a question is about: an era, narrowed by season, track or driver. */
export interface Scope {
  readonly era: Era;
  /** First day asked about, YYYY-MM-DD. */
  readonly from: string;
  /** Last day asked about, clipped to the data's as-of date. */
  readonly to: string;
  /** True when the question reaches past the as-of date (e.g. season 2024, or 2025). */
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
}

/** Finds an era by id or alias ("next-gen", "gen7", "all-time"); undefined when none fits. */
export function findEra(ds: Dataset, text: string): Era | undefined {
  const wanted = normalizeName(text).replaceAll(" ", "");
  return ds.eras.find((era) =>
    [era.id, ...era.aliases].some((name) => normalizeName(name).replaceAll(" ", "") === wanted),
  );
}

/** The era with the given id; throws on an id the data does not declare (a programming error). */
export function getEra(ds: Dataset, id: string): Era {
  const era = ds.eras.find((e) => e.id === id);
  if (!era) throw new Error(`unknown era id ${id}`);
  return era;
}

/** The widest era: the default when a question names none. */
export function widestEra(ds: Dataset): Era {
  return [...ds.eras].sort((a, b) => (a.from < b.from ? -1 : 1))[0] as Era;
}

function seasonBounds(ds: Dataset, season: number): { from: string; to: string } {
  const known = ds.seasons.get(season);
  return known
    ? { from: known.from, to: `${season}-12-31` }
    : { from: `${season}-01-01`, to: `${season}-12-31` };
}

/**
 * Builds the scope of a question. The range is the era, cut to the season when one is given, and
 * clipped to the as-of date; `from > to` means the question lies wholly outside the data.
 */
export function makeScope(ds: Dataset, era: Era, filter: ScopeFilter = {}): Scope {
  const asOf = ds.meta.asOf;
  let from = era.from;
  // An era is open-ended: "in the Next Gen era" means "so far", so only a season can reach past asOf.
  let end = asOf;
  if (filter.season !== undefined) {
    const bounds = seasonBounds(ds, filter.season);
    if (bounds.from > from) from = bounds.from;
    end = bounds.to;
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

/**
 * The smallest pre-sorted list that holds every race of the scope, so a query filters dozens of rows
 * rather than the whole history. Every list is closest first.
 */
export function candidates(ds: Dataset, scope: Scope): readonly Race[] {
  if (isDateOnly(scope)) return racesInDates(ds, scope);
  const lists: (readonly Race[])[] = [ds.races];
  if (scope.driverId !== undefined) lists.push(ds.racesByDriver.get(scope.driverId) ?? []);
  if (scope.trackId !== undefined) lists.push(ds.racesByTrack.get(scope.trackId) ?? []);
  if (scope.season !== undefined) lists.push(ds.racesBySeason.get(scope.season) ?? []);
  return lists.reduce((a, b) => (b.length < a.length ? b : a));
}

/** True when only dates narrow the scope (an era, or an era cut to the as-of date). */
export function isDateOnly(scope: Scope): boolean {
  return scope.season === undefined && scope.trackId === undefined && scope.driverId === undefined;
}

/**
 * Every race between the scope's dates, closest first: an index built on first use per date range
 * (eras, in practice) and kept, so era-wide questions never rescan the whole history.
 */
export function racesInDates(ds: Dataset, scope: Scope): readonly Race[] {
  const key = `dates|${scope.from}|${scope.to}`;
  const cached = ds.memo.get(key) as readonly Race[] | undefined;
  if (cached) return cached;
  const races =
    scope.from > scope.to ? [] : ds.races.filter((r) => r.date >= scope.from && r.date <= scope.to);
  ds.memo.set(key, races);
  return races;
}

/** How many races of a closest-first list are decided by at most `maxMs` (binary search). */
export function countUpTo(races: readonly Race[], maxMs: number): number {
  let low = 0;
  let high = races.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((races[mid] as Race).marginMs <= maxMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Every race in the scope, closest first (era-wide: the shared index itself, never a copy). */
export function racesIn(ds: Dataset, scope: Scope): readonly Race[] {
  if (scope.from > scope.to) return [];
  if (isDateOnly(scope)) return racesInDates(ds, scope);
  return candidates(ds, scope).filter((race) => inScope(scope, race));
}

/** How many races a scope holds and the widest margin among them (memoised per scope). */
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
