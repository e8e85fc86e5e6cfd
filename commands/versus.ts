import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { UserError } from "../src/core/errors.js";
import { formatMargin, partWas, plural, sentence } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeScope, resolveDriver, toFinishRow } from "../src/core/present.js";
import { CLOSE_MS, getEra, getHeadToHead, makeScope } from "../src/query/index.js";
import { eraOption } from "./shared.js";

/** "Larson won it", "Larson won all 3", "Larson won 2, Buescher 1": who won their one-twos. */
function describeSplit(a: string, aWins: number, b: string, bWins: number): string {
  const total = aWins + bWins;
  const sweep = (name: string) => (total === 1 ? `${name} won it` : `${name} won all ${total}`);
  if (bWins === 0) return sweep(a);
  if (aWins === 0) return sweep(b);
  return `${a} won ${aWins}, ${b} ${bWins}`;
}

/** `/versus <driver> <driver> [era]`: the races two drivers finished first and second in. */
export const versus = defineCommand({
  name: "versus",
  description: "Races two drivers finished one-two in, and the close ones among them",
  aliases: ["vs", "h2h"],
  options: {
    driver: { kind: "driver", description: "First driver, e.g. Larson", required: true },
    other: { kind: "driver", description: "Second driver, e.g. Buescher", required: true },
    era: eraOption(),
  },
  examples: [
    "/versus Larson Buescher",
    '/versus "Kyle Busch" "Jamie McMurray"',
    "/versus Blaney vs Byron nextgen",
  ],
  run({ driver, other, era }, { data }, self) {
    const a = resolveDriver(data, driver, (n) => formatInvocation(self, { driver: n, other, era }));
    const b = resolveDriver(data, other, (n) => formatInvocation(self, { driver, other: n, era }));
    if (a.driver.id === b.driver.id)
      throw new UserError(`${sentence(`Both names are ${a.driver.name}`)} Pick two different drivers.`);
    const scope = makeScope(data, getEra(data, era));
    const h2h = getHeadToHead(data, scope, a.driver.id, b.driver.id);
    const where = describeScope(data, scope);
    const names = `${a.driver.name} and ${b.driver.name}`;
    const closest = h2h.close[0];
    const closeLimit = `${formatMargin(CLOSE_MS)} s or less`;
    return composeAnswer(data, {
      title: `${a.driver.name} vs ${b.driver.name} ${where}`,
      summary:
        h2h.races.length === 0
          ? `${names} never finished first and second in a Cup race ${where}.`
          : `${names} finished one-two in ${plural(h2h.races.length, "Cup race")} ${where}: ${describeSplit(a.driver.name, h2h.aWins, b.driver.name, h2h.bWins)}. ${partWas(h2h.close.length, h2h.races.length, "race", "races", "")} decided by ${closeLimit} in the data.`,
      figures: [
        { label: `${a.driver.name} won`, value: String(h2h.aWins) },
        { label: `${b.driver.name} won`, value: String(h2h.bWins) },
        { label: `Decided by ${closeLimit}`, value: String(h2h.close.length) },
        ...(closest
          ? [
              {
                label: "Closest between them",
                value: `${formatMargin(closest.marginMs)} s (${closest.season})`,
              },
            ]
          : []),
        {
          label: `${a.driver.name}, every race ${where}`,
          value: `${h2h.a.wins.length} won, ${h2h.a.runnerUps.length} 2nd`,
        },
        {
          label: `${b.driver.name}, every race ${where}`,
          value: `${h2h.b.wins.length} won, ${h2h.b.runnerUps.length} 2nd`,
        },
      ],
      list: {
        kind: "finishes",
        rows: [...h2h.races].reverse().map((race) => toFinishRow(data, race, a.driver.id)),
      },
      notes: [...a.notes, ...b.notes, ...coverageNotes(data, scope, h2h.a.coverage, CLOSE_MS)],
      invocation: formatInvocation(self, { driver: a.driver.name, other: b.driver.name, era }),
    });
  },
});
