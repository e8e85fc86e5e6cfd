import { NameIndex } from "./names.js";
import type { CoverageSlice, DatasetMeta, Driver, Era, Race, SeasonCount, Track } from "./types.js";

/**
 * The loaded, validated, indexed data. Immutable: a reload builds a new one and swaps it in whole,
 * so a query never sees half of an edit.
 */
export interface Dataset {
  readonly meta: DatasetMeta;
  /** Every race, closest first (ties by date, oldest first). */
  readonly races: readonly Race[];
  readonly drivers: ReadonlyMap<string, Driver>;
  readonly tracks: ReadonlyMap<string, Track>;
  readonly eras: readonly Era[];
  readonly coverage: readonly CoverageSlice[];
  readonly seasons: ReadonlyMap<number, SeasonCount>;
  readonly driverNames: NameIndex<Driver>;
  readonly trackNames: NameIndex<Track>;
  /** Races each driver won or finished second in, closest first. */
  readonly racesByDriver: ReadonlyMap<string, readonly Race[]>;
  readonly racesByTrack: ReadonlyMap<string, readonly Race[]>;
  readonly racesBySeason: ReadonlyMap<number, readonly Race[]>;
  /** Memo for derived figures (leaderboards): safe because the dataset never changes. */
  readonly memo: Map<string, unknown>;
}

/** Orders races closest first, then oldest first, so every list reads the same way everywhere. */
export function compareRaces(a: Race, b: Race): number {
  return a.marginMs - b.marginMs || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
}

/** Everything a dataset is built from, already validated: plain data, so it can be snapshotted. */
export interface DatasetParts {
  readonly meta: DatasetMeta;
  readonly races: readonly Race[];
  readonly drivers: readonly Driver[];
  readonly tracks: readonly Track[];
  readonly eras: readonly Era[];
  readonly coverage: readonly CoverageSlice[];
  readonly seasons: readonly SeasonCount[];
}

/** Builds the indexes over already validated parts. */
export function buildDataset(parts: DatasetParts): Dataset {
  const races = [...parts.races].sort(compareRaces);
  const group = <K>(keyOf: (race: Race) => K[]) => {
    const map = new Map<K, Race[]>();
    for (const race of races) {
      for (const key of keyOf(race)) {
        const list = map.get(key);
        if (list) list.push(race);
        else map.set(key, [race]);
      }
    }
    return map;
  };
  return {
    meta: parts.meta,
    races,
    drivers: new Map(parts.drivers.map((d) => [d.id, d])),
    tracks: new Map(parts.tracks.map((t) => [t.id, t])),
    eras: parts.eras,
    coverage: parts.coverage,
    seasons: new Map(parts.seasons.map((s) => [s.season, s])),
    driverNames: new NameIndex(parts.drivers, { deriveSurname: true }),
    trackNames: new NameIndex(parts.tracks, { deriveSurname: false }),
    racesByDriver: group((r) => [r.winnerId, r.runnerUpId]),
    racesByTrack: group((r) => [r.trackId]),
    racesBySeason: group((r) => [r.season]),
    memo: new Map(),
  };
}
