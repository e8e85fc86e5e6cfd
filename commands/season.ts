import { defineCommand } from "../src/core/command.js";
import { formatDate, formatMargin, formatPercent, joinNames } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, footerOf, toFinishRow } from "../src/core/present.js";
import {
  coverageOf,
  findWithinMargin,
  makeScope,
  rankStandings,
  tallyStandings,
  widestEra,
} from "../src/query/index.js";
import { MAX_ROWS, SEASON_RANGE } from "./shared.js";

/** `/season <year>`: a season's recorded close finishes and their share of its races. */
export const season = defineCommand({
  name: "season",
  description: "A season's close finishes, closest first",
  options: {
    year: { kind: "season", description: "Season, e.g. 2023", required: true, ...SEASON_RANGE },
  },
  examples: ["/season 2023", "/season 2022"],
  run({ year }, { data }, self) {
    const scope = makeScope(data, widestEra(data), { season: year });
    // The completeness limit decides what "close" can mean: races up to it, else all the data holds.
    const coverage = coverageOf(data, scope);
    const limit = coverage.completeToMs;
    const complete = !coverage.outside && limit > 0;
    const within = findWithinMargin(data, scope, complete ? limit : Number.MAX_SAFE_INTEGER, MAX_ROWS);
    const count = within.count;
    const leaders = rankStandings(tallyStandings(data, scope), "wins");
    const top = leaders[0];
    const topNames = leaders.filter((s) => s.wins === top?.wins).map((s) => s.driver.name);
    const seasonInfo = data.seasons.get(year);
    const partial = seasonInfo?.partial ? ` run through ${formatDate(seasonInfo.through)}` : "";
    const summary =
      count === 0
        ? `The data has no close finish in ${year}.`
        : complete && within.share !== undefined
          ? `${count} of the ${within.racesRun} Cup races in ${year}${partial} (${formatPercent(within.share)}) were decided by ${formatMargin(limit)} s or less.`
          : `The data records ${count} close ${count === 1 ? "finish" : "finishes"} in ${year}.`;
    return {
      title: `Close finishes in ${year}`,
      summary,
      figures:
        count === 0
          ? []
          : [
              { label: "Recorded", value: String(count) },
              ...(within.share !== undefined
                ? [{ label: "Share of the season", value: formatPercent(within.share) }]
                : []),
              { label: "Closest", value: `${formatMargin(within.races[0]?.marginMs ?? 0)} s` },
              { label: "Most close wins", value: `${joinNames(topNames)} (${top?.wins})` },
            ],
      list: {
        kind: "finishes",
        rows: within.races.slice(0, MAX_ROWS).map((race) => toFinishRow(data, race)),
      },
      notes: coverageNotes(data, scope, coverage, complete ? limit : Number.POSITIVE_INFINITY),
      footer: footerOf(data),
      tone: within.races.some((r) => r.marginMs === data.races[0]?.marginMs) ? "record" : "info",
      ephemeral: false,
      invocation: formatInvocation(self, { year }),
    };
  },
});
