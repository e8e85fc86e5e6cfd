/**
 * The query module: pure functions over a loaded Dataset. No I/O, no platform code; every figure a
 * command shows is computed here.
 */
export { type BandCount, countByMarginBand } from "./bands.js";
export {
  type Coverage,
  type CoverageRun,
  completeStretch,
  countRacesRun,
  coverageOf,
  isComplete,
} from "./coverage.js";
export {
  CLOSE_MS,
  type CloseRecord,
  type DriverRecord,
  erasWithRaces,
  getDriverRecord,
  getHeadToHead,
  type HeadToHead,
  type Rank,
  rankOf,
  rankPositions,
  rankStandings,
  type Standing,
  type StandingMetric,
  tallyStandings,
  topBy,
} from "./drivers.js";
export {
  type ClosestResult,
  countWinsWithin,
  findClosest,
  findWithinMargin,
  marginScope,
  rankFinishes,
  type Share,
  type WithinMarginResult,
} from "./finishes.js";
export { findRace, latestRace, type RaceRank, rankAmongTimed } from "./races.js";
export {
  findEra,
  getEra,
  inScope,
  makeScope,
  racesIn,
  resultsIn,
  type Scope,
  type ScopeFilter,
  summarizeScope,
  widestEra,
  withDates,
} from "./scope.js";
