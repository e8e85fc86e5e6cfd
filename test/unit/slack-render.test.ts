import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, FinishRow } from "../../src/core/answer.js";
import { decodeButtonValue } from "../../src/platforms/slack/action-value.js";
import { type SlackMessage, toSlackMessage } from "../../src/platforms/slack/render.js";
import { escapeMrkdwn, packLines, truncateMrkdwn, truncatePlain } from "../../src/platforms/slack/text.js";
import { anyAnswer } from "../helpers/arbitraries.js";
import { mrkdwnTexts, slackViolations, unescaped } from "../helpers/slack-limits.js";
import { PROPERTY_TIMEOUT_MS } from "../setup/fast-check.js";

const footer = { source: "The article", asOf: "2024-05-05" };

function row(n: number, extra: Partial<FinishRow> = {}): FinishRow {
  return {
    raceId: `race-${n}`,
    margin: `.${String(n).padStart(3, "0")}`,
    marginMs: n,
    date: "2024-05-05",
    dateText: "May 5, 2024",
    season: 2024,
    label: `2024 Race ${n}`,
    raceName: `Race ${n} 400`,
    track: "Kansas Speedway",
    winner: `Winner ${n}`,
    runnerUp: `Second ${n}`,
    ...extra,
  };
}

const small: Answer = {
  title: "Closest finishes since 1993",
  summary: "The closest finish was .001 s.",
  figures: [{ label: "Races", value: "2" }],
  list: {
    kind: "finishes",
    rows: [row(1, { record: true, note: "Overtime." }), row(2, { outcome: "second" })],
  },
  notes: ["Complete to .008 s."],
  footer,
  tone: "record",
  ephemeral: false,
  invocation: "/closest 2",
};

const buttons = (message: SlackMessage) =>
  message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));

describe("toSlackMessage", () => {
  it("renders a small answer to exactly this message", () => {
    expect(toSlackMessage(small)).toEqual({
      response_type: "in_channel",
      text: "Closest finishes since 1993: The closest finish was .001 s.",
      blocks: [
        {
          type: "header",
          text: { type: "plain_text", text: ":checkered_flag: Closest finishes since 1993", emoji: true },
        },
        { type: "section", text: { type: "mrkdwn", text: "The closest finish was .001 s." } },
        { type: "section", fields: [{ type: "mrkdwn", text: "*Races*\n2" }] },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text:
              "*Finishes*\n" +
              "1. *.001 s*  2024 Race 1 (May 5, 2024): *Winner 1* over Second 1  :checkered_flag: _record_\n" +
              "      ↳ _Overtime._\n" +
              "2. *.002 s*  2024 Race 2 (May 5, 2024): *Winner 2* over Second 2 (2nd)",
          },
        },
        { type: "section", text: { type: "mrkdwn", text: "Complete to .008 s." } },
        {
          type: "context",
          elements: [
            { type: "mrkdwn", text: "Source: The article" },
            { type: "mrkdwn", text: "Data as of May 5, 2024" },
          ],
        },
      ],
    });
  });

  it("sends rejections privately, with the usage line and a button per choice", () => {
    const message = toSlackMessage({
      title: "Which driver?",
      summary: "“Busch” could be Kurt Busch and Kyle Busch. Which one?",
      figures: [],
      notes: [],
      choices: [
        { label: "Kurt Busch", command: '/driver "Kurt Busch"' },
        { label: "Kyle Busch", command: '/driver "Kyle Busch"' },
      ],
      usage: "/driver <name> [era]",
      footer,
      tone: "choice",
      ephemeral: true,
    });
    expect(message.response_type).toBe("ephemeral");
    expect(message.text).toBe("Which driver? “Busch” could be Kurt Busch and Kyle Busch. Which one?");
    expect(mrkdwnTexts(message)).toContain("*Usage:* `/driver &lt;name&gt; [era]`");
    expect(buttons(message).map((b) => [b.text.text, decodeButtonValue(b.value)])).toEqual([
      ["Kurt Busch", { kind: "choice", line: '/driver "Kurt Busch"' }],
      ["Kyle Busch", { kind: "choice", line: '/driver "Kyle Busch"' }],
    ]);
  });

  it("pages a long list, each button carrying the command line and the page it shows", () => {
    const long: Answer = {
      ...small,
      list: { kind: "finishes", rows: Array.from({ length: 25 }, (_, i) => row(i + 1)) },
    };
    const first = toSlackMessage(long);
    expect(mrkdwnTexts(first).join("\n")).toContain(`*Finishes 1–10 of 25*`);
    expect(buttons(first).map((b) => [b.text.text, decodeButtonValue(b.value)])).toEqual([
      ["Next ▶", { kind: "page", line: "/closest 2", page: 1 }],
    ]);
    const middle = toSlackMessage(long, 1);
    const text = mrkdwnTexts(middle).join("\n");
    expect(text).toContain("11. *.011 s*");
    expect(text).not.toContain("10. *.010 s*");
    expect(text).toContain("Page 2 of 3");
    expect(buttons(middle).map((b) => decodeButtonValue(b.value))).toEqual([
      { kind: "page", line: "/closest 2", page: 0 },
      { kind: "page", line: "/closest 2", page: 2 },
    ]);
    const last = toSlackMessage(long, 99);
    expect(mrkdwnTexts(last).join("\n")).toContain("*Finishes 21–25 of 25*");
    expect(buttons(last).map((b) => b.text.text)).toEqual(["◀ Previous"]);
  });

  it("shows the first page and says so when a list cannot be paged", () => {
    const { invocation: _, ...rest } = small;
    const message = toSlackMessage({
      ...rest,
      list: { kind: "finishes", rows: Array.from({ length: 15 }, (_, i) => row(i + 1)) },
    });
    expect(buttons(message)).toEqual([]);
    expect(mrkdwnTexts(message).join("\n")).toContain("_Showing the first 10 of 15._");
  });

  it("escapes names and user text so they can never mention, link or break the message", () => {
    const message = toSlackMessage({
      ...small,
      title: "<!channel> & co",
      summary: "I don't have a driver called “<@U123> & <https://x.y|click>”.",
      list: { kind: "finishes", rows: [row(1, { winner: "A <b> & C" })] },
    });
    expect(unescaped(message)).toEqual([]);
    expect(mrkdwnTexts(message).join("\n")).toContain("&lt;@U123&gt; &amp; &lt;https://x.y|click&gt;");
    expect(message.text).toContain("&lt;!channel&gt; &amp; co");
  });

  it("keeps an oversized answer within every limit and says what it left out", () => {
    const huge: Answer = {
      title: "T".repeat(400),
      summary: "S".repeat(5000),
      figures: Array.from({ length: 45 }, (_, i) => ({
        label: `L${i} ${"l".repeat(300)}`,
        value: "v".repeat(3000),
      })),
      list: {
        kind: "finishes",
        rows: Array.from({ length: 100 }, (_, i) =>
          row(i + 1, { winner: "W".repeat(400), runnerUp: "R".repeat(400), note: "n".repeat(2000) }),
        ),
      },
      notes: ["N".repeat(5000), "M".repeat(5000), ...Array.from({ length: 60 }, (_, i) => `note ${i}`)],
      choices: Array.from({ length: 30 }, (_, i) => ({
        label: "C".repeat(200),
        command: `/driver ${"x".repeat(i * 100)}`,
      })),
      usage: "/u".repeat(900),
      footer: { source: "s".repeat(5000), asOf: "2024-05-05" },
      tone: "info",
      ephemeral: false,
      invocation: "/closest 100",
    };
    for (const page of [0, 5, 9]) expect(slackViolations(toSlackMessage(huge, page))).toEqual([]);
    const text = mrkdwnTexts(toSlackMessage(huge)).join("\n");
    expect(text).toMatch(/_… 16 more not shown_/); // 45 figures: 29 shown in three sections of fields
    // Notes that need more blocks than a message may hold fill it to the limit, and say so.
    const wordy = toSlackMessage({ ...huge, notes: Array.from({ length: 80 }, () => "n".repeat(2900)) });
    expect(slackViolations(wordy)).toEqual([]);
    expect(wordy.blocks).toHaveLength(50);
    expect(mrkdwnTexts(wordy).some((t) => /more not shown_$/.test(t))).toBe(true);
  });

  it(
    "keeps any answer, on any page, within every limit and fully escaped",
    () => {
      fc.assert(
        fc.property(anyAnswer, fc.integer({ min: -3, max: 20 }), (answer, page) => {
          const message = toSlackMessage(answer, page);
          expect(slackViolations(message)).toEqual([]);
          expect(unescaped(message)).toEqual([]);
          expect(message.response_type).toBe(answer.ephemeral ? "ephemeral" : "in_channel");
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe("Slack text helpers", () => {
  it("never cuts through an escape or a surrogate pair", () => {
    expect(truncateMrkdwn(escapeMrkdwn("ab&cd"), 5)).toBe("ab…");
    expect(truncatePlain("ab😀cd", 4)).toBe("ab…");
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (text, max) => {
          const cut = truncateMrkdwn(escapeMrkdwn(text), max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(cut).not.toMatch(/&(?!amp;|lt;|gt;)/);
          expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        },
      ),
    );
  });

  it("packs items into chunks and counts the ones that did not fit", () => {
    expect(packLines(["aaa", "bbb", "ccc"], 7, 5)).toEqual(["aaa\nbbb", "ccc"]);
    const [only] = packLines(["a".repeat(10), "b".repeat(10), "c".repeat(10)], 31, 1);
    expect(only).toBe(`${"a".repeat(10)}\n_… 2 more not shown_`);
    expect(packLines(["x"], 10, 0)).toEqual([]);
  });
});
