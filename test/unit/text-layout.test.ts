import { stripVTControlCharacters } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { renderText } from "../../src/platforms/terminal/render.js";
import { COLOR_STYLE } from "../../src/platforms/terminal/style.js";
import { anyAnswer } from "../helpers/arbitraries.js";
import { ask } from "../helpers/data.js";

/** Terminal columns of a line, counted independently of the renderer: characters, no escapes. */
const columns = (line: string) => [...stripVTControlCharacters(line)].length;
const tokens = (text: string) => new Set(stripVTControlCharacters(text).split(/\s+/));

/** The prose an answer carries, word by word (code spans excluded: their backticks are dropped). */
function proseWords(answer: Answer): string[] {
  const prose = [
    answer.title,
    answer.summary,
    ...answer.notes,
    ...answer.figures.map((f) => f.value),
    // Only the rows the terminal shows (the first 50) carry their notes into the text.
    ...(answer.list?.kind === "finishes" ? answer.list.rows.slice(0, 50).map((r) => r.note ?? "") : []),
    answer.footer.source,
  ];
  return prose.flatMap((p) => p.split(/\s+/)).filter((w) => w && !w.includes("`"));
}

const LINES = [
  "/closest 25",
  "/closest 5 nextgen",
  "/driver Buescher",
  "/driver Larson all",
  "/margin 0.5 nextgen",
  "/margin 0.5 all",
  "/track Talladega all",
  "/season 2023",
  "/versus Larson Buescher",
  "/leaders all involved",
  "/help",
  "/help closest",
  "/about",
  "/driver Busch",
  "/margin abc",
  "/leaders nextgen by:bogus",
];

describe("terminal layout at 60, 80 and 120 columns", () => {
  for (const width of [60, 80, 120]) {
    it(`at ${width} columns: no line longer than the width, no word split across lines`, async () => {
      for (const line of LINES) {
        const answer = (await ask(line)).answer;
        const text = renderText(answer, { width });
        const long = text.split("\n").filter((l) => columns(l) > width);
        expect(long, `${line} at ${width}`).toEqual([]);
        const words = tokens(text);
        const split = proseWords(answer).filter((w) => [...w].length < width - 8 && !words.has(w));
        expect(split, `${line} at ${width}`).toEqual([]);
      }
    });
  }

  it("keeps the full table when there is room, and gives up the date before any name at 60", async () => {
    const answer = (await ask("/closest 5 nextgen")).answer;
    const wide = renderText(answer, { width: 120 });
    expect(wide).toMatch(/Date +Winner +Runner-up/);
    expect(wide).toContain("Kyle Larson");
    const narrow = renderText(answer, { width: 60 });
    expect(narrow).not.toContain("Date");
    expect(narrow).toMatch(/Winner/);
    expect(narrow).toMatch(/Runner-up/);
    // Every race is still there, on one line with its margin.
    // A long label may be cut with "…", never dropped.
    for (const row of answer.list?.kind === "finishes" ? answer.list.rows : [])
      expect(narrow).toMatch(new RegExp(`${row.margin.replace(".", "\\.")} +${row.label.slice(0, 10)}`));
  });

  it("piped output keeps a fixed width of 100 columns", async () => {
    const text = renderText((await ask("/margin 0.5 all")).answer);
    const widest = Math.max(...text.split("\n").map(columns));
    expect(widest).toBeLessThanOrEqual(100);
    expect(widest).toBeGreaterThan(80);
  });

  it("any answer, any width from 40 to 160: no line longer than the width", () => {
    fc.assert(
      fc.property(anyAnswer, fc.integer({ min: 40, max: 160 }), (answer, width) => {
        const text = renderText(answer, { width, style: COLOR_STYLE });
        const long = text.split("\n").filter((l) => columns(l) > width);
        expect(long).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("terminal emphasis", () => {
  it("code words lose their backticks: plain when piped, styled in colour", async () => {
    const answer = (await ask("/leaders nextgen by:bogus")).answer;
    expect(answer.summary).toContain("`closewins`");
    const plain = renderText(answer);
    expect(plain).not.toContain("`");
    expect(plain).toContain("one of closewins, closeseconds, involved, racewins, raceseconds;");
    const coloured = renderText(answer, { style: COLOR_STYLE });
    expect(coloured).not.toContain("`");
    expect(coloured).not.toBe(plain);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
  });

  it("plain text has no escape codes at all", async () => {
    for (const line of LINES) expect(renderText((await ask(line)).answer)).not.toContain("\u001b");
  });
});
