import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { formatMargin } from "../src/core/format.js";
import type { Dataset } from "../src/data/dataset.js";
import { raceRowSchema } from "../src/data/schema.js";
import { DEFAULT_DATA_DIR } from "../src/paths.js";
import { realData } from "./helpers/data.js";

const article = readFileSync(`${DEFAULT_DATA_DIR}/source/closest-finishes-article.txt`, "utf8");

/** Reads the article's list lines: ".001 — Kyle Larson wins 2024 Kansas I over Chris Buescher". */
function articleLines(section: string, next: string | undefined) {
  const start = article.indexOf(section);
  const end = next ? article.indexOf(next, start) : article.length;
  return [
    ...article.slice(start, end).matchAll(/^(\.\d{3}) — (.+?) wins (?:the )?(\d{4}) (.+?) over (.+)$/gm),
  ].map((m) => ({
    margin: m[1] as string,
    winner: m[2] as string,
    season: Number(m[3]),
    label: (m[4] as string).replace(/ race$/, ""),
    runnerUp: (m[5] as string).replace(/ \(.*\)$/, ""),
  }));
}

// The article's known errors (design notes): the data holds the corrected facts.
const CORRECTIONS: Record<string, { winner?: string; label?: string }> = {
  "2003 Darlington I": { winner: "Ricky Craven" },
  "2007 Daytona I": { label: "Daytona II" },
  "1993 Talladega I": { label: "Talladega II" },
};
// Margins that contemporary reports give differently are kept as the article lists them.

describe("data/races.csv", () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await realData();
  });

  it("every row passes the schema", () => {
    const rows = parse(readFileSync(`${DEFAULT_DATA_DIR}/races.csv`, "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(raceRowSchema.safeParse(row).success, JSON.stringify(row)).toBe(true);
  });

  const lists = [
    {
      name: "Next Gen list",
      section: "Closest Next Gen era finishes",
      next: "All-time closest",
      tag: "nextgen",
      size: 29,
    },
    {
      name: "all-time list",
      section: "All-time closest Cup finishes",
      next: undefined,
      tag: "alltime",
      size: 10,
    },
  ] as const;

  for (const list of lists) {
    it(`holds every race of the article's ${list.name}, with the known errors corrected`, () => {
      const lines = articleLines(list.section, list.next);
      expect(lines).toHaveLength(list.size);
      for (const line of lines) {
        const fix = CORRECTIONS[`${line.season} ${line.label}`] ?? {};
        const label = fix.label ?? line.label;
        const race = data.races.find((r) => r.season === line.season && r.label === label);
        expect(race, `${line.season} ${label}`).toBeDefined();
        if (!race) continue;
        expect(formatMargin(race.marginMs)).toBe(line.margin);
        expect(data.drivers.get(race.winnerId)?.name.normalize("NFD").replace(/\p{M}/gu, "")).toBe(
          fix.winner ?? line.winner,
        );
        expect(data.drivers.get(race.runnerUpId)?.name).toBe(line.runnerUp);
        expect(race.lists).toContain(list.tag);
      }
      expect(data.races.filter((r) => r.lists.includes(list.tag))).toHaveLength(list.size);
    });
  }

  it("stores races that are in both lists once (37 races, not 39)", () => {
    expect(data.races).toHaveLength(37);
    expect(new Set(data.races.map((r) => r.id)).size).toBe(37);
    expect(
      data.races
        .filter((r) => r.lists.length === 2)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["2024-atlanta-i", "2024-kansas-i"]);
  });

  it("fixes the article's known errors", () => {
    const byId = (id: string) => data.races.find((r) => r.id === id);
    expect(byId("2007-daytona-ii")).toMatchObject({ date: "2007-07-07", raceName: "Pepsi 400" });
    expect(byId("1993-talladega-ii")).toMatchObject({ date: "1993-07-25", raceName: "DieHard 500" });
    expect(data.drivers.get(byId("2003-darlington-i")?.winnerId ?? "")?.name).toBe("Ricky Craven");
    const talladega = byId("2023-talladega-ii");
    expect(data.drivers.get(talladega?.runnerUpId ?? "")?.name).toBe("William Byron");
    expect(talladega?.note).toMatch(/Harvick.*disqualified/);
  });

  it("every race names the report that confirms it, and a date within its season", () => {
    for (const race of data.races) {
      expect(race.source).toMatch(/^https?:\/\//);
      expect(race.date.startsWith(String(race.season))).toBe(true);
    }
  });

  it("eras and coverage are data: the Next Gen race count comes from the season table", () => {
    const seasons = [...data.seasons.values()].filter((s) => s.from >= "2022-02-20");
    expect(seasons.reduce((sum, s) => sum + s.races, 0)).toBe(84);
    expect(data.eras.map((e) => e.id).sort()).toEqual(["all", "nextgen"]);
    expect(data.coverage.map((c) => c.maxMarginMs).sort((a, b) => a - b)).toEqual([8, 500]);
  });
});
