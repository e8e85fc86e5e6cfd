import { defineCommand } from "../src/core/command.js";
import { formatDate, formatMargin } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import {
  coverageNotes,
  describeScope,
  footerOf,
  resolveTrack,
  shortTrack,
  toFinishRow,
} from "../src/core/present.js";
import { findClosest, getEra, makeScope } from "../src/query/index.js";
import { eraOption, SEASON_RANGE } from "./shared.js";

/** `/closest [count] [era] [track] [season]`: the closest finishes, closest first. */
export const closest = defineCommand({
  name: "closest",
  description: "The closest finishes, closest first (by era, track or season)",
  options: {
    count: {
      kind: "integer",
      description: "How many finishes to list (1–25, default 10)",
      min: 1,
      max: 25,
      default: 10,
    },
    era: eraOption("all"),
    track: { kind: "track", description: "Only this track, e.g. Talladega" },
    season: { kind: "season", description: "Only this season, e.g. 2023", ...SEASON_RANGE },
  },
  examples: ["/closest", "/closest 5 nextgen", "/closest 5 talladega 2023", "/closest count:3 track:daytona"],
  run({ count, era, track, season }, { data }, self) {
    const invocation = (values: Record<string, unknown>) =>
      formatInvocation(self, { count, era, track, season, ...values });
    const found =
      track === undefined ? undefined : resolveTrack(data, track, (name) => invocation({ track: name }));
    const scope = makeScope(data, getEra(data, era), {
      ...(season === undefined ? {} : { season }),
      ...(found ? { trackId: found.track.id } : {}),
    });
    const result = findClosest(data, scope, count);
    const where = describeScope(data, scope);
    const rows = result.races.map((race) => toFinishRow(data, race));
    const first = result.races[0];
    const widest = result.races.at(-1);
    const summary = first
      ? `${data.drivers.get(first.winnerId)?.name}'s ${formatMargin(first.marginMs)} s win over ${data.drivers.get(first.runnerUpId)?.name} at ${shortTrack(data.tracks.get(first.trackId))} on ${formatDate(first.date)} is the closest ${where}${result.complete || result.races.length < 2 ? "" : " in the data"}.`
      : `The data has no close finish ${where}.`;
    const neededMs = result.races.length < count ? Number.POSITIVE_INFINITY : (widest?.marginMs ?? 0);
    return {
      title:
        count === 1
          ? `Closest Cup finish ${where}`
          : `${result.races.length === count ? `${count} closest` : "Closest"} Cup finishes ${where}`,
      summary,
      figures: first
        ? [
            { label: "Closest", value: `${formatMargin(first.marginMs)} s` },
            { label: "Widest shown", value: `${formatMargin(widest?.marginMs ?? 0)} s` },
            { label: "Shown", value: `${result.races.length} of ${result.recorded} recorded` },
          ]
        : [],
      list: { kind: "finishes", rows },
      notes: [
        ...(found?.notes ?? []),
        ...coverageNotes(data, scope, result.coverage, neededMs, {
          shown: result.races.length,
          requested: count,
        }),
      ],
      footer: footerOf(data),
      tone: rows.some((r) => r.record) ? "record" : "info",
      ephemeral: false,
      invocation: invocation({}),
    };
  },
});
