import type { Dataset } from "../data/dataset.js";
import type { Driver, Race } from "../data/types.js";
import { type Coverage, coverageOf } from "./coverage.js";
import { makeScope, racesIn, type Scope, scopeKey, summarizeScope } from "./scope.js";

/** One driver's line in a leaderboard of close finishes. */
export interface Standing {
  readonly driver: Driver;
  readonly wins: number;
  readonly runnerUps: number;
  readonly involved: number;
}

/** What a leaderboard can be ordered by. */
export type StandingMetric = "wins" | "runnerUps" | "involved";

/** A place in a leaderboard, with everyone who shares it ("tied for second with Byron and Hamlin"). */
export interface Rank {
  /** Competition ranking: 1, 2, 2, 2, 5. */
  readonly position: number;
  readonly value: number;
  /** Other drivers with the same value. */
  readonly tiedWith: readonly Driver[];
  /** How many drivers have a value above zero. */
  readonly of: number;
}

/** Close-finish totals for every driver in the scope (memoised per scope: the dataset never changes). */
export function tallyStandings(ds: Dataset, scope: Scope): readonly Standing[] {
  const key = `standings|${scopeKey(scope)}`;
  const cached = ds.memo.get(key) as readonly Standing[] | undefined;
  if (cached) return cached;
  const tally = new Map<string, { wins: number; runnerUps: number }>();
  const bump = (id: string, field: "wins" | "runnerUps") => {
    const entry = tally.get(id) ?? { wins: 0, runnerUps: 0 };
    entry[field]++;
    tally.set(id, entry);
  };
  for (const race of racesIn(ds, scope)) {
    bump(race.winnerId, "wins");
    bump(race.runnerUpId, "runnerUps");
  }
  const standings = [...tally].map(([id, t]) => ({
    driver: ds.drivers.get(id) as Driver,
    wins: t.wins,
    runnerUps: t.runnerUps,
    involved: t.wins + t.runnerUps,
  }));
  ds.memo.set(key, standings);
  return standings;
}

/** Standings ordered by a metric (ties broken by the other figures, then by name). */
export function rankStandings(standings: readonly Standing[], metric: StandingMetric): Standing[] {
  const others: StandingMetric[] = (["wins", "involved", "runnerUps"] as const).filter((m) => m !== metric);
  return standings
    .filter((s) => s[metric] > 0)
    .sort(
      (a, b) =>
        b[metric] - a[metric] ||
        others.reduce((d, m) => d || b[m] - a[m], 0) ||
        a.driver.name.localeCompare(b.driver.name),
    );
}

/** Every driver's place by one metric in one pass: position and how many share it. */
export function rankPositions(
  standings: readonly Standing[],
  metric: StandingMetric,
): Map<string, { readonly position: number; readonly sharedBy: number }> {
  const ranked = rankStandings(standings, metric);
  const sharedBy = new Map<number, number>();
  for (const s of ranked) sharedBy.set(s[metric], (sharedBy.get(s[metric]) ?? 0) + 1);
  const positions = new Map<string, { position: number; sharedBy: number }>();
  let position = 1;
  ranked.forEach((s, index) => {
    if (index > 0 && s[metric] < (ranked[index - 1] as Standing)[metric]) position = index + 1;
    positions.set(s.driver.id, { position, sharedBy: sharedBy.get(s[metric]) ?? 1 });
  });
  return positions;
}

/** A driver's place by one metric; undefined when the driver has none of it. */
export function rankOf(
  standings: readonly Standing[],
  driverId: string,
  metric: StandingMetric,
): Rank | undefined {
  const mine = standings.find((s) => s.driver.id === driverId);
  if (!mine || mine[metric] === 0) return undefined;
  const value = mine[metric];
  return {
    position: 1 + standings.filter((s) => s[metric] > value).length,
    value,
    tiedWith: standings
      .filter((s) => s[metric] === value && s.driver.id !== driverId)
      .map((s) => s.driver)
      .sort((a, b) => a.name.localeCompare(b.name)),
    of: standings.filter((s) => s[metric] > 0).length,
  };
}

/** Everything about one driver's close finishes in a scope. */
export interface DriverRecord {
  readonly driver: Driver;
  readonly wins: readonly Race[];
  readonly runnerUps: readonly Race[];
  /** Every race the driver won or finished second in, closest first. */
  readonly races: readonly Race[];
  /** All recorded close finishes in the scope (the denominator of `share`). */
  readonly scopeTotal: number;
  /** The widest margin among them: past the coverage limit, share and rank rest on a sample. */
  readonly scopeWidestMs: number;
  readonly share: number;
  readonly winsRank: Rank | undefined;
  readonly runnerUpsRank: Rank | undefined;
  readonly involvedRank: Rank | undefined;
  readonly coverage: Coverage;
}

/** A driver's close wins, close runner-ups, share of the scope's close finishes, and rank. */
export function getDriverRecord(ds: Dataset, scope: Scope, driverId: string): DriverRecord {
  const driver = ds.drivers.get(driverId);
  if (!driver) throw new Error(`unknown driver id ${driverId}`);
  const races = racesIn(ds, { ...scope, driverId });
  const standings = tallyStandings(ds, scope);
  const { total: scopeTotal, widestMs: scopeWidestMs } = summarizeScope(ds, scope);
  return {
    driver,
    wins: races.filter((r) => r.winnerId === driverId),
    runnerUps: races.filter((r) => r.runnerUpId === driverId),
    races,
    scopeTotal,
    scopeWidestMs,
    share: scopeTotal === 0 ? 0 : races.length / scopeTotal,
    winsRank: rankOf(standings, driverId, "wins"),
    runnerUpsRank: rankOf(standings, driverId, "runnerUps"),
    involvedRank: rankOf(standings, driverId, "involved"),
    coverage: coverageOf(ds, scope),
  };
}

/** Close finishes between two drivers, each way round, plus both drivers' own records. */
export interface HeadToHead {
  readonly a: DriverRecord;
  readonly b: DriverRecord;
  /** Races where these two finished first and second, closest first. */
  readonly races: readonly Race[];
  readonly aWins: number;
  readonly bWins: number;
}

/** The races two drivers decided between them, and how each came out. */
export function getHeadToHead(ds: Dataset, scope: Scope, aId: string, bId: string): HeadToHead {
  const a = getDriverRecord(ds, scope, aId);
  const b = getDriverRecord(ds, scope, bId);
  const races = a.races.filter((r) => r.winnerId === bId || r.runnerUpId === bId);
  return {
    a,
    b,
    races,
    aWins: races.filter((r) => r.winnerId === aId).length,
    bWins: races.filter((r) => r.winnerId === bId).length,
  };
}

/** Eras other than the scope's in which the driver has recorded close finishes (for a helpful hint). */
export function erasWithRaces(ds: Dataset, driverId: string): { eraId: string; count: number }[] {
  return ds.eras
    .map((era) => ({ eraId: era.id, count: racesIn(ds, makeScope(ds, era, { driverId })).length }))
    .filter((e) => e.count > 0);
}
