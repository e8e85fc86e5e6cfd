import type { Answer, Figure } from "../src/core/answer.js";
import { timelineChart } from "../src/core/chart-data.js";
import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { UserError } from "../src/core/errors.js";
import { formatCount, formatMargin, formatPercent, joinNames, ordinal } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import {
  coverageNotes,
  describeRun,
  describeScope,
  rankedRows,
  resolveDriver,
  UNRANKED_NOTE,
} from "../src/core/present.js";
import { getDriverRecord, getEra, makeScope, type Rank, rankOf, tallyStandings } from "../src/query/index.js";
import { eraOption } from "./shared.js";

/** "5 (most of any driver)", "3 (tied 2nd with William Byron and Denny Hamlin)". */
export function describeRank(rank: Rank | undefined, value: number): string {
  if (!rank) return String(value);
  // Name a few; a long tie reads better as a count.
  const tied =
    rank.tiedWith.length > 3 ? [`${rank.tiedWith.length} others`] : rank.tiedWith.map((d) => d.name);
  if (rank.position === 1)
    return tied.length === 0
      ? `${value} (most of any driver)`
      : `${value} (tied 1st with ${joinNames(tied)})`;
  return tied.length === 0
    ? `${value} (${ordinal(rank.position)})`
    : `${value} (tied ${ordinal(rank.position)} with ${joinNames(tied)})`;
}

/** "won 3 races and finished second in 2", "never won and finished second in 3 races". */
/** "won 3 and finished second in 2 of the 1,174 Cup races since 1993", zeros said in words. */
function describeResults(wins: number, seconds: number, races: string): string {
  if (wins === 0 && seconds === 0) return `never won or finished second in any of the ${races}`;
  if (seconds === 0) return `won ${wins} of the ${races} and never finished second`;
  if (wins === 0) return `never won, and finished second in ${seconds} of the ${races}`;
  return `won ${wins} and finished second in ${seconds} of the ${races}`;
}

/** `/driver <name> [era]`: a driver's wins and runner-ups, and close finishes where margins are known. */
export const driver = defineCommand({
  name: "driver",
  description: "A driver's wins, runner-ups and close finishes, with share and rank",
  options: {
    name: { kind: "driver", description: "Driver name or surname, e.g. Buescher", required: true },
    era: eraOption(),
  },
  examples: ["/driver Buescher", "/driver Kyle Larson nextgen", '/driver "Jeff Gordon"'],
  run({ name, era }, { data }, self): Answer {
    const year = /\s(\d{4})$/.exec(name.trim());
    if (year)
      throw new UserError(
        `/driver takes no season. For ${year[1]}, try /season ${year[1]} or /closest ${year[1]}.`,
      );
    const { driver: who, notes: nameNotes } = resolveDriver(data, name, (n) =>
      formatInvocation(self, { name: n, era }),
    );
    const scope = makeScope(data, getEra(data, era));
    const record = getDriverRecord(data, scope, who.id);
    const where = describeScope(data, scope);
    const standings = tallyStandings(data, scope);
    // Close figures over seasons the driver never reached the top two in say nothing about them.
    const raced = (from: string, to: string) =>
      [...record.wins, ...record.runnerUps].some((r) => r.date >= from && r.date <= to);
    const close =
      record.close && raced(record.close.stretch.from, record.close.stretch.to) ? record.close : undefined;
    const closeLimit = `${formatMargin(record.closeMs)} s or less`;
    const sentences = [
      `${who.name} ${describeResults(record.wins.length, record.runnerUps.length, `${formatCount(record.racesRun)} Cup races ${where}`)}.`,
    ];
    if (close)
      sentences.push(
        `In ${describeRun(close.stretch)}, ${close.involved === 0 ? "none" : `${close.involved}`} of the ${close.total} races decided by ${closeLimit} involved ${who.name} (${close.wins} won, ${close.runnerUps} second).`,
      );
    const closestRace = record.closeFinishes[0];
    const figures: Figure[] = [
      { label: "Wins", value: describeRank(rankOf(standings, who.id, "raceWins"), record.wins.length) },
      {
        label: "Runner-up",
        value: describeRank(rankOf(standings, who.id, "raceRunnerUps"), record.runnerUps.length),
      },
      ...(close
        ? [
            {
              label: `Close wins (${formatMargin(record.closeMs)} s), ${describeRun(close.stretch)}`,
              value: describeRank(close.winsRank, close.wins),
            },
            {
              label: `Close runner-ups, ${describeRun(close.stretch)}`,
              value: describeRank(close.runnerUpsRank, close.runnerUps),
            },
            {
              label: `Share of close finishes, ${describeRun(close.stretch)}`,
              value: `${close.involved} of ${close.total} (${formatPercent(close.share)})`,
            },
          ]
        : []),
      ...(closestRace
        ? [
            {
              label: "Closest",
              value: `${formatMargin(closestRace.marginMs)} s, ${closestRace.season} ${closestRace.label} (${closestRace.winnerId === who.id ? "won" : "2nd"})`,
            },
          ]
        : []),
    ];
    // Numbered by margin, ties sharing a place; past what the data holds completely, not numbered.
    const listed = rankedRows(data, record.closeFinishes, record.coverage, who.id);
    const notes = [...nameNotes, ...(listed.unranked ? [UNRANKED_NOTE] : [])];
    if (record.wins.length + record.runnerUps.length === 0)
      notes.push(
        `${who.name} has no win or runner-up finish ${where}; try ${formatInvocation(self, { name: who.name, era: "all" })}.`,
      );
    notes.push(...coverageNotes(data, scope, record.coverage, record.closeMs));
    return composeAnswer(data, {
      title: `${who.name} ${where}`,
      summary: sentences.join(" "),
      figures,
      list: {
        kind: "finishes",
        rows: listed.rows,
      },
      notes: [
        ...notes,
        ...(record.closeFinishes.length > 0
          ? [
              `The list shows ${who.name}'s finishes decided by ${closeLimit} that the data holds, closest first.`,
            ]
          : []),
      ],
      invocation: formatInvocation(self, { name: who.name, era }),
      ...(record.closeFinishes.length > 0
        ? {
            chart: timelineChart(
              data,
              who,
              record.closeFinishes,
              scope,
              where,
              record.coverage,
              record.closeFinishes.at(-1)?.marginMs ?? 0,
            ),
          }
        : {}),
    });
  },
});
