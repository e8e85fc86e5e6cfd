import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderText, TEXT_MAX_ROWS } from "../../src/platforms/terminal/render.js";
import { anyAnswer } from "../helpers/arbitraries.js";
import { ask } from "../helpers/data.js";
import { PROPERTY_TIMEOUT_MS } from "../setup/fast-check.js";

describe("the terminal renderer", () => {
  it(
    "renders any answer without throwing: title first, summary (word-wrapped), footer, the list cut at its limit",
    () => {
      let long = 0;
      fc.assert(
        fc.property(anyAnswer, (answer) => {
          const text = renderText(answer);
          // Prose is word-wrapped (a word longer than the line is cut into pieces) and code spans lose
          // their backticks: compare the characters in order, without whitespace or backticks.
          const squeeze = (t: string) => t.replace(/[`\s]/g, "");
          expect(squeeze(text).startsWith(squeeze(answer.title))).toBe(true);
          expect(squeeze(text)).toContain(squeeze(answer.summary));
          expect(squeeze(text)).toContain("·dataasof");
          // "undefined" shows only where the answer itself says it.
          expect(text.includes("undefined") && !JSON.stringify(answer).includes("undefined")).toBe(false);
          const rows = answer.list?.rows.length ?? 0;
          expect(text.includes(`… and ${rows - TEXT_MAX_ROWS} more`)).toBe(rows > TEXT_MAX_ROWS);
          if (rows > TEXT_MAX_ROWS) long++;
        }),
        { numRuns: 200 },
      );
      // The generator really reaches lists cut at the limit.
      expect(long).toBeGreaterThan(10);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("aligns a table by characters, so accented names line up", async () => {
    const text = renderText((await ask("/closest 5 nextgen")).answer);
    const rows = text.split("\n").filter((l) => /^\s+\d+\s+\.\d{3}/.test(l));
    expect(rows).toHaveLength(5);
    // Every row's runner-up starts in the column where the header says "Runner-up".
    const header = text.split("\n").find((l) => l.includes("Runner-up")) ?? "";
    const column = header.indexOf("Runner-up");
    for (const row of rows)
      expect([...row].slice(column).join("")).toMatch(
        /^(Chris Buescher|Ryan Blaney|Brad Keselowski|Bubba Wallace)/,
      );
  });
});
