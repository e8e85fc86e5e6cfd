import { compareStrings } from "../core/compare.js";
import { RecentMap } from "../core/recent-map.js";
import { NameIndex } from "./names.js";
import {
  type DatasetMeta,
  type Driver,
  type Era,
  isTimed,
  type Race,
  type SeasonInfo,
  type Source,
  type TimedRace,
  type Track,
} from "./types.js";

/**
 * How many derived figures a dataset keeps. Era-wide figures, asked all the time, stay recent; the
 * cap only drops rare scopes, which are rebuilt in well under a millisecond if asked again.
 */
const MEMO_ENTRIES = 512;

/**
 * The loaded, validated, indexed data. Immutable: a reload builds a new one and swaps it in whole,
 * so a query never sees half of an edit.
 */
export interface Dataset {
  readonly meta: DatasetMeta;
  /** Every race, in date order: results questions (who won, who was second) read these. */
  readonly races: readonly Race[];
  /** Races decided by a timed margin, closest first (ties by date, oldest first). */
  readonly timed: readonly TimedRace[];
  readonly raceById: ReadonlyMap<string, Race>;
  readonly drivers: ReadonlyMap<string, Driver>;
  readonly tracks: ReadonlyMap<string, Track>;
  readonly eras: readonly Era[];
  readonly sources: ReadonlyMap<string, Source>;
  readonly seasons: ReadonlyMap<number, SeasonInfo>;
  readonly driverNames: NameIndex<Driver>;
  readonly trackNames: NameIndex<Track>;
  /** Timed races each driver won or finished second in, closest first. */
  readonly timedByDriver: ReadonlyMap<string, readonly TimedRace[]>;
  readonly timedByTrack: ReadonlyMap<string, readonly TimedRace[]>;
  readonly timedBySeason: ReadonlyMap<number, readonly TimedRace[]>;
  /** Every race each driver won or finished second in, in date order. */
  readonly resultsByDriver: ReadonlyMap<string, readonly Race[]>;
  readonly resultsByTrack: ReadonlyMap<string, readonly Race[]>;
  readonly resultsBySeason: ReadonlyMap<number, readonly Race[]>;
  /**
   * Memo for derived figures (leaderboards, per-scope lists): safe because the dataset never changes.
   * Bounded, because scopes multiply (driver × track × season × dates) and fans choose them.
   */
  readonly memo: RecentMap<string, unknown>;
}

/** Orders timed races closest first, then oldest first, so every list reads the same way everywhere. */
export function compareRaces(a: TimedRace, b: TimedRace): number {
  return a.marginMs - b.marginMs || compareStrings(a.date, b.date);
}

/** Everything a dataset is built from, already validated: plain data, so it can be snapshotted. */
export interface DatasetParts {
  readonly meta: DatasetMeta;
  /** In season and round order. */
  readonly races: readonly Race[];
  readonly drivers: readonly Driver[];
  readonly tracks: readonly Track[];
  readonly eras: readonly Era[];
  readonly sources: readonly Source[];
  readonly seasons: readonly SeasonInfo[];
}

function groupBy<R extends Race, K>(races: readonly R[], keyOf: (race: R) => K[]): Map<K, R[]> {
  const map = new Map<K, R[]>();
  for (const race of races) {
    for (const key of keyOf(race)) {
      const list = map.get(key);
      if (list) list.push(race);
      else map.set(key, [race]);
    }
  }
  return map;
}

/** Builds the indexes over already validated parts. */
export function buildDataset(parts: DatasetParts): Dataset {
  const races = parts.races;
  const timed = races.filter(isTimed).sort(compareRaces);
  const bothDrivers = (r: Race) => [r.winnerId, r.runnerUpId];
  // JSON snapshots turn Infinity into null: restore "every margin known".
  const seasons = parts.seasons.map((s) => ({
    ...s,
    marginsCompleteToMs: s.marginsCompleteToMs ?? Number.POSITIVE_INFINITY,
  }));
  return {
    meta: parts.meta,
    races,
    timed,
    raceById: new Map(races.map((r) => [r.id, r])),
    drivers: new Map(parts.drivers.map((d) => [d.id, d])),
    tracks: new Map(parts.tracks.map((t) => [t.id, t])),
    eras: parts.eras,
    sources: new Map(parts.sources.map((s) => [s.id, s])),
    seasons: new Map(seasons.map((s) => [s.season, s])),
    driverNames: new NameIndex(parts.drivers, { deriveSurname: true }),
    trackNames: new NameIndex(parts.tracks, { deriveSurname: false }),
    timedByDriver: groupBy(timed, bothDrivers),
    timedByTrack: groupBy(timed, (r) => [r.trackId]),
    timedBySeason: groupBy(timed, (r) => [r.season]),
    resultsByDriver: groupBy(races, bothDrivers),
    resultsByTrack: groupBy(races, (r) => [r.trackId]),
    resultsBySeason: groupBy(races, (r) => [r.season]),
    memo: new RecentMap(MEMO_ENTRIES),
  };
}
