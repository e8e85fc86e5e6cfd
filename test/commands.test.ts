import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import type { Answer, FinishRow } from "../src/core/answer.js";
import { ask } from "./helpers/data.js";

async function answer(line: string): Promise<Answer> {
  const outcome = await ask(line);
  expect(outcome.status, `${line}: ${outcome.answer.summary}`).toBe("answered");
  return outcome.answer;
}
const figure = (a: Answer, label: string) => a.figures.find((f) => f.label === label)?.value;
const finishes = (a: Answer): readonly FinishRow[] => (a.list?.kind === "finishes" ? a.list.rows : []);

describe("/closest", () => {
  it("lists the ten closest since 1993, closest first, with the record marked", async () => {
    const a = await answer("/closest");
    const rows = finishes(a);
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.marginMs)).toEqual([...rows.map((r) => r.marginMs)].sort((x, y) => x - y));
    expect(rows[0]).toMatchObject({
      margin: ".001",
      winner: "Kyle Larson",
      runnerUp: "Chris Buescher",
      record: true,
    });
    expect(a.tone).toBe("record");
    expect(a.notes).toEqual([]);
  });

  it("filters by era, track and season", async () => {
    const a = await answer("/closest 5 talladega nextgen");
    expect(finishes(a).every((r) => r.track === "Talladega Superspeedway" && r.season >= 2022)).toBe(true);
    const b = await answer("/closest 3 2023");
    expect(finishes(b).every((r) => r.season === 2023)).toBe(true);
    expect(finishes(b)).toHaveLength(3);
  });

  it("says so when the list goes past what the data holds completely", async () => {
    const a = await answer("/closest 25");
    expect(a.notes.join(" ")).toMatch(/Not complete.*\.008/);
    const b = await answer("/closest 5 talladega 2023");
    expect(b.notes.join(" ")).toMatch(/Only 1 finish/);
  });

  it("answers a season after the data ends with what is missing, not an error", async () => {
    const a = await answer("/closest 5 2025");
    expect(finishes(a)).toHaveLength(0);
    expect(a.notes.join(" ")).toMatch(/runs through May 5, 2024/);
  });
});

describe("/driver", () => {
  it("Buescher: 3 close wins tied 2nd, 1 runner-up, in 4 of 29", async () => {
    const a = await answer("/driver Buescher");
    expect(figure(a, "Close wins")).toBe("3 (tied 2nd with Denny Hamlin and William Byron)");
    expect(figure(a, "Involved")).toBe("4 of 29 (13.8%)");
    expect(finishes(a).filter((r) => r.outcome === "won")).toHaveLength(3);
    expect(
      finishes(a)
        .filter((r) => r.outcome === "second")
        .map((r) => r.label),
    ).toEqual(["2024 Kansas I"]);
  });

  it("Larson: most close wins of any driver", async () => {
    const a = await answer("/driver kyle larson");
    expect(figure(a, "Close wins")).toBe("5 (most of any driver)");
    expect(a.summary).toContain("24.1%");
  });

  it("corrects a typo and says so", async () => {
    const a = await answer("/driver Buesher");
    expect(a.title).toContain("Chris Buescher");
    expect(a.notes[0]).toContain("Showing Chris Buescher");
  });

  it("offers a choice for an ambiguous name instead of guessing", async () => {
    const outcome = await ask("/driver Busch");
    expect(outcome.status).toBe("rejected");
    expect(outcome.answer.ephemeral).toBe(true);
    expect(outcome.answer.choices?.map((c) => c.command)).toEqual([
      '/driver "Kurt Busch"',
      '/driver "Kyle Busch"',
    ]);
  });

  it("suggests names for an unknown driver", async () => {
    const outcome = await ask("/driver Bowen");
    expect(outcome.status).toBe("rejected");
    expect(outcome.answer.summary).toMatch(/Did you mean .*Alex Bowman/);
  });

  it("points to the era where a driver does appear", async () => {
    const a = await answer("/driver Kurt Busch");
    expect(a.notes.join(" ")).toContain('/driver "Kurt Busch" all');
    const all = await answer('/driver "Kurt Busch" all');
    expect(finishes(all)).toHaveLength(1);
    expect(all.notes.join(" ")).toMatch(/Not complete/);
  });
});

describe("/margin", () => {
  it("0.5 nextgen: 29 of 84 races (34.5%)", async () => {
    const a = await answer("/margin 0.5 nextgen");
    expect(a.summary).toBe(
      "29 of the 84 Cup races in the Next Gen era (34.5%) were decided by .500 s or less.",
    );
    expect(figure(a, "Share of all races")).toBe("34.5% (29 of 84)");
    expect(finishes(a)).toHaveLength(29);
  });

  it("beyond complete coverage: answers with what the data has and says what is missing", async () => {
    const a = await answer("/margin 0.75 nextgen");
    expect(figure(a, "Races")).toBe("29");
    expect(figure(a, "Share of all races")).toBeUndefined();
    expect(a.notes.join(" ")).toMatch(/only up to \.500 s/);
    const b = await answer("/margin 0.02");
    expect(b.notes.join(" ")).toMatch(/only up to \.008 s/);
  });
});

describe("other commands", () => {
  it("/track Talladega lists every recorded finish there", async () => {
    const a = await answer("/track dega");
    expect(finishes(a).every((r) => r.track === "Talladega Superspeedway")).toBe(true);
    expect(figure(a, "Most close wins here")).toBe("Ryan Blaney (3)");
  });

  it("/season 2023 gives the season's share", async () => {
    const a = await answer("/season 2023");
    const count = finishes(a).length;
    expect(count).toBeGreaterThan(0);
    expect(a.summary).toContain(`${count} of the 36 Cup races in 2023`);
  });

  it("/versus Larson Buescher finds their one-two", async () => {
    const a = await answer("/versus Larson Buescher");
    expect(finishes(a).map((r) => r.label)).toEqual(["2024 Kansas I"]);
    expect(figure(a, "Kyle Larson won")).toBe("1");
  });

  it("/versus refuses the same driver twice", async () => {
    expect((await ask("/versus Larson Kyle Larson")).status).toBe("rejected");
  });

  it("/leaders ranks close wins with ties", async () => {
    const a = await answer("/leaders");
    expect(a.list?.kind).toBe("standings");
    if (a.list?.kind !== "standings") return;
    expect(a.list.rows[0]).toMatchObject({ rank: "1", driver: "Kyle Larson", wins: 5 });
    expect(
      a.list.rows
        .filter((r) => r.rank === "T-2")
        .map((r) => r.driver)
        .sort(),
    ).toEqual(["Chris Buescher", "Denny Hamlin", "William Byron"]);
    const b = await answer("/leaders runnerups");
    if (b.list?.kind === "standings")
      expect(
        b.list.rows
          .filter((r) => r.rank === "T-1")
          .map((r) => r.driver)
          .sort(),
      ).toEqual(["Ryan Blaney", "Tyler Reddick"]);
  });

  it("/help lists every command and /help margin explains one", async () => {
    const a = await answer("/help");
    expect(a.figures.map((f) => f.label)).toEqual(commands.map((c) => c.usage));
    const b = await answer("/help margin");
    expect(b.notes.join(" ")).toContain("/margin <seconds> [era]");
  });

  it("/about states coverage and the as-of date", async () => {
    const a = await answer("/about");
    expect(figure(a, "Data as of")).toBe("May 5, 2024");
    expect(a.notes.join(" ")).toMatch(/Complete: every Next Gen race decided by \.500 s or less/);
  });

  it("every command's examples answer", async () => {
    for (const command of commands) {
      for (const example of command.examples) expect((await ask(example)).status, example).toBe("answered");
    }
  });

  it("every answer carries a footer and an invocation that reproduces it", async () => {
    for (const line of ["/closest 5 nextgen", "/driver Reddick", "/margin 0.1", "/leaders all involved"]) {
      const a = await answer(line);
      expect(a.footer.asOf).toBe("2024-05-05");
      const again = await answer(a.invocation ?? "");
      expect(again).toEqual(a);
    }
  });
});
