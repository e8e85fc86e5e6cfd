import { defineCommand } from "../src/core/command.js";
import { formatMargin, joinNames } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeScope, footerOf, resolveTrack, toFinishRow } from "../src/core/present.js";
import { findClosest, getEra, makeScope, rankStandings, tallyStandings } from "../src/query/index.js";
import { eraOption, MAX_ROWS } from "./shared.js";

/** `/track <name> [era]`: every recorded close finish at one track. */
export const track = defineCommand({
  name: "track",
  description: "Close finishes at one track, closest first",
  options: {
    name: {
      kind: "track",
      description: "Track, e.g. Talladega, Daytona, Las Vegas",
      required: true,
      placeholder: "track",
    },
    era: eraOption("all"),
  },
  examples: ["/track Talladega", "/track daytona nextgen", '/track "Las Vegas"'],
  run({ name, era }, { data }, self) {
    const { track: place, notes } = resolveTrack(data, name, (n) => formatInvocation(self, { name: n, era }));
    const scope = makeScope(data, getEra(data, era), { trackId: place.id });
    const result = findClosest(data, scope, MAX_ROWS);
    const where = describeScope(data, scope);
    const leaders = rankStandings(tallyStandings(data, scope), "wins");
    const top = leaders[0];
    const topNames = leaders.filter((s) => s.wins === top?.wins).map((s) => s.driver.name);
    const first = result.races[0];
    return {
      title: `Close finishes ${where}`,
      summary: first
        ? `${result.recorded} close ${result.recorded === 1 ? "finish" : "finishes"} recorded ${where}; the closest was ${formatMargin(first.marginMs)} s in the ${first.season} ${first.raceName}.`
        : `The data has no close finish ${where}.`,
      figures: first
        ? [
            { label: "Recorded", value: String(result.recorded) },
            { label: "Closest", value: `${formatMargin(first.marginMs)} s (${first.season})` },
            { label: "Most close wins here", value: `${joinNames(topNames)} (${top?.wins})` },
          ]
        : [],
      list: { kind: "finishes", rows: result.races.map((race) => toFinishRow(data, race)) },
      notes: [...notes, ...coverageNotes(data, scope, result.coverage, result.races.at(-1)?.marginMs ?? 0)],
      footer: footerOf(data),
      tone: result.races.some((r) => r.marginMs === data.races[0]?.marginMs) ? "record" : "info",
      ephemeral: false,
      invocation: formatInvocation(self, { name: place.name, era }),
    };
  },
});
