import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { formatDate, formatMargin, formatPercent, joinNames, plural } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeOutside, toFinishRow } from "../src/core/present.js";
import {
  CLOSE_MS,
  coverageOf,
  findWithinMargin,
  makeScope,
  resultsIn,
  tallyStandings,
  topBy,
  widestEra,
} from "../src/query/index.js";
import { MAX_ROWS, SEASON_RANGE } from "./shared.js";

/** `/season <year>`: every race of a season with its winner, runner-up and margin. */
export const season = defineCommand({
  name: "season",
  description: "Every race of a season: winner, runner-up and margin",
  options: {
    year: { kind: "season", description: "Season, e.g. 2023", required: true, ...SEASON_RANGE },
  },
  examples: ["/season 2021", "/season 2007"],
  run({ year }, { data }, self) {
    const scope = makeScope(data, widestEra(data), { season: year });
    const coverage = coverageOf(data, scope);
    const races = resultsIn(data, scope);
    const info = data.seasons.get(year);
    const standings = tallyStandings(data, scope);
    const top = topBy(standings, "raceWins");
    const topNames = top?.drivers.map((d) => d.name) ?? [];
    const close = findWithinMargin(data, scope, CLOSE_MS);
    const closest = close.races[0];
    const cautions = races.filter((r) => r.finish === "caution").length;
    const partial = info?.partial
      ? ` (${info.races} of ${info.scheduled} run through ${formatDate(info.through)})`
      : "";
    const closeSentence =
      close.complete && close.share
        ? ` ${close.count === 0 ? "None of them was" : `${close.count} of them (${formatPercent(close.share.share)}) ${close.count === 1 ? "was" : "were"}`} decided by ${formatMargin(CLOSE_MS)} s or less.`
        : "";
    return composeAnswer(data, {
      title: `The ${year} Cup season`,
      summary:
        races.length === 0
          ? describeOutside(data, scope)
          : `${plural(races.length, "Cup race")} in ${year}${partial}; ${joinNames(topNames)} won the most (${top?.value}).${closeSentence}`,
      figures:
        races.length === 0
          ? []
          : [
              {
                label: "Races",
                value: info?.partial ? `${info.races} of ${info.scheduled}` : String(races.length),
              },
              { label: "Most wins", value: `${joinNames(topNames)} (${top?.value})` },
              ...(closest
                ? [{ label: "Closest", value: `${formatMargin(closest.marginMs)} s, ${closest.label}` }]
                : []),
              ...(close.complete && close.share
                ? [
                    {
                      label: `Decided by ${formatMargin(CLOSE_MS)} s or less`,
                      value: `${close.count} (${formatPercent(close.share.share)})`,
                    },
                  ]
                : []),
              ...(cautions > 0 ? [{ label: "Ended under caution", value: String(cautions) }] : []),
            ],
      // Every race in round order: the row number is the round.
      list: { kind: "finishes", rows: races.slice(0, MAX_ROWS).map((race) => toFinishRow(data, race)) },
      notes: races.length === 0 ? [] : coverageNotes(data, scope, coverage, Number.POSITIVE_INFINITY),
      invocation: formatInvocation(self, { year }),
    });
  },
});
