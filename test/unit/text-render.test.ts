import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderText, TEXT_MAX_ROWS } from "../../src/platforms/terminal/render.js";
import { anyAnswer } from "../helpers/arbitraries.js";
import { ask } from "../helpers/data.js";

describe("the terminal renderer", () => {
  it("renders any answer without throwing: title first, summary (word-wrapped), footer, the list cut at its limit", () => {
    let long = 0;
    fc.assert(
      fc.property(anyAnswer, (answer) => {
        const text = renderText(answer);
        // Prose is word-wrapped and code spans lose their backticks: compare words, in order.
        const words = (t: string) => t.replace(/`/g, "").split(/\s+/).filter(Boolean);
        expect(words(text).slice(0, words(answer.title).length)).toEqual(words(answer.title));
        expect(words(text).join(" ")).toContain(words(answer.summary).join(" "));
        expect(words(text).join(" ")).toContain("· data as of");
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
  });

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
