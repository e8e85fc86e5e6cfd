import type { Answer } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { UserError } from "../src/core/errors.js";
import { formatCount, formatDate, formatMargin, ordinal } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { describeRun, resolveTrack, shortTrack } from "../src/core/present.js";
import type { Dataset } from "../src/data/dataset.js";
import { isTimed, type Race } from "../src/data/types.js";
import { findRace, latestRace, rankAmongTimed } from "../src/query/index.js";
import { SEASON_RANGE } from "./shared.js";

/** One race's card: the neutral answer a chat post or a `/race` reply shows. */
export function raceCard(data: Dataset, race: Race, invocation?: string): Answer {
  const name = (id: string) => data.drivers.get(id)?.name ?? id;
  const track = data.tracks.get(race.trackId);
  const winner = name(race.winnerId);
  const second = name(race.runnerUpId);
  const rank = isTimed(race) ? rankAmongTimed(data, race) : undefined;
  const rankText = rank
    ? `${rank.tiedWith > 0 ? "tied " : ""}${rank.position === 1 ? "the closest" : `${ordinal(rank.position)} closest`} of ${formatCount(rank.of)} ${rank.ofKind} ${describeRun(rank.stretch)}`
    : undefined;
  const how = isTimed(race)
    ? `by ${formatMargin(race.marginMs)} s`
    : race.finish === "caution"
      ? "under caution"
      : data.seasons.get(race.season)?.marginsCompleteToMs === 0
        ? "(margin not in the data yet)"
        : "(no thousandth-of-a-second margin in the data)";
  const source = data.sources.get(race.marginSource ?? race.resultSource);
  return composeAnswer(data, {
    // "2022 Daytona 500", not "2022 Daytona 500: Daytona 500".
    title: race.raceName.toLowerCase().includes(race.label.toLowerCase())
      ? `${race.season} ${race.raceName}`
      : `${race.season} ${race.label}: ${race.raceName}`,
    summary: `${winner} beat ${second} ${how} at ${shortTrack(track)} on ${formatDate(race.date)}${rankText ? `: ${rankText}` : ""}.`,
    figures: [
      { label: "Winner", value: winner },
      { label: "Runner-up", value: second },
      {
        label: "Margin",
        value: isTimed(race)
          ? `${formatMargin(race.marginMs)} s`
          : race.finish === "caution"
            ? `ended under caution${race.lineGapMs !== undefined ? ` (gap at the line ${formatMargin(race.lineGapMs)} s)` : ""}`
            : data.seasons.get(race.season)?.marginsCompleteToMs === 0
              ? "not in the data yet"
              : "none in the data (see the note)",
      },
      ...(rankText ? [{ label: "Rank", value: rankText }] : []),
      { label: "Track", value: track?.name ?? race.trackId },
      { label: "Round", value: `${race.round} of ${data.seasons.get(race.season)?.scheduled ?? "?"}` },
      ...(source ? [{ label: "Source", value: source.name }] : []),
    ],
    notes: [...(race.note ? [race.note] : []), ...(race.sourceUrl ? [`Report: ${race.sourceUrl}`] : [])],
    // A card has no rows to decide its tone from: the closest finish in the data is a record.
    ...(rank?.position === 1 ? { tone: "record" as const } : {}),
    ...(invocation ? { invocation } : {}),
  });
}

/** `/race [season] [track] [number] [latest]`: one race's finish and where it ranks. */
export const race = defineCommand({
  name: "race",
  description: "One race: winner, runner-up, margin, and where the finish ranks",
  options: {
    season: { kind: "season", description: "Season, e.g. 2024", ...SEASON_RANGE },
    track: { kind: "track", description: "Track, e.g. Kansas" },
    number: {
      kind: "integer",
      description: "Which race at that track that season (1, 2…), or a race named by number (Daytona 500)",
      min: 1,
      max: 999,
    },
    pick: {
      kind: "choice",
      description: "latest: the last race the data holds",
      choices: [{ value: "latest", name: "Latest race", aliases: ["last", "newest", "recent"] }],
    },
  },
  examples: ["/race 2024 kansas 1", "/race latest", "/race 2022 talladega 2", "/race 2023 12"],
  run({ season, track, number, pick }, { data }, self) {
    const invocation = (values: Record<string, unknown>) =>
      formatInvocation(self, { season, track, number, pick, ...values });
    if (pick === "latest" || (season === undefined && track === undefined && number === undefined)) {
      const last = latestRace(data);
      if (!last) throw new UserError("The data holds no race yet.");
      return raceCard(data, last, formatInvocation(self, { pick: "latest" }));
    }
    const found =
      track === undefined ? undefined : resolveTrack(data, track, (n) => invocation({ track: n }));
    const query = {
      ...(season === undefined ? {} : { season }),
      ...(found ? { trackId: found.track.id } : {}),
      ...(number === undefined ? {} : { number }),
    };
    // "/race 2022 daytona 500": a number that, with the track's name, is a race's own name.
    const named =
      found && number !== undefined && number > 40
        ? findRace(data, { ...(season === undefined ? {} : { season }), trackId: found.track.id }).filter(
            (r) =>
              r.label === `${found.track.aliases[0] ?? found.track.name} ${number}` ||
              r.label.endsWith(` ${number}`),
          )
        : undefined;
    const races = named ?? findRace(data, query);
    if (races.length === 1) {
      const card = raceCard(
        data,
        races[0] as Race,
        invocation({ ...(found ? { track: found.track.name } : {}) }),
      );
      return { ...card, notes: [...(found?.notes ?? []), ...card.notes] };
    }
    if (races.length === 0)
      throw new UserError(
        season !== undefined && !data.seasons.has(season)
          ? `The data has no ${season} season (it runs from ${data.races[0]?.season} to ${data.meta.asOf.slice(0, 4)}).`
          : `No race matches that${found ? ` at ${shortTrack(found.track)}` : ""}${season !== undefined ? ` in ${season}` : ""}${number !== undefined ? ` (number ${number})` : ""}.`,
      );
    const choices = races.slice(-25).map((r) => ({
      label: `${r.season} ${r.label}`,
      command: formatInvocation(self, {
        season: r.season,
        track: data.tracks.get(r.trackId)?.name,
        // The number findRace reads back for this track: the race's place among its matches.
        number: findRace(data, { season: r.season, trackId: r.trackId }).indexOf(r) + 1,
      }),
    }));
    throw new UserError(`That matches ${races.length} races. Which one?`, { title: "Which race?", choices });
  },
});
