import type { StandingRow } from "../src/core/answer.js";
import { leaderboardChart } from "../src/core/chart-data.js";
import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { formatMargin, joinNames, ordinal } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeRun, describeScope, resolveTrack } from "../src/core/present.js";
import {
  CLOSE_MS,
  completeStretch,
  coverageOf,
  getEra,
  makeScope,
  rankOf,
  rankPositions,
  rankStandings,
  type StandingMetric,
  tallyStandings,
  withDates,
} from "../src/query/index.js";
import { eraOption, SEASON_RANGE } from "./shared.js";

const CLOSE = formatMargin(CLOSE_MS);
const METRIC_NAMES: Record<StandingMetric, string> = {
  wins: `wins by ${CLOSE} s or less`,
  runnerUps: `runner-up finishes by ${CLOSE} s or less`,
  involved: `finishes decided by ${CLOSE} s or less`,
  raceWins: "wins",
  raceRunnerUps: "runner-up finishes",
};

/** `/leaders [era] [by] [track] [season]`: drivers with the most wins, runner-ups or close finishes. */
export const leaders = defineCommand({
  name: "leaders",
  description: "Drivers with the most close wins, close runner-ups, close finishes, or race wins",
  options: {
    era: eraOption(),
    by: {
      kind: "choice",
      description: "closewins (default), closeseconds, involved, racewins or raceseconds",
      default: "wins",
      choices: [
        { value: "wins", name: "Close wins", aliases: ["closewins", "close-wins", "close"] },
        {
          value: "runnerUps",
          name: "Close runner-ups",
          aliases: ["closeseconds", "close-seconds", "runnerups", "runner-ups", "closerunnerups", "losses"],
        },
        {
          value: "involved",
          name: "Close finishes",
          aliases: ["involved", "finishes", "total", "all-finishes"],
        },
        { value: "raceWins", name: "Race wins", aliases: ["racewins", "race-wins", "victories"] },
        {
          value: "raceRunnerUps",
          name: "Runner-up finishes",
          aliases: ["raceseconds", "seconds", "second", "2nd", "race-seconds", "runnerup"],
        },
      ],
    },
    track: { kind: "track", description: "Only this track, e.g. Talladega" },
    season: { kind: "season", description: "Only this season, e.g. 2023", ...SEASON_RANGE },
  },
  examples: [
    "/leaders",
    "/leaders nextgen",
    "/leaders closeseconds",
    "/leaders seconds talladega",
    "/leaders 2023",
  ],
  run({ era, by, track, season }, { data }, self) {
    const metric = by as StandingMetric;
    const invocation = (values: Record<string, unknown>) =>
      formatInvocation(self, { era, by, track, season, ...values });
    const found =
      track === undefined ? undefined : resolveTrack(data, track, (name) => invocation({ track: name }));
    const full = makeScope(data, getEra(data, era), {
      ...(season === undefined ? {} : { season }),
      ...(found ? { trackId: found.track.id } : {}),
    });
    const coverage = coverageOf(data, full);
    const isClose = metric === "wins" || metric === "runnerUps" || metric === "involved";
    // Close figures are ranked only over seasons where every such finish is known.
    const stretch = isClose ? completeStretch(coverage, CLOSE_MS) : undefined;
    const scope = isClose && stretch ? withDates(full, stretch.from, stretch.to) : full;
    const where = describeScope(data, full);
    // Named only when it says something the scope does not ("in 2021 (2021)" says it twice).
    const span =
      isClose &&
      stretch &&
      !(season !== undefined && stretch.fromSeason === season && stretch.toSeason === season)
        ? ` (${describeRun(stretch)})`
        : "";
    const standings = isClose && !stretch ? [] : tallyStandings(data, scope);
    const ranked = rankStandings(standings, metric);
    const positions = rankPositions(standings, metric);
    const rows: StandingRow[] = ranked.map((s) => {
      const place = positions.get(s.driver.id);
      return {
        rank: `${(place?.sharedBy ?? 1) > 1 ? "T-" : ""}${place?.position ?? "-"}`,
        driver: s.driver.name,
        wins: s.wins,
        runnerUps: s.runnerUps,
        involved: s.involved,
        raceWins: s.raceWins,
        raceRunnerUps: s.raceRunnerUps,
      };
    });
    const top = ranked[0];
    const topRank = top ? rankOf(standings, top.driver.id, metric) : undefined;
    const leadersNames = top ? [top.driver.name, ...(topRank?.tiedWith.map((d) => d.name) ?? [])] : [];
    const second = ranked.find((s) => s[metric] < (top?.[metric] ?? 0));
    const secondRank = second ? rankOf(standings, second.driver.id, metric) : undefined;
    const secondNames = second
      ? [second.driver.name, ...(secondRank?.tiedWith.map((d) => d.name) ?? [])]
      : [];
    const summary = top
      ? `${joinNames(leadersNames)} ${leadersNames.length > 1 ? "share" : "has"} the most ${METRIC_NAMES[metric]} ${where}${span} (${top[metric]})` +
        (second
          ? `; ${joinNames(secondNames)} ${secondNames.length > 1 ? "are tied" : "is"} ${ordinal(secondRank?.position ?? 0)} (${second[metric]}).`
          : ".")
      : isClose && !stretch
        ? `Margins ${where} are not all in the data, so close finishes are not ranked; try /leaders racewins.`
        : `No driver has ${METRIC_NAMES[metric]} ${where}.`;
    return composeAnswer(data, {
      title: `Most ${METRIC_NAMES[metric]} ${where}${span}`,
      summary,
      figures: [
        { label: "Drivers", value: String(ranked.length) },
        ...(isClose && stretch ? [{ label: "Seasons ranked", value: describeRun(stretch) }] : []),
      ],
      list: { kind: "standings", metric, rows },
      notes: [...(found?.notes ?? []), ...(isClose ? coverageNotes(data, full, coverage, CLOSE_MS) : [])],
      invocation: invocation({ ...(found ? { track: found.track.name } : {}) }),
      ...(ranked.length > 0
        ? {
            chart: leaderboardChart(
              data,
              ranked,
              `${where}${span}`,
              coverage,
              CLOSE_MS,
              METRIC_NAMES[metric],
              !isClose,
            ),
          }
        : {}),
    });
  },
});
