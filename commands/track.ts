import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { formatMargin, joinNames, plural } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import {
  coverageNotes,
  describeScope,
  hasUncertainRank,
  rankLabels,
  resolveTrack,
  toFinishRow,
  UNRANKED_NOTE,
} from "../src/core/present.js";
import { countRacesRun, findClosest, getEra, makeScope, tallyStandings, topBy } from "../src/query/index.js";
import { eraOption, MAX_ROWS } from "./shared.js";

/** "Brad Keselowski and Jeff Gordon (6)": everyone sharing the top of a metric, with the figure. */
function describeTop(top: ReturnType<typeof topBy>): string | undefined {
  return top ? `${joinNames(top.drivers.map((d) => d.name))} (${top.value})` : undefined;
}

/** `/track <name> [era]`: a track's races, winners and closest finishes. */
export const track = defineCommand({
  name: "track",
  description: "A track's races, most wins and closest finishes, closest first",
  options: {
    name: {
      kind: "track",
      description: "Track, e.g. Talladega, Daytona, Las Vegas",
      required: true,
      placeholder: "track",
    },
    era: eraOption(),
  },
  examples: ["/track Talladega", "/track daytona nextgen", '/track "Las Vegas"'],
  run({ name, era }, { data }, self) {
    const { track: place, notes } = resolveTrack(data, name, (n) => formatInvocation(self, { name: n, era }));
    const scope = makeScope(data, getEra(data, era), { trackId: place.id });
    const result = findClosest(data, scope, MAX_ROWS);
    const where = describeScope(data, scope);
    const standings = tallyStandings(data, scope);
    const racesRun = countRacesRun(data, scope);
    const first = result.races[0];
    const labels = rankLabels(result.ranks);
    const mostWins = describeTop(topBy(standings, "raceWins"));
    const mostClose = describeTop(topBy(standings, "wins"));
    return composeAnswer(data, {
      title: `${place.name} ${where.replace(/ at .*$/, "")}`,
      summary:
        racesRun === 0
          ? `The data holds no Cup race ${where}.`
          : `${plural(racesRun, "Cup race")} ${where}${mostWins ? `; most wins: ${mostWins}` : ""}.${first ? ` The closest finish the data holds was ${formatMargin(first.marginMs)} s in the ${first.season} ${first.raceName}.` : ""}`,
      figures:
        racesRun === 0
          ? []
          : [
              { label: "Races", value: String(racesRun) },
              ...(mostWins ? [{ label: "Most wins", value: mostWins }] : []),
              ...(first
                ? [{ label: "Closest", value: `${formatMargin(first.marginMs)} s (${first.season})` }]
                : []),
              { label: "Timed finishes known", value: String(result.recorded) },
              ...(mostClose ? [{ label: "Most wins by .500 s or less", value: mostClose }] : []),
            ],
      list: {
        kind: "finishes",
        rows: result.races.map((race, i) => toFinishRow(data, race, undefined, labels[i])),
      },
      notes: [
        ...notes,
        ...(hasUncertainRank(result.races, result.ranks, result.coverage) ? [UNRANKED_NOTE] : []),
        ...coverageNotes(data, scope, result.coverage, result.races.at(-1)?.marginMs ?? 0),
      ],
      invocation: formatInvocation(self, { name: place.name, era }),
    });
  },
});
