import type { Dataset } from "../data/dataset.js";
import type { Driver, Race, TimedRace, Track } from "../data/types.js";
import type { Coverage, CoverageRun } from "../query/coverage.js";
import { rankFinishes } from "../query/finishes.js";
import { resultsIn, type Scope, withDates } from "../query/scope.js";
import type { Answer, Choice, FinishRow } from "./answer.js";
import { UserError } from "./errors.js";
import { formatDate, formatMargin, joinNames, plural, sentence } from "./format.js";

/** The footer every answer carries: where the data comes from and how fresh it is. */
export function footerOf(data: Dataset): Answer["footer"] {
  return {
    source: "Racing-Reference results, NASCAR's results feed and published closest-finish lists",
    asOf: data.meta.asOf,
  };
}

/** "1", "T-2"; "–" for a row past what the data can rank. */
export function formatRank(rank: number | undefined, tied: boolean): string {
  if (rank === undefined) return "–";
  return `${tied ? "T-" : ""}${rank}`;
}

/** Competition ranks as display strings: ties marked "T-". */
export function rankLabels(ranks: readonly (number | undefined)[]): string[] {
  const counts = new Map<number, number>();
  for (const r of ranks) if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
  return ranks.map((r) => formatRank(r, r !== undefined && (counts.get(r) ?? 0) > 1));
}

/** How a race ended, for a list cell: ".001", "caution", "n/a". */
export function marginCell(race: Race): string {
  if (race.finish === "timed" && race.marginMs !== undefined) return formatMargin(race.marginMs);
  return race.finish === "caution" ? "caution" : "n/a";
}

/** A race as a display row; `focus` marks whether that driver won or was second. */
export function toFinishRow(data: Dataset, race: Race, focus?: string, rank?: string): FinishRow {
  const name = (id: string) => data.drivers.get(id)?.name ?? id;
  const record = race.marginMs !== undefined && race.marginMs === data.timed[0]?.marginMs;
  return {
    raceId: race.id,
    margin: marginCell(race),
    ...(race.finish === "timed" && race.marginMs !== undefined ? { marginMs: race.marginMs } : {}),
    ...(rank === undefined ? {} : { rank }),
    date: race.date,
    dateText: formatDate(race.date),
    season: race.season,
    label: `${race.season} ${race.label}`,
    raceName: race.raceName,
    track: data.tracks.get(race.trackId)?.name ?? race.trackId,
    winner: name(race.winnerId),
    runnerUp: name(race.runnerUpId),
    ...(race.note ? { note: race.note } : {}),
    ...(focus === undefined
      ? {}
      : { outcome: race.winnerId === focus ? ("won" as const) : ("second" as const) }),
    ...(record ? { record: true } : {}),
  };
}

/** "in the Next Gen era", "since 1993", narrowed: "at Talladega in 2023". */
export function describeScope(data: Dataset, scope: Scope): string {
  const parts: string[] = [];
  if (scope.season !== undefined) {
    // A season the era only partly covers ("2007" of the Gen 4 era) names the era, or counts look wrong.
    const seasonFrom = data.seasons.get(scope.season)?.from ?? `${scope.season}-01-01`;
    const split =
      scope.era.from > seasonFrom || (scope.era.to !== undefined && scope.era.to < `${scope.season}-12-31`);
    parts.push(split ? `in the ${scope.era.short} part of ${scope.season}` : `in ${scope.season}`);
  } else if (scope.era.to === undefined && scope.era.from === data.races[0]?.date)
    parts.push(`since ${scope.era.from.slice(0, 4)}`);
  else parts.push(`in the ${scope.era.name}`);
  if (scope.trackId !== undefined) parts.push(`at ${shortTrack(data.tracks.get(scope.trackId))}`);
  return parts.join(" ");
}

/** "Talladega" from "Talladega Superspeedway": the first alias is the everyday name. */
export function shortTrack(track: Track | undefined): string {
  return track ? (track.aliases[0] ?? track.name) : "that track";
}

/** "2018–2024", or "2018" for one season. */
export function describeSeasons(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** "2018–2024" for a coverage run. */
export function describeRun(run: CoverageRun): string {
  return describeSeasons(run.fromSeason, run.toSeason);
}

/** Why a scope holds no day of the data: before or after its era, or outside the data's seasons. */
export function describeOutside(data: Dataset, scope: Scope): string {
  const first = data.races[0]?.season ?? 1993;
  const asOf = formatDate(data.meta.asOf);
  if (scope.season !== undefined) {
    const eraFrom = scope.era.from.slice(0, 4);
    if (scope.season < first) return `The data starts with the ${first} season.`;
    if (scope.season > Number(data.meta.asOf.slice(0, 4)))
      return `The data runs through ${asOf}; ${scope.season} is not in it yet.`;
    if (`${scope.season}-12-31` < scope.era.from)
      return `${scope.season} is before the ${scope.era.name}, which began in ${eraFrom}.`;
    if (scope.era.to !== undefined && `${scope.season}-01-01` > scope.era.to)
      return `${scope.season} is after the ${scope.era.name} (${eraFrom}–${scope.era.to.slice(0, 4)}).`;
  }
  return `The data runs through ${asOf}; nothing later is in it yet.`;
}

/** "2025 and 2026" from a list of seasons. */
function listSeasons(seasons: readonly number[]): string {
  const first = seasons[0];
  const last = seasons.at(-1);
  if (first === undefined || last === undefined) return "";
  return seasons.length > 2 ? `${first}–${last}` : joinNames(seasons.map(String));
}

/**
 * Plain, true sentences on what an answer about margins up to `neededMs` covers: seasons whose
 * margins are not in yet, stretches where only the closest finishes are known, a question that runs
 * past the data. Nothing is said where the data holds every finish the answer depends on.
 */
export function coverageNotes(data: Dataset, scope: Scope, coverage: Coverage, neededMs: number): string[] {
  if (coverage.outside) return [describeOutside(data, scope)];
  const notes: string[] = [];
  if (coverage.pastAsOf)
    notes.push(`The data runs through ${formatDate(coverage.asOf)}; later races are not in it yet.`);
  if (coverage.pending) {
    const { seasons, races, timed } = coverage.pending;
    const some = timed > 0 ? ` (${timed} of them ${timed === 1 ? "is" : "are"}, listed but not ranked)` : "";
    const span = coverage.window
      ? describeSeasons(Number(coverage.window.from.slice(0, 4)), Number(coverage.window.to.slice(0, 4)))
      : undefined;
    notes.push(
      span
        ? `Margins for ${listSeasons(seasons)} (${plural(races, "race")}) are not all in the data yet${some}, so ranks and shares cover ${span}.`
        : `Margins for ${listSeasons(seasons)} are not all in the data yet${some}: results (winner and runner-up) are.`,
    );
  }
  // Runs are named by the seasons the scope raced in: Kentucky's last complete run is 2018–2020,
  // not 2018–2026 (seasons without a race there are complete only because nothing can be missing).
  const raced = (run: CoverageRun) => {
    const races = resultsIn(data, withDates(scope, run.from, run.to));
    const first = races[0];
    const last = races.at(-1);
    return first && last ? describeSeasons(first.season, last.season) : undefined;
  };
  const short = coverage.runs.filter((r) => r.completeToMs < neededMs);
  if (short.length > 0) {
    const full = coverage.runs
      .filter((r) => r.completeToMs === Number.POSITIVE_INFINITY)
      .map(raced)
      .filter((text): text is string => text !== undefined);
    const partial = short.map((r) =>
      r.completeToMs === 0
        ? `${raced(r) ?? describeRun(r)} (none yet)`
        : `${raced(r) ?? describeRun(r)} (to ${formatMargin(r.completeToMs)} s)`,
    );
    notes.push(
      `Not complete past ${formatMargin(Math.min(...short.map((r) => r.completeToMs)))} s: for ${joinNames(partial)} the data holds only the closest finishes, from published lists${
        full.length > 0 ? `; every margin is known for ${joinNames(full)}` : ""
      }.`,
    );
  }
  return notes;
}

/** Said under a list with rows marked "–": why they have no rank. */
export const UNRANKED_NOTE =
  "Rows marked – are not ranked: a finish the data lacks could be closer than they are.";

/**
 * Closest-first races as rows numbered by competition rank (equal margins share a place, "T-2"),
 * "–" past the margin the data holds completely; `unranked` says whether any row is so marked.
 */
export function rankedRows(
  data: Dataset,
  races: readonly TimedRace[],
  coverage: Coverage,
  focus?: string,
): { rows: FinishRow[]; unranked: boolean } {
  const ranks = rankFinishes(races, coverage.completeToMs, coverage.window);
  const labels = rankLabels(ranks);
  return {
    rows: races.map((race, i) => toFinishRow(data, race, focus, labels[i])),
    // Rows from seasons whose margins are not all in are explained by the coverage note instead.
    unranked: ranks.some(
      (r, i) =>
        r === undefined &&
        coverage.window !== undefined &&
        (races[i] as TimedRace).date <= coverage.window.to,
    ),
  };
}

/**
 * True when a row of a ranked list is unnumbered because a finish the data lacks could be closer,
 * not because its season's margins are not all in yet (the coverage note says that).
 */
export function hasUncertainRank(
  races: readonly TimedRace[],
  ranks: readonly (number | undefined)[],
  coverage: Coverage,
): boolean {
  const windowTo = coverage.window?.to;
  return ranks.some(
    (r, i) => r === undefined && windowTo !== undefined && (races[i] as TimedRace).date <= windowTo,
  );
}

/** Turns a name the user typed into one driver, or a UserError offering a choice or suggestions. */
export function resolveDriver(
  data: Dataset,
  text: string,
  retry: (name: string) => string,
): { driver: Driver; notes: string[] } {
  const { value, notes } = resolveNamed(data.driverNames.resolve(text), text, "driver", retry);
  return { driver: value, notes };
}

/** Turns a name the user typed into one track, or a UserError with suggestions. */
export function resolveTrack(
  data: Dataset,
  text: string,
  retry: (name: string) => string,
): { track: Track; notes: string[] } {
  const { value, notes } = resolveNamed(data.trackNames.resolve(text), text, "track", retry);
  return { track: value, notes };
}

function resolveNamed<T extends { name: string }>(
  resolution: import("../data/names.js").Resolution<T>,
  text: string,
  what: "driver" | "track",
  retry: (name: string) => string,
): { value: T; notes: string[] } {
  const choicesOf = (values: readonly T[]): Choice[] =>
    values.map((v) => ({ label: v.name, command: retry(v.name) }));
  switch (resolution.kind) {
    case "match":
      return {
        value: resolution.value,
        notes: resolution.corrected ? [`Showing ${resolution.value.name} for “${text}”.`] : [],
      };
    case "ambiguous":
      throw new UserError(
        `${sentence(
          `“${text}” could be ${joinNames(
            resolution.candidates.map((c) => c.name),
            "or",
          )}`,
        )} Which one?`,
        { title: `Which ${what}?`, choices: choicesOf(resolution.candidates) },
      );
    case "unknown": {
      const hint =
        resolution.suggestions.length > 0
          ? ` Did you mean ${joinNames(
              resolution.suggestions.map((s) => s.name),
              "or",
            )}?`
          : what === "driver"
            ? " The data names every Cup winner and runner-up since 1993."
            : " The data names every Cup track raced since 1993.";
      throw new UserError(`I don't have a ${what} called “${text}”.${hint}`, {
        title: `Unknown ${what}`,
        choices: choicesOf(resolution.suggestions),
      });
    }
  }
}
