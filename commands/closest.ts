import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { countNoun, formatDate, formatMargin, plural } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import {
  coverageNotes,
  describeOutside,
  describeScope,
  hasUncertainRank,
  rankLabels,
  resolveTrack,
  shortTrack,
  toFinishRow,
  UNRANKED_NOTE,
} from "../src/core/present.js";
import { countRacesRun, findClosest, getEra, makeScope, marginScope } from "../src/query/index.js";
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
    era: eraOption(),
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
    const labels = rankLabels(result.ranks);
    const rows = result.races.map((race, i) => toFinishRow(data, race, undefined, labels[i]));
    const first = result.races[0];
    const widest = result.races.at(-1);
    const name = (id: string) => data.drivers.get(id)?.name ?? id;
    const summary = first
      ? `${name(first.winnerId)}'s ${formatMargin(first.marginMs)} s win over ${name(first.runnerUpId)} at ${shortTrack(data.tracks.get(first.trackId))} on ${formatDate(first.date)} is the closest ${where}${result.ranks[0] === undefined ? " that the data holds" : ""}.`
      : result.coverage.outside
        ? describeOutside(data, scope)
        : countRacesRun(data, scope) === 0
          ? `No Cup race was run ${where}.`
          : `The data holds no timed finish ${where}.`;
    const notes = [...(found?.notes ?? [])];
    const window = marginScope(scope, result.coverage);
    const run = window ? countRacesRun(data, window) : 0;
    if (window && result.races.length < count && first && run > 0) {
      notes.push(
        `The data holds ${countNoun(result.recorded, "timed finish", "timed finishes")} ${where} (${plural(run, "race")} run${result.coverage.completeToMs === Number.POSITIVE_INFINITY ? "" : " in all"}).`,
      );
    }
    if (hasUncertainRank(result.races, result.ranks, result.coverage)) notes.push(UNRANKED_NOTE);
    notes.push(
      ...coverageNotes(data, scope, result.coverage, widest?.marginMs ?? 0).filter((n) => n !== summary),
    );
    return composeAnswer(data, {
      title:
        count === 1
          ? `Closest Cup finish ${where}`
          : `${result.complete ? `${count} closest` : "Closest"} Cup finishes ${where}`,
      summary,
      figures: first
        ? [
            { label: "Closest", value: `${formatMargin(first.marginMs)} s` },
            { label: "Widest shown", value: `${formatMargin(widest?.marginMs ?? 0)} s` },
            {
              label: "Shown",
              value: `${result.races.length} of ${plural(result.recorded, "timed finish", "timed finishes")}`,
            },
          ]
        : [],
      list: { kind: "finishes", rows },
      notes,
      invocation: invocation({ ...(found ? { track: found.track.name } : {}) }),
    });
  },
});
