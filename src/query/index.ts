/**
 * The query module: pure functions over a loaded Dataset. No I/O, no platform code; every figure a
 * command shows is computed here.
 */
export { type BandCount, countByMarginBand } from "./bands.js";
export { type Coverage, countRacesRun, coverageOf, isComplete } from "./coverage.js";
export {
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
} from "./drivers.js";
export {
  type ClosestResult,
  countWinsWithin,
  findClosest,
  findWithinMargin,
  type WithinMarginResult,
} from "./finishes.js";
export {
  findEra,
  getEra,
  inScope,
  makeScope,
  racesIn,
  type Scope,
  type ScopeFilter,
  summarizeScope,
  widestEra,
} from "./scope.js";
