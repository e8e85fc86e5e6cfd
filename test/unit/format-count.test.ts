import { describe, expect, it } from "vitest";
import { formatCount, plural } from "../../src/core/format.js";

describe("formatCount", () => {
  it("groups digits by threes, as prose writes counts", () => {
    expect([0, 7, 999, 1000, 1174, 1234567].map(formatCount)).toEqual([
      "0",
      "7",
      "999",
      "1,000",
      "1,174",
      "1,234,567",
    ]);
    expect(plural(1174, "race")).toBe("1,174 races");
    expect(plural(1, "race")).toBe("1 race");
  });
});
