import type { Answer, Figure } from "../src/core/answer.js";
import { timelineChart } from "../src/core/chart-data.js";
import { defineCommand } from "../src/core/command.js";
import { formatMargin, formatPercent, joinNames, ordinal, plural } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeScope, footerOf, resolveDriver, toFinishRow } from "../src/core/present.js";
import { erasWithRaces, getDriverRecord, getEra, makeScope, type Rank } from "../src/query/index.js";
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

/** `/driver <name> [era]`: one driver's close wins and runner-ups, share and rank. */
export const driver = defineCommand({
  name: "driver",
  description: "A driver's close wins and runner-up finishes, share and rank",
  options: {
    name: { kind: "driver", description: "Driver name or surname, e.g. Buescher", required: true },
    era: eraOption("nextgen"),
  },
  examples: ["/driver Buescher", "/driver Kyle Larson", '/driver "Ryan Blaney" all'],
  run({ name, era }, { data }, self): Answer {
    const { driver: who, notes: nameNotes } = resolveDriver(data, name, (n) =>
      formatInvocation(self, { name: n, era }),
    );
    const scope = makeScope(data, getEra(data, era));
    const record = getDriverRecord(data, scope, who.id);
    const where = describeScope(data, scope);
    // Share and rank compare against every recorded finish in the scope, so all of those must be covered.
    const complete = record.coverage.completeToMs > 0 && record.scopeWidestMs <= record.coverage.completeToMs;
    const closeKind =
      complete && !record.coverage.pastAsOf
        ? `races ${where} decided by ${formatMargin(record.coverage.completeToMs)} s or less`
        : `close finishes recorded ${where}`;
    const involved = record.races.length;
    const summary =
      involved === 0
        ? `${who.name} was in none of the ${record.scopeTotal} ${closeKind}.`
        : `${who.name} won ${plural(record.wins.length, "race")} and finished second in ${plural(record.runnerUps.length, "race")} of the ${record.scopeTotal} ${closeKind}: involved in ${involved} (${formatPercent(record.share)}).`;
    const closestRace = record.races[0];
    const figures: Figure[] = [
      { label: "Close wins", value: describeRank(record.winsRank, record.wins.length) },
      { label: "Runner-up", value: describeRank(record.runnerUpsRank, record.runnerUps.length) },
      { label: "Involved", value: `${involved} of ${record.scopeTotal} (${formatPercent(record.share)})` },
      ...(closestRace
        ? [
            {
              label: "Closest",
              value: `${formatMargin(closestRace.marginMs)} s, ${closestRace.season} ${closestRace.label} (${closestRace.winnerId === who.id ? "won" : "2nd"})`,
            },
          ]
        : []),
    ];
    const notes = [...nameNotes];
    if (involved === 0) {
      const elsewhere = erasWithRaces(data, who.id).filter((e) => e.eraId !== era);
      for (const other of elsewhere) {
        const otherEra = getEra(data, other.eraId);
        notes.push(
          `${who.name} has ${plural(other.count, "close finish", "close finishes")} ${otherEra.id === "all" ? `since ${otherEra.from.slice(0, 4)}` : `in the ${otherEra.name}`}: try ${formatInvocation(self, { name: who.name, era: other.eraId })}.`,
        );
      }
    }
    notes.push(...coverageNotes(data, scope, record.coverage, complete ? 0 : Number.POSITIVE_INFINITY));
    return {
      title: `${who.name}: close finishes ${where}`,
      summary,
      figures,
      list: { kind: "finishes", rows: record.races.map((race) => toFinishRow(data, race, who.id)) },
      notes,
      footer: footerOf(data),
      tone: record.races.some((r) => r.marginMs === data.races[0]?.marginMs) ? "record" : "info",
      ephemeral: false,
      invocation: formatInvocation(self, { name: who.name, era }),
      ...(involved > 0
        ? {
            chart: timelineChart(
              data,
              who,
              record.races,
              scope,
              where,
              record.coverage,
              record.scopeWidestMs,
            ),
          }
        : {}),
    };
  },
});
