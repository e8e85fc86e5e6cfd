import { describe, expect, test } from "vitest";
import { formatSeconds, parseMargin } from "../../src/update/margin.js";

describe("margin_of_victory in every form the feed writes", () => {
  test.each([
    ["0.007", 7],
    [".138", 138],
    ["0.3", 300],
    ["11.685", 11685],
    ["1", 1000],
    [" 0.045 ", 45],
  ])("%j is a timed finish of %i ms", (raw, ms) => {
    expect(parseMargin(raw)).toEqual({ kind: "timed", ms });
  });

  test.each(["Caution", "Under Caution", "under caution", "CAUTION"])("%j is a caution finish", (raw) => {
    expect(parseMargin(raw)).toEqual({ kind: "caution" });
  });

  test("an empty string means not run or not updated yet; a missing key means no margins (before 2018)", () => {
    expect(parseMargin("")).toEqual({ kind: "pending" });
    expect(parseMargin("  ")).toEqual({ kind: "pending" });
    expect(parseMargin(undefined)).toEqual({ kind: "absent" });
    expect(parseMargin(null)).toEqual({ kind: "absent" });
  });

  test.each(["abc", "0.0071", "-0.5", "0", "0.000", ".", "1,5"])("%j is refused, never guessed", (raw) => {
    expect(parseMargin(raw)).toEqual({ kind: "invalid", raw });
  });

  test("a number instead of a string is refused with its JSON", () => {
    expect(parseMargin(0.3)).toEqual({ kind: "invalid", raw: "0.3" });
  });

  test("margins are written back with exactly three decimals", () => {
    expect([7, 138, 300, 11685, 1000].map(formatSeconds)).toEqual([
      "0.007",
      "0.138",
      "0.300",
      "11.685",
      "1.000",
    ]);
  });
});
