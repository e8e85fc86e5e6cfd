import { buildDataset, type Dataset } from "../src/data/dataset.js";
import type { Driver, Race } from "../src/data/types.js";

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A dataset of `size` races shaped like the real one (same eras, coverage, tracks and drivers, plus
 * 500 made-up drivers), generated at bench time and never written to disk: it shows how each
 * query's cost grows with the data.
 */
export function makeSyntheticDataset(real: Dataset, size: number, seed = 1993): Dataset {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const drivers: Driver[] = [...real.drivers.values()];
  for (let i = 0; i < 500; i++)
    drivers.push({ id: `driver-${i}`, name: `Driver ${i} Synthetic`, aliases: [] });
  const tracks = [...real.tracks.values()];
  const races: Race[] = [];
  for (let i = 0; i < size; i++) {
    const season = 1993 + Math.floor(next() * 32); // 1993–2024
    const month = 2 + Math.floor(next() * 9);
    const day = 1 + Math.floor(next() * 28);
    let date = `${season}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (date > real.meta.asOf) date = `${season}-02-2${Math.floor(next() * 8) + 1}`;
    const known = real.seasons.get(season);
    if (known && date < known.from) date = known.from;
    if (known && date > known.through) date = known.through;
    const winner = pick(drivers);
    let runnerUp = pick(drivers);
    while (runnerUp === winner) runnerUp = pick(drivers);
    races.push({
      id: `synthetic-${i}`,
      date,
      season,
      round: i + 1,
      trackId: pick(tracks).id,
      raceName: `Synthetic ${i} 400`,
      label: `Race ${i}`,
      winnerId: winner.id,
      runnerUpId: runnerUp.id,
      // Mostly close, with a long tail, as real margins are.
      finish: "timed",
      marginMs: 1 + Math.floor(next() ** 2 * 3000),
      lineGapMs: undefined,
      resultSource: "racing-reference",
      marginSource: "nascar-feed",
      note: undefined,
      sourceUrl: undefined,
    });
  }
  return buildDataset({
    meta: real.meta,
    races,
    drivers,
    tracks,
    eras: real.eras,
    sources: [...real.sources.values()],
    seasons: [...real.seasons.values()],
  });
}
