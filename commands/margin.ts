import { distributionChart } from "../src/core/chart-data.js";
import { defineCommand } from "../src/core/command.js";
import { formatMargin, formatPercent, joinNames } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeScope, footerOf, toFinishRow } from "../src/core/present.js";
import { countWinsWithin, findWithinMargin, getEra, makeScope } from "../src/query/index.js";
import { eraOption, MAX_ROWS } from "./shared.js";

/** `/margin <seconds> [era]`: races decided by at most a margin, and their share of all races. */
export const margin = defineCommand({
  name: "margin",
  description: "Races decided by this many seconds or less, and their share of all races",
  options: {
    seconds: {
      kind: "seconds",
      description: "Margin of victory in seconds, 0.001–10 (e.g. 0.5)",
      required: true,
      min: 0.001,
      max: 10,
    },
    era: eraOption("all"),
  },
  examples: ["/margin 0.5 nextgen", "/margin .01", "/margin seconds:0.1 era:nextgen"],
  run({ seconds, era }, { data }, self) {
    const scope = makeScope(data, getEra(data, era));
    const result = findWithinMargin(data, scope, seconds, MAX_ROWS);
    const where = describeScope(data, scope);
    const limit = `${formatMargin(seconds)} s or less`;
    const count = result.count;
    const wins = countWinsWithin(data, scope, seconds);
    const most = Math.max(0, ...wins.values());
    const mostNames = [...wins]
      .filter(([, n]) => n === most)
      .map(([id]) => data.drivers.get(id)?.name ?? id)
      .sort((x, y) => x.localeCompare(y));
    const summary =
      result.share !== undefined
        ? `${count} of the ${result.racesRun} Cup races ${where} (${formatPercent(result.share)}) were decided by ${limit}.`
        : `The data records ${count} ${count === 1 ? "race" : "races"} ${where} decided by ${limit}.`;
    const notes = coverageNotes(data, scope, result.coverage, seconds);
    if (result.complete && result.share === undefined && result.racesRun === undefined)
      notes.push("The data has no count of all races run in this range, so no share is given.");
    return {
      title: `Races decided by ${limit} ${where}`,
      summary,
      figures: [
        { label: "Races", value: String(count) },
        ...(result.share !== undefined
          ? [
              {
                label: "Share of all races",
                value: `${formatPercent(result.share)} (${count} of ${result.racesRun})`,
              },
            ]
          : []),
        ...(result.races[0]
          ? [{ label: "Closest", value: `${formatMargin(result.races[0].marginMs)} s` }]
          : []),
        ...(most > 0 ? [{ label: "Most wins among them", value: `${joinNames(mostNames)} (${most})` }] : []),
      ],
      list: {
        kind: "finishes",
        rows: result.races.map((race) => toFinishRow(data, race)),
      },
      notes: count > MAX_ROWS ? [...notes, `Listing the ${MAX_ROWS} closest of ${count}.`] : notes,
      footer: footerOf(data),
      tone: "info",
      ephemeral: false,
      invocation: formatInvocation(self, { seconds, era }),
      ...(count > 0 ? { chart: distributionChart(data, scope, where, result.coverage, seconds) } : {}),
    };
  },
});
