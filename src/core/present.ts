import type { Dataset } from "../data/dataset.js";
import type { Driver, Race, Track } from "../data/types.js";
import type { Coverage } from "../query/coverage.js";
import type { Scope } from "../query/scope.js";
import type { Answer, Choice, FinishRow } from "./answer.js";
import { UserError } from "./errors.js";
import { formatDate, formatMargin, joinNames } from "./format.js";

/** The footer every answer carries: where the data comes from and how fresh it is. */
export function footerOf(data: Dataset): Answer["footer"] {
  return { source: "News article on the closest Cup finishes, checked race by race", asOf: data.meta.asOf };
}

/** A race as a display row; `focus` marks whether that driver won or was second. */
export function toFinishRow(data: Dataset, race: Race, focus?: string): FinishRow {
  const name = (id: string) => data.drivers.get(id)?.name ?? id;
  const record = race.marginMs === data.races[0]?.marginMs;
  return {
    raceId: race.id,
    margin: formatMargin(race.marginMs),
    marginMs: race.marginMs,
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
  if (scope.season !== undefined) parts.push(`in ${scope.season}`);
  else
    parts.push(scope.era.id === "all" ? `since ${scope.era.from.slice(0, 4)}` : `in the ${scope.era.name}`);
  if (scope.trackId !== undefined) parts.push(`at ${shortTrack(data.tracks.get(scope.trackId))}`);
  return parts.join(" ");
}

/** "Talladega" from "Talladega Superspeedway": the first alias is the everyday name. */
export function shortTrack(track: Track | undefined): string {
  return track ? (track.aliases[0] ?? track.name) : "that track";
}

/**
 * Plain sentences on what the data cannot vouch for in this answer. `neededMs` is the widest margin
 * the answer depends on (Infinity when it wanted rows the data may not have).
 */
export function coverageNotes(
  data: Dataset,
  scope: Scope,
  coverage: Coverage,
  neededMs: number,
  shortList?: { readonly shown: number; readonly requested: number },
): string[] {
  const asOf = formatDate(coverage.asOf);
  if (coverage.outside) {
    if (scope.from > coverage.asOf)
      return [`The data runs through ${asOf}; nothing after that is covered yet.`];
    return [
      `That range lies outside the data, which starts in ${data.eras
        .map((e) => e.from)
        .sort()[0]
        ?.slice(0, 4)}.`,
    ];
  }
  const notes: string[] = [];
  if (coverage.pastAsOf) notes.push(`The data runs through ${asOf}; later races are not included.`);
  if (shortList && shortList.shown < shortList.requested && coverage.completeToMs > 0) {
    const widest = formatMargin(coverage.completeToMs);
    notes.push(
      `Only ${shortList.shown} ${shortList.shown === 1 ? "finish" : "finishes"} here ${shortList.shown === 1 ? "was" : "were"} decided by ${widest} s or less, and the data holds no wider ones, so the list stops there.`,
    );
  } else if (neededMs > coverage.completeToMs) {
    const held = joinNames(coverage.slices.map((s) => s.description));
    notes.push(
      coverage.completeToMs > 0
        ? `Not complete: for this range the data holds every finish only up to ${formatMargin(coverage.completeToMs)} s (${held}).`
        : `Not complete: the data holds only ${held}.`,
    );
  }
  return notes;
}

/** Turns a name the user typed into one driver, or a UserError offering a choice or suggestions. */
export function resolveDriver(
  data: Dataset,
  text: string,
  retry: (name: string) => string,
): { driver: Driver; notes: string[] } {
  return resolveNamed(data.driverNames.resolve(text), text, "driver", retry);
}

/** Turns a name the user typed into one track, or a UserError with suggestions. */
export function resolveTrack(
  data: Dataset,
  text: string,
  retry: (name: string) => string,
): { track: Track; notes: string[] } {
  const { driver, notes } = resolveNamed(data.trackNames.resolve(text), text, "track", retry);
  return { track: driver, notes };
}

function resolveNamed<T extends { name: string }>(
  resolution: import("../data/names.js").Resolution<T>,
  text: string,
  what: "driver" | "track",
  retry: (name: string) => string,
): { driver: T; notes: string[] } {
  const choicesOf = (values: readonly T[]): Choice[] =>
    values.map((v) => ({ label: v.name, command: retry(v.name) }));
  switch (resolution.kind) {
    case "match":
      return {
        driver: resolution.value,
        notes: resolution.corrected ? [`Showing ${resolution.value.name} for “${text}”.`] : [],
      };
    case "ambiguous":
      throw new UserError(
        `“${text}” could be ${joinNames(
          resolution.candidates.map((c) => c.name),
          "or",
        )}. Which one?`,
        { title: `Which ${what}?`, choices: choicesOf(resolution.candidates) },
      );
    case "unknown": {
      const hint =
        resolution.suggestions.length > 0
          ? ` Did you mean ${joinNames(
              resolution.suggestions.map((s) => s.name),
              "or",
            )}?`
          : ` The data names only ${what}s with a close finish on record.`;
      throw new UserError(`I don't have a ${what} called “${text}”.${hint}`, {
        title: `Unknown ${what}`,
        choices: choicesOf(resolution.suggestions),
      });
    }
  }
}
