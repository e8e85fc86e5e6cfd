import { distributionChart } from "../src/core/chart-data.js";
import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import {
  countNoun,
  formatMargin,
  formatPercent,
  joinNames,
  lowerFirst,
  partWas,
} from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import {
  coverageNotes,
  describeOutside,
  describeRun,
  describeScope,
  rankedRows,
  resolveTrack,
  UNRANKED_NOTE,
} from "../src/core/present.js";
import { compareNames } from "../src/data/names.js";
import {
  countWinsWithin,
  coverageOf,
  findWithinMargin,
  getEra,
  makeScope,
  withDates,
} from "../src/query/index.js";
import { eraOption, MAX_ROWS, SEASON_RANGE } from "./shared.js";

/** `/margin <seconds> [era] [track] [season]`: races decided by at most a margin, and their share. */
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
    era: eraOption(),
    track: { kind: "track", description: "Only this track, e.g. Talladega" },
    season: { kind: "season", description: "Only this season, e.g. 2020", ...SEASON_RANGE },
  },
  examples: ["/margin 0.5 nextgen", "/margin .01", "/margin 0.1 2020", "/margin 0.5 talladega"],
  run({ seconds, era, track, season }, { data }, self) {
    const invocation = (values: Record<string, unknown>) =>
      formatInvocation(self, { seconds, era, track, season, ...values });
    const found =
      track === undefined ? undefined : resolveTrack(data, track, (name) => invocation({ track: name }));
    const scope = makeScope(data, getEra(data, era), {
      ...(season === undefined ? {} : { season }),
      ...(found ? { trackId: found.track.id } : {}),
    });
    const result = findWithinMargin(data, scope, seconds, MAX_ROWS);
    const where = describeScope(data, scope);
    const limit = `${formatMargin(seconds)} s or less`;
    const count = result.count;
    const share = result.share;
    // "Most wins among them" only where every such finish is known (Harvick's pre-2018 wins by .500 s
    // are not all in the data, so counting them would crown the wrong driver).
    const wins = share
      ? countWinsWithin(data, withDates(scope, share.stretch.from, share.stretch.to), seconds)
      : new Map<string, number>();
    const most = Math.max(0, ...wins.values());
    const mostNames = [...wins]
      .filter(([, n]) => n === most)
      .map(([id]) => data.drivers.get(id)?.name ?? id)
      .sort(compareNames);
    const through = result.coverage.pending && share ? ` through ${share.stretch.toSeason}` : "";
    const atTrack = found ? ` at ${found.track.aliases[0] ?? found.track.name}` : "";
    const summary = result.coverage.outside
      ? describeOutside(data, scope)
      : !result.coverage.window
        ? count > 0
          ? `Margins ${where} are not all in the data yet: it holds ${countNoun(count, "race")} decided by ${limit} so far, so no share is given.`
          : `No margin ${where} is in the data yet, so races decided by ${limit} cannot be counted.`
        : result.complete && share
          ? `${partWas(share.count, share.racesRun, "Cup race", "Cup races", ` ${where}${through} (${formatPercent(share.share)})`)} decided by ${limit}${count > share.count ? `; with later races whose margins are in, the data holds ${count}` : ""}.`
          : share
            ? `In ${describeRun(share.stretch)}, where every margin is known, ${lowerFirst(partWas(share.count, share.racesRun, "Cup race", "Cup races", `${atTrack} (${formatPercent(share.share)})`))} decided by ${limit}; the data holds ${countNoun(count, "such finish", "such finishes")} ${where} in all.`
            : `The data holds ${countNoun(count, "race")} ${where} decided by ${limit}.`;
    // Numbered by margin, ties sharing a place; past what the data holds completely, not numbered.
    const listed = rankedRows(data, result.races, result.coverage);
    const notes = [
      ...(found?.notes ?? []),
      ...(listed.unranked ? [UNRANKED_NOTE] : []),
      ...coverageNotes(data, scope, result.coverage, seconds).filter((n) => n !== summary),
      ...(count > MAX_ROWS ? [`Listing the ${MAX_ROWS} closest of ${count}.`] : []),
    ];
    return composeAnswer(data, {
      title: `Races decided by ${limit} ${where}`,
      summary,
      figures:
        !result.coverage.window && count === 0
          ? []
          : [
              { label: "Races", value: String(count) },
              ...(share
                ? [
                    {
                      label: result.complete ? "Share of all races" : `Share, ${describeRun(share.stretch)}`,
                      value: `${formatPercent(share.share)} (${share.count} of ${share.racesRun})`,
                    },
                  ]
                : []),
              ...(result.races[0]
                ? [{ label: "Closest", value: `${formatMargin(result.races[0].marginMs)} s` }]
                : []),
              ...(most > 0
                ? [
                    {
                      label:
                        result.complete || !share
                          ? "Most wins among them"
                          : `Most wins among them, ${describeRun(share.stretch)}`,
                      value: `${joinNames(mostNames)} (${most})`,
                    },
                  ]
                : []),
            ],
      list: { kind: "finishes", rows: listed.rows },
      notes,
      invocation: invocation({ ...(found ? { track: found.track.name } : {}) }),
      // Drawn over the seasons the share is over: bands elsewhere would count only what the data holds.
      ...(share && share.count > 0
        ? {
            chart: distributionChart(
              data,
              withDates(scope, share.stretch.from, share.stretch.to),
              result.complete ? where : `${where}, ${describeRun(share.stretch)}`,
              coverageOf(data, withDates(scope, share.stretch.from, share.stretch.to)),
              seconds,
            ),
          }
        : {}),
    });
  },
});
