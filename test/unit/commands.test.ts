import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Answer, FinishRow } from "../../src/core/answer.js";
import { ask } from "../helpers/data.js";

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
    expect(rows.map((r) => r.marginMs ?? -1)).toEqual(
      [...rows.map((r) => r.marginMs ?? -1)].sort((x, y) => x - y),
    );
    expect(rows[0]).toMatchObject({
      margin: ".001",
      winner: "Kyle Larson",
      runnerUp: "Chris Buescher",
      record: true,
    });
    expect(a.tone).toBe("record");
    // Ranked among every race 1993–2024; 2025–2026 margins are not in the data yet, and it says so.
    expect(rows.map((r) => r.rank)).toEqual([
      "1",
      "T-2",
      "T-2",
      "4",
      "T-5",
      "T-5",
      "T-7",
      "T-7",
      "T-9",
      "T-9",
    ]);
    expect(a.notes).toEqual([
      "Margins for 2025 and 2026 (54 races) are not all in the data yet (3 of them are, listed but not ranked), so ranks and shares cover 1993–2024.",
    ]);
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
    expect(a.notes.join(" ")).toMatch(/Not complete past \.008 s/);
    expect(finishes(a).at(-1)?.rank).toBe("–");
    const b = await answer("/closest 5 talladega 2023");
    expect(finishes(b)).toHaveLength(1);
    expect(b.notes.join(" ")).toContain("The data holds 1 timed finish in 2023 at Talladega (2 races run).");
  });

  it("answers a season after the data ends with what is missing, not an error", async () => {
    const a = await answer("/closest 5 2025");
    expect(finishes(a)).toHaveLength(0);
    expect(a.notes.join(" ")).toMatch(/Margins for 2025 are not all in the data yet/);
    const b = await ask("/closest 5 2030");
    expect(b.status).toBe("rejected");
    expect(b.answer.summary).toMatch(/2030 is not in the data: it covers the 1993 to 2026 seasons/);
  });
});

describe("/driver", () => {
  it("Buescher in the Next Gen era: 3 close wins, 1 close runner-up, in 4 of the 38 (2022–2024)", async () => {
    const a = await answer("/driver Buescher nextgen");
    expect(figure(a, "Close wins (.500 s), 2022–2024")).toBe(
      "3 (tied 4th with Denny Hamlin and William Byron)",
    );
    expect(figure(a, "Share of close finishes, 2022–2024")).toBe("4 of 38 (10.5%)");
    expect(a.summary).toMatch(/^Chris Buescher won 5 and finished second in 5 of the 162 Cup races/);
    expect(finishes(a).filter((r) => r.outcome === "won")).toHaveLength(3);
    expect(
      finishes(a)
        .filter((r) => r.outcome === "second")
        .map((r) => r.label),
    ).toEqual(["2024 Kansas I"]);
  });

  it("Larson: most close wins of any driver", async () => {
    const a = await answer("/driver kyle larson nextgen");
    expect(figure(a, "Close wins (.500 s), 2022–2024")).toBe("5 (most of any driver)");
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

  it("gives career results from every race, and says where close finishes are not complete", async () => {
    const a = await answer("/driver Jeff Gordon");
    expect(figure(a, "Wins")).toBe("93 (most of any driver)");
    expect(a.summary).toMatch(
      /^Jeff Gordon won 93 and finished second in 75 of the 1,174 Cup races since 1993\./,
    );
    // He retired before 2018, so the complete stretch says nothing about him: no share is claimed.
    expect(figure(a, "Share of close finishes, 2018–2024")).toBeUndefined();
    expect(finishes(a).map((r) => r.label)).toEqual(["2001 Atlanta I"]);
    expect(a.notes.join(" ")).toMatch(/Not complete past \.008 s/);
  });

  it("points elsewhere when a driver has no result in the era asked", async () => {
    const a = await answer("/driver Jeff Gordon nextgen");
    expect(a.notes.join(" ")).toContain('try /driver "Jeff Gordon".');
  });

  it("says /driver takes no season instead of looking up a driver called 'Larson 2023'", async () => {
    const outcome = await ask("/driver Larson 2023");
    expect(outcome.status).toBe("rejected");
    expect(outcome.answer.summary).toMatch(/takes no season/);
  });
});

describe("/margin", () => {
  it("0.5 nextgen: a share of every Next Gen race whose margin is known (through 2024)", async () => {
    const a = await answer("/margin 0.5 nextgen");
    expect(a.summary).toBe(
      "38 of the 108 Cup races in the Next Gen era through 2024 (35.2%) were decided by .500 s or less; with later races whose margins are in, the data holds 39.",
    );
    expect(figure(a, "Share of all races")).toBe("35.2% (38 of 108)");
    // The 2026 Sonoma finish (.357) is listed too, unranked: its season's margins are not all in.
    expect(finishes(a)).toHaveLength(39);
    expect(finishes(a).find((r) => r.season === 2026)).toMatchObject({ margin: ".357", rank: "–" });
    expect(a.notes).toEqual([
      "Margins for 2025 and 2026 (54 races) are not all in the data yet (3 of them are, listed but not ranked), so ranks and shares cover 2022–2024.",
    ]);
  });

  it("0.1 2020: complete, with the season's share", async () => {
    const a = await answer("/margin 0.1 2020");
    expect(a.summary).toBe("3 of the 36 Cup races in 2020 (8.3%) were decided by .100 s or less.");
    expect(a.notes).toEqual([]);
  });

  it("beyond complete coverage: answers with what the data has and says what is missing", async () => {
    const b = await answer("/margin 0.02");
    expect(figure(b, "Share of all races")).toBeUndefined();
    expect(figure(b, "Share, 2018–2024")).toBe("2.0% (5 of 252)");
    expect(b.summary).toMatch(/^In 2018–2024, where every margin is known, 5 of the 252 Cup races/);
    expect(b.notes.join(" ")).toMatch(/Not complete past \.008 s/);
  });
});

describe("other commands", () => {
  it("/track Talladega lists every recorded finish there", async () => {
    const a = await answer("/track dega");
    expect(finishes(a).every((r) => r.track === "Talladega Superspeedway")).toBe(true);
    expect(figure(a, "Races")).toBe("67");
    expect(figure(a, "Most wins by .500 s or less")).toBe("Ryan Blaney (3)");
  });

  it("/season 2021 lists all 36 races with their margins", async () => {
    const a = await answer("/season 2021");
    const rows = finishes(a);
    expect(rows).toHaveLength(36);
    expect(rows.every((r) => r.marginMs !== undefined || r.margin === "caution")).toBe(true);
    expect(rows[0]?.label).toBe("2021 Daytona 500");
    expect(a.summary).toMatch(/^36 Cup races in 2021; Kyle Larson won the most \(10\)/);
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
    const a = await answer("/leaders nextgen");
    const rows = a.list?.kind === "standings" ? a.list.rows : [];
    expect(a.title).toBe("Most wins by .500 s or less in the Next Gen era (2022–2024)");
    expect(rows[0]).toMatchObject({ rank: "1", driver: "Kyle Larson", wins: 5 });
    expect(
      rows
        .filter((r) => r.rank === "T-2")
        .map((r) => r.driver)
        .sort(),
    ).toEqual(["Joey Logano", "Tyler Reddick"]);
    const b = await answer("/leaders racewins");
    const wins = b.list?.kind === "standings" ? b.list.rows : [];
    expect(wins[0]).toMatchObject({ rank: "1", driver: "Jeff Gordon", raceWins: 93 });
  });

  it("/help lists every command and /help margin explains one", async () => {
    const a = await answer("/help");
    expect(a.figures.map((f) => f.label)).toEqual(commands.map((c) => c.usage));
    const b = await answer("/help margin");
    expect(b.notes.join(" ")).toContain("/margin <seconds> [era]");
  });

  it("/about states coverage and the as-of date", async () => {
    const a = await answer("/about");
    expect(figure(a, "Data as of")).toBe("June 28, 2026");
    expect(a.notes).toContain("2018–2024: every race's finish and margin.");
    expect(a.notes).toContain("2025–2026: winners and runner-ups; margins not in the data yet.");
    expect(a.summary).toMatch(
      /^Every NASCAR Cup Series points race from Feb\. 14, 1993 to June 28, 2026: 1,174 races/,
    );
  });

  it("every command's examples answer", async () => {
    for (const command of commands) {
      for (const example of command.examples) expect((await ask(example)).status, example).toBe("answered");
    }
  });

  it("every answer carries a footer and an invocation that reproduces it", async () => {
    for (const line of ["/closest 5 nextgen", "/driver Reddick", "/margin 0.1", "/leaders all involved"]) {
      const a = await answer(line);
      expect(a.footer.asOf).toBe("2026-06-28");
      const again = await answer(a.invocation ?? "");
      expect(again).toEqual(a);
    }
  });
});

describe("/race", () => {
  it("shows one race's card with its rank among every finish that no missing race could outrank", async () => {
    const a = await answer("/race 2024 kansas 1");
    expect(a.title).toBe("2024 Kansas I: AdventHealth 400");
    expect(figure(a, "Margin")).toBe(".001 s");
    expect(figure(a, "Rank")).toBe("the closest of 1,120 races 1993–2024");
    const b = await answer("/race 2022 daytona 500");
    expect(b.title).toBe("2022 Daytona 500");
    expect(figure(b, "Rank")).toBe("6th closest of 230 timed finishes 2018–2024");
  });

  it("says 'under caution' for a caution finish, and gives the latest race", async () => {
    const caution = await answer("/race 2024 daytona 1");
    expect(figure(caution, "Margin")).toBe("ended under caution (gap at the line .006 s)");
    expect(figure(caution, "Rank")).toBeUndefined();
    const latest = await answer("/race latest");
    expect(latest.title).toBe("2026 Sonoma: Toyota / Save Mart 350");
    const unknown = await answer("/race 2025 kansas 1");
    expect(figure(unknown, "Margin")).toBe("not in the data yet");
  });
});

describe("the answer builder", () => {
  it("decides the record tone once, from the rows: any list holding the closest finish is a record answer", async () => {
    for (const line of [
      "/margin 0.5 nextgen",
      "/versus Larson Buescher",
      "/closest",
      "/driver Buescher nextgen",
    ]) {
      const a = await answer(line);
      expect(
        finishes(a).some((r) => r.record),
        line,
      ).toBe(true);
      expect(a.tone, line).toBe("record");
    }
    for (const line of ["/margin 0.1 2020", "/season 2021"])
      expect((await answer(line)).tone, line).toBe("info");
  });

  it("fills the footer and keeps help and about private, everything else public", async () => {
    for (const line of ["/help", "/about"]) expect((await answer(line)).ephemeral, line).toBe(true);
    for (const line of ["/closest", "/race latest", "/leaders"]) {
      const a = await answer(line);
      expect(a.ephemeral, line).toBe(false);
      expect(a.footer.asOf, line).toBe("2026-06-28");
    }
  });
});
