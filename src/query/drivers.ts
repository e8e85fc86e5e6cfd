import type { Dataset } from "../data/dataset.js";
import { compareNames } from "../data/names.js";
import type { Driver, Race, TimedRace } from "../data/types.js";
import { type Coverage, type CoverageRun, completeStretch, coverageOf } from "./coverage.js";
import { marginScope } from "./finishes.js";
import { countUpTo, makeScope, racesIn, resultsIn, type Scope, scopeKey, withDates } from "./scope.js";

/** What counts as a close finish unless a question says otherwise: the article's half second. */
export const CLOSE_MS = 500;

/** One driver's line in a leaderboard. */
export interface Standing {
  readonly driver: Driver;
  /** Close finishes (decided by at most the leaderboard's margin). */
  readonly wins: number;
  readonly runnerUps: number;
  readonly involved: number;
  /** Every race, timed or not. */
  readonly raceWins: number;
  readonly raceRunnerUps: number;
}

/** What a leaderboard can be ordered by. */
export type StandingMetric = "wins" | "runnerUps" | "involved" | "raceWins" | "raceRunnerUps";

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

/**
 * Totals for every driver in the scope: close wins and runner-ups among its timed races decided by
 * at most `closeMs`, and race wins and runner-ups among all its races (memoised per scope).
 */
export function tallyStandings(ds: Dataset, scope: Scope, closeMs = CLOSE_MS): readonly Standing[] {
  const key = `standings|${scopeKey(scope)}|${closeMs}`;
  const cached = ds.memo.get(key) as readonly Standing[] | undefined;
  if (cached) return cached;
  const tally = new Map<string, Record<"wins" | "runnerUps" | "raceWins" | "raceRunnerUps", number>>();
  const bump = (id: string, field: "wins" | "runnerUps" | "raceWins" | "raceRunnerUps") => {
    const entry = tally.get(id) ?? { wins: 0, runnerUps: 0, raceWins: 0, raceRunnerUps: 0 };
    entry[field]++;
    tally.set(id, entry);
  };
  const timed = racesIn(ds, scope);
  for (const race of timed.slice(0, countUpTo(timed, closeMs))) {
    bump(race.winnerId, "wins");
    bump(race.runnerUpId, "runnerUps");
  }
  for (const race of resultsIn(ds, scope)) {
    bump(race.winnerId, "raceWins");
    bump(race.runnerUpId, "raceRunnerUps");
  }
  const standings = [...tally].map(([id, t]) => ({
    driver: ds.drivers.get(id) as Driver,
    ...t,
    involved: t.wins + t.runnerUps,
  }));
  ds.memo.set(key, standings);
  return standings;
}

/** Standings ordered by a metric (ties broken by the other figures, then by name). */
export function rankStandings(standings: readonly Standing[], metric: StandingMetric): Standing[] {
  const others: StandingMetric[] = (
    ["wins", "involved", "runnerUps", "raceWins", "raceRunnerUps"] as const
  ).filter((m) => m !== metric);
  return standings
    .filter((s) => s[metric] > 0)
    .sort(
      (a, b) =>
        b[metric] - a[metric] ||
        others.reduce((d, m) => d || b[m] - a[m], 0) ||
        compareNames(a.driver.name, b.driver.name),
    );
}

/** Who leads a metric (everyone sharing the top, by name) and with how many; undefined when nobody has any. */
export function topBy(
  standings: readonly Standing[],
  metric: StandingMetric,
): { readonly drivers: readonly Driver[]; readonly value: number } | undefined {
  const ranked = rankStandings(standings, metric);
  const top = ranked[0];
  if (!top) return undefined;
  const drivers = ranked.filter((s) => s[metric] === top[metric]).map((s) => s.driver);
  return { drivers: [...drivers].sort((x, y) => compareNames(x.name, y.name)), value: top[metric] };
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
      .sort((a, b) => compareNames(a.name, b.name)),
    of: standings.filter((s) => s[metric] > 0).length,
  };
}

/** A driver's close finishes over the stretch where they are complete, with share and ranks. */
export interface CloseRecord {
  /** The seasons these figures cover (every finish decided by at most closeMs is in the data). */
  readonly stretch: CoverageRun;
  readonly wins: number;
  readonly runnerUps: number;
  readonly involved: number;
  /** Close finishes in the stretch (the denominator of `share`). */
  readonly total: number;
  readonly share: number;
  readonly winsRank: Rank | undefined;
  readonly runnerUpsRank: Rank | undefined;
  readonly involvedRank: Rank | undefined;
}

/** Everything about one driver in a scope: results from every race, close finishes where known. */
export interface DriverRecord {
  readonly driver: Driver;
  /** Races won and finished second in, every race of the scope, in date order. */
  readonly wins: readonly Race[];
  readonly runnerUps: readonly Race[];
  /** How many races the scope holds. */
  readonly racesRun: number;
  readonly closeMs: number;
  /** Every known timed finish of the driver's decided by at most closeMs in the window, closest first. */
  readonly closeFinishes: readonly TimedRace[];
  /** Share and ranks, over the stretch where close finishes are complete; undefined when none is. */
  readonly close: CloseRecord | undefined;
  /** True when `close` covers the scope's whole window. */
  readonly closeComplete: boolean;
  readonly coverage: Coverage;
}

/** A driver's results, close finishes, share of the scope's close finishes, and ranks. */
export function getDriverRecord(
  ds: Dataset,
  scope: Scope,
  driverId: string,
  closeMs = CLOSE_MS,
): DriverRecord {
  const driver = ds.drivers.get(driverId);
  if (!driver) throw new Error(`unknown driver id ${driverId}`);
  const results = resultsIn(ds, { ...scope, driverId });
  const coverage = coverageOf(ds, scope);
  const _window = marginScope(scope, coverage);
  // Every close finish the data holds is listed, pending seasons' too; share and ranks use `stretch`.
  const timed = racesIn(ds, { ...scope, driverId });
  const closeFinishes = timed.slice(0, countUpTo(timed, closeMs));
  const stretch = completeStretch(coverage, closeMs);
  let close: CloseRecord | undefined;
  if (stretch) {
    const part = withDates(scope, stretch.from, stretch.to);
    const mine = closeFinishes.filter((r) => r.date >= stretch.from && r.date <= stretch.to);
    const all = racesIn(ds, part);
    const total = countUpTo(all, closeMs);
    const standings = tallyStandings(ds, part, closeMs);
    close = {
      stretch,
      wins: mine.filter((r) => r.winnerId === driverId).length,
      runnerUps: mine.filter((r) => r.runnerUpId === driverId).length,
      involved: mine.length,
      total,
      share: total === 0 ? 0 : mine.length / total,
      winsRank: rankOf(standings, driverId, "wins"),
      runnerUpsRank: rankOf(standings, driverId, "runnerUps"),
      involvedRank: rankOf(standings, driverId, "involved"),
    };
  }
  return {
    driver,
    wins: results.filter((r) => r.winnerId === driverId),
    runnerUps: results.filter((r) => r.runnerUpId === driverId),
    racesRun: resultsIn(ds, scope).length,
    closeMs,
    closeFinishes,
    close,
    closeComplete:
      stretch !== undefined &&
      coverage.window !== undefined &&
      stretch.from === coverage.window.from &&
      stretch.to === coverage.window.to,
    coverage,
  };
}

/** Two drivers' 1–2 finishes, each way round, plus both drivers' own records. */
export interface HeadToHead {
  readonly a: DriverRecord;
  readonly b: DriverRecord;
  /** Every race where these two finished first and second, in date order. */
  readonly races: readonly Race[];
  readonly aWins: number;
  readonly bWins: number;
  /** Those of them decided by at most the close margin, closest first. */
  readonly close: readonly TimedRace[];
}

/** The races two drivers finished first and second in, and how each came out. */
export function getHeadToHead(ds: Dataset, scope: Scope, aId: string, bId: string): HeadToHead {
  const a = getDriverRecord(ds, scope, aId);
  const b = getDriverRecord(ds, scope, bId);
  const races = resultsIn(ds, { ...scope, driverId: aId }).filter(
    (r) => r.winnerId === bId || r.runnerUpId === bId,
  );
  return {
    a,
    b,
    races,
    aWins: races.filter((r) => r.winnerId === aId).length,
    bWins: races.filter((r) => r.winnerId === bId).length,
    close: a.closeFinishes.filter((r) => r.winnerId === bId || r.runnerUpId === bId),
  };
}

/** Eras other than the scope's in which the driver won or finished second (for a helpful hint). */
export function erasWithRaces(ds: Dataset, driverId: string): { eraId: string; count: number }[] {
  return ds.eras
    .map((era) => ({ eraId: era.id, count: resultsIn(ds, makeScope(ds, era, { driverId })).length }))
    .filter((e) => e.count > 0);
}
