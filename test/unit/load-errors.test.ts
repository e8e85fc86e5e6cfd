import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError, type DataProblem, loadDataset } from "../../src/data/load.js";
import { copyData, editData } from "../helpers/temp-data.js";

async function problemsOf(dir: string): Promise<DataProblem[]> {
  try {
    await loadDataset(dir);
  } catch (error) {
    if (error instanceof DataError) return [...error.problems];
    throw error;
  }
  throw new Error("expected the data to be rejected");
}

/** Replaces text on the line of races.csv that holds `id`. Line numbers count the header as 1. */
function editRow(dir: string, id: string, from: string, to: string): number {
  let line = 0;
  editData(dir, "races.csv", (text) =>
    text
      .split("\n")
      .map((row, i) => {
        if (!row.startsWith(`${id},`)) return row;
        line = i + 1;
        if (!row.includes(from)) throw new Error(`${from} not in ${row}`);
        return row.replace(from, to);
      })
      .join("\n"),
  );
  return line;
}

describe("loading the data", () => {
  it("loads the real files", async () => {
    const data = await loadDataset();
    expect(data.races).toHaveLength(1174);
  });

  it("refuses a races.csv cut at a row boundary: each season's race count is declared", async () => {
    const dir = copyData();
    editData(dir, "races.csv", (text) => text.split("\n").slice(0, 20).join("\n"));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining("dataset.json"),
        field: "seasons.0.races",
        message: expect.stringContaining("declares 30 races in 1993 but races.csv holds 19"),
      }),
    );
  });

  it("refuses a round out of order, a gap in the rounds and a date before the previous round", async () => {
    const dir = copyData();
    const early = editRow(dir, "2024-13", ",2024-05-12,", ",2024-05-01,");
    // Drop round 11: the row after it now sits where round 11 should be.
    const gap = editRow(dir, "2024-11", "2024-11,", "");
    editData(dir, "races.csv", (text) =>
      text
        .split("\n")
        .filter((l) => !l.startsWith("2024,11,"))
        .join("\n"),
    );
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ row: gap, field: "round", message: expect.stringContaining("expected 11") }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ row: early - 1, field: "date" }));
    expect(problems).toContainEqual(expect.objectContaining({ field: "seasons.31.races" }));
  });

  it("refuses a margin on a caution finish and a timed finish without one", async () => {
    const dir = copyData();
    const caution = editRow(dir, "2024-01", ",caution,,0.006,", ",caution,0.006,,");
    const timed = editRow(dir, "2024-11", ",timed,0.256,", ",timed,,");
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ row: caution, field: "margin" }));
    expect(problems).toContainEqual(expect.objectContaining({ row: timed, field: "margin" }));
  });

  it("names file, row and field for a bad margin", async () => {
    const dir = copyData();
    const row = editRow(dir, "2024-11", ",0.256,", ",0.25x,");
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining("races.csv"), row, field: "margin" }),
    );
  });

  it("rejects a margin written with more or fewer than three decimals", async () => {
    const dir = copyData();
    const row = editRow(dir, "2024-11", ",0.256,", ",0.26,");
    expect(await problemsOf(dir)).toContainEqual(expect.objectContaining({ row, field: "margin" }));
  });

  it("names an unknown driver", async () => {
    const dir = copyData();
    const row = editRow(dir, "2024-11", "Denny Hamlin", "Denny Hamblin");
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ row, field: "winner", message: expect.stringContaining("Denny Hamblin") }),
    );
  });

  it("rejects a duplicate race", async () => {
    const dir = copyData();
    editData(dir, "races.csv", (text) => {
      const lines = text.trimEnd().split("\n");
      const dover = lines.find((l) => l.startsWith("2024-11,")) as string;
      return `${[...lines, dover].join("\n")}\n`;
    });
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.field === "id" && p.message.includes("duplicate"))).toBe(true);
  });

  it("rejects a date outside its season", async () => {
    const dir = copyData();
    const row = editRow(dir, "2024-11", ",2024-04-28,", ",2023-04-28,");
    expect(await problemsOf(dir)).toContainEqual(
      expect.objectContaining({ row, field: "date", message: expect.stringContaining("outside season") }),
    );
  });

  it("rejects an unknown track and a date that is not a real day", async () => {
    const dir = copyData();
    const trackRow = editRow(dir, "2024-11", ",dover,", ",dovr,");
    const dateRow = editRow(dir, "2022-02", "2022-02-27", "2022-02-30");
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ row: trackRow, field: "track" }));
    expect(problems).toContainEqual(expect.objectContaining({ row: dateRow, field: "date" }));
  });

  it("reports every problem at once, not just the first", async () => {
    const dir = copyData();
    editRow(dir, "2024-11", ",0.256,", ",abc,");
    editRow(dir, "2022-02", "Kyle Larson", "Nobody");
    expect((await problemsOf(dir)).length).toBeGreaterThanOrEqual(2);
  });

  it("names the JSON file and field for a malformed dataset.json", async () => {
    const dir = copyData();
    editData(dir, "dataset.json", (text) => text.replace('"asOf": "2026-06-28"', '"asOf": "May 5"'));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining(`dataset.json`), field: "asOf" }),
    );
  });

  it("reports a missing file by name", async () => {
    const problems = await problemsOf(path.join(copyData(), "nowhere"));
    expect(problems.map((p) => p.file).join(" ")).toContain("races.csv");
  });
});
