import { defineCommand } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { formatMargin } from "../src/core/format.js";
import { formatInvocation } from "../src/core/parse.js";
import { coverageNotes, describeScope, footerOf, resolveDriver, toFinishRow } from "../src/core/present.js";
import { getEra, getHeadToHead, makeScope } from "../src/query/index.js";
import { eraOption } from "./shared.js";

/** `/versus <driver> <driver> [era]`: close finishes two drivers decided between them. */
export const versus = defineCommand({
  name: "versus",
  description: "Close finishes between two drivers, and each one's record",
  options: {
    driver: { kind: "driver", description: "First driver, e.g. Larson", required: true },
    other: { kind: "driver", description: "Second driver, e.g. Buescher", required: true },
    era: eraOption("all"),
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
      throw new UserError(`Both names are ${a.driver.name}. Pick two different drivers.`);
    const scope = makeScope(data, getEra(data, era));
    const h2h = getHeadToHead(data, scope, a.driver.id, b.driver.id);
    const where = describeScope(data, scope);
    const names = `${a.driver.name} and ${b.driver.name}`;
    const first = h2h.races[0];
    return {
      title: `${a.driver.name} vs ${b.driver.name} ${where}`,
      summary:
        h2h.races.length === 0
          ? `${names} never finished first and second in a close finish recorded ${where}.`
          : `${names} finished one-two in ${h2h.races.length} close ${h2h.races.length === 1 ? "finish" : "finishes"} ${where}: ${a.driver.name} won ${h2h.aWins}, ${b.driver.name} won ${h2h.bWins}.`,
      figures: [
        { label: `${a.driver.name} won`, value: String(h2h.aWins) },
        { label: `${b.driver.name} won`, value: String(h2h.bWins) },
        ...(first
          ? [{ label: "Closest between them", value: `${formatMargin(first.marginMs)} s (${first.season})` }]
          : []),
        {
          label: `${a.driver.name}, all close finishes`,
          value: `${h2h.a.wins.length} won, ${h2h.a.runnerUps.length} 2nd`,
        },
        {
          label: `${b.driver.name}, all close finishes`,
          value: `${h2h.b.wins.length} won, ${h2h.b.runnerUps.length} 2nd`,
        },
      ],
      list: { kind: "finishes", rows: h2h.races.map((race) => toFinishRow(data, race, a.driver.id)) },
      notes: [
        ...a.notes,
        ...b.notes,
        ...coverageNotes(data, scope, h2h.a.coverage, h2h.races.at(-1)?.marginMs ?? 0),
      ],
      footer: footerOf(data),
      tone: "info",
      ephemeral: false,
      invocation: formatInvocation(self, { driver: a.driver.name, other: b.driver.name, era }),
    };
  },
});
