import type { StandingRow } from "../src/core/answer.js";
import { leaderboardChart } from "../src/core/chart-data.js";
import { defineCommand } from "../src/core/command.js";
import { formatMargin, joinNames, ordinal } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeScope, footerOf } from "../src/core/present.js";
import {
  coverageOf,
  getEra,
  makeScope,
  rankOf,
  rankPositions,
  rankStandings,
  type StandingMetric,
  summarizeScope,
  tallyStandings,
} from "../src/query/index.js";
import { eraOption } from "./shared.js";

const METRIC_NAMES: Record<StandingMetric, string> = {
  wins: "close wins",
  runnerUps: "close runner-up finishes",
  involved: "close finishes involved in",
};

/** `/leaders [era] [by]`: drivers with the most close wins, runner-ups or finishes. */
export const leaders = defineCommand({
  name: "leaders",
  description: "Drivers with the most close wins, runner-ups or close finishes",
  options: {
    era: eraOption("nextgen"),
    by: {
      kind: "choice",
      description: "Order by wins (default), runnerups or involved",
      default: "wins",
      choices: [
        { value: "wins", name: "Close wins", aliases: ["win", "won", "winners"] },
        {
          value: "runnerUps",
          name: "Runner-ups",
          aliases: ["runnerups", "runner-ups", "runnerup", "second", "seconds", "2nd", "losses"],
        },
        { value: "involved", name: "Involved", aliases: ["finishes", "total", "all-finishes"] },
      ],
    },
  },
  examples: ["/leaders", "/leaders runnerups", "/leaders all involved"],
  run({ era, by }, { data }, self) {
    const metric = by as StandingMetric;
    const scope = makeScope(data, getEra(data, era));
    const standings = tallyStandings(data, scope);
    const ranked = rankStandings(standings, metric);
    const coverage = coverageOf(data, scope);
    const where = describeScope(data, scope);
    const positions = rankPositions(standings, metric);
    const rows: StandingRow[] = ranked.map((s) => {
      const place = positions.get(s.driver.id);
      return {
        rank: `${(place?.sharedBy ?? 1) > 1 ? "T-" : ""}${place?.position ?? "-"}`,
        driver: s.driver.name,
        wins: s.wins,
        runnerUps: s.runnerUps,
        involved: s.involved,
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
    const recorded = summarizeScope(data, scope);
    const summary = top
      ? `${joinNames(leadersNames)} ${leadersNames.length > 1 ? "share" : "has"} the most ${METRIC_NAMES[metric]} ${where} (${top[metric]})` +
        (second
          ? `; ${joinNames(secondNames)} ${secondNames.length > 1 ? "are tied" : "is"} ${ordinal(secondRank?.position ?? 0)} (${second[metric]}).`
          : ".")
      : `The data has no close finish ${where}.`;
    return {
      title: `Leaders in ${METRIC_NAMES[metric]} ${where}`,
      summary,
      figures: [
        { label: "Close finishes", value: String(recorded.total) },
        { label: "Drivers", value: String(ranked.length) },
        ...(coverage.completeToMs > 0
          ? [{ label: "Complete up to", value: `${formatMargin(coverage.completeToMs)} s` }]
          : []),
      ],
      list: { kind: "standings", metric, rows },
      notes: coverageNotes(data, scope, coverage, recorded.widestMs),
      footer: footerOf(data),
      tone: "info",
      ephemeral: false,
      invocation: formatInvocation(self, { era, by }),
      ...(ranked.length > 0
        ? { chart: leaderboardChart(data, ranked, where, coverage, recorded.widestMs, METRIC_NAMES[metric]) }
        : {}),
    };
  },
});
