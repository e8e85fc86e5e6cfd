import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, FinishRow } from "../../src/core/answer.js";
import { decodeButton, encodeButton } from "../../src/platforms/discord/custom-id.js";
import {
  embedCharacters,
  renderDiscordMessage,
  TONE_COLORS,
  toDiscordResponse,
} from "../../src/platforms/discord/render.js";
import { truncate } from "../../src/platforms/discord/text.js";
import { DISCORD, expectWithinDiscordLimits } from "../helpers/discord-limits.js";
import { PROPERTY_TIMEOUT_MS } from "../setup/fast-check.js";

const footer = { source: "Test source", asOf: "2024-05-05" };

function row(i: number, overrides: Partial<FinishRow> = {}): FinishRow {
  return {
    raceId: `race-${i}`,
    margin: `.${String(i).padStart(3, "0")}`,
    marginMs: i,
    date: "2023-08-26",
    dateText: "Aug. 26, 2023",
    season: 2023,
    label: `2023 Track ${i}`,
    raceName: `Race ${i}`,
    track: "Test Speedway",
    winner: `Winner ${i}`,
    runnerUp: `Second ${i}`,
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    title: "Closest finishes",
    summary: "One race was close.",
    figures: [{ label: "Races", value: "1" }],
    notes: [],
    footer,
    tone: "info",
    ephemeral: false,
    ...overrides,
  };
}

describe("Discord renderer", () => {
  it("renders a small answer as exactly one embed with fields, list and footer", () => {
    const small = answer({
      list: { kind: "finishes", rows: [row(1, { record: true, note: "Overtime.", outcome: "won" })] },
      notes: ["Data runs through May 5, 2024."],
      tone: "record",
      invocation: "/closest 1",
    });
    expect(toDiscordResponse(small)).toEqual({
      type: 4,
      data: {
        embeds: [
          {
            title: "Closest finishes",
            description:
              "One race was close.\n\n**1.** `.001 s` **Winner 1** over Second 1 · won ⭐ record\n-# 2023 Track 1 · Race 1 · Aug. 26, 2023 — Overtime.\n\n> Data runs through May 5, 2024.",
            color: TONE_COLORS.record,
            fields: [{ name: "Races", value: "1", inline: true }],
            footer: { text: "Test source · Data as of May 5, 2024" },
          },
        ],
        components: [],
        allowed_mentions: { parse: [] },
      },
    });
  });

  it("makes errors ephemeral, shows the usage, and colours them as errors", () => {
    const response = toDiscordResponse(
      answer({ tone: "error", ephemeral: true, figures: [], usage: "/margin <seconds> [era]" }),
    );
    expect(response).toMatchObject({ type: 4, data: { flags: 64 } });
    const embed = (response as { data: { embeds: { description: string; color: number }[] } }).data.embeds[0];
    expect(embed?.description).toContain("Usage: `/margin <seconds> [era]`");
    expect(embed?.color).toBe(TONE_COLORS.error);
  });

  it("gives each tone its own colour", () => {
    expect(new Set(Object.values(TONE_COLORS)).size).toBe(4);
  });

  it("escapes markdown in names so they show literally", () => {
    const message = renderDiscordMessage(
      answer({ list: { kind: "finishes", rows: [row(1, { winner: "*Bold*_Guy_" })] } }),
    );
    expect(message.embeds[0]?.description).toContain("**\\*Bold\\*\\_Guy\\_**");
  });

  it("renders standings with the ranked metric in bold", () => {
    const message = renderDiscordMessage(
      answer({
        list: {
          kind: "standings",
          metric: "runnerUps",
          rows: [
            {
              rank: "T-1",
              driver: "Ryan Blaney",
              wins: 2,
              runnerUps: 4,
              involved: 6,
              raceWins: 9,
              raceRunnerUps: 12,
            },
          ],
        },
      }),
    );
    expect(message.embeds[0]?.description).toContain("**T-1.** Ryan Blaney — 2 won · **4** 2nd · 6 total");
  });

  describe("paging", () => {
    const long = answer({
      list: { kind: "finishes", rows: Array.from({ length: 25 }, (_, i) => row(i + 1)) },
      invocation: "/closest 25 nextgen",
    });

    it("shows the first page with Previous greyed and Next pointing at page 2", () => {
      const message = renderDiscordMessage(long, 0);
      expect(message.embeds[0]?.footer?.text).toContain("Page 1 of 3");
      expect(message.embeds[0]?.description).toContain(`**10.**`);
      expect(message.embeds[0]?.description).not.toContain(`**11.**`);
      expect(message.components[0]?.components).toEqual([
        expect.objectContaining({ custom_id: "pf:p:1:/closest 25 nextgen", disabled: true }),
        expect.objectContaining({ custom_id: "pf:p:2:/closest 25 nextgen", disabled: false }),
      ]);
    });

    it("numbers rows across pages and greys Next on the last page", () => {
      const message = renderDiscordMessage(long, 2);
      expect(message.embeds[0]?.description).toContain("**21.**");
      expect(message.embeds[0]?.description).toContain("**25.**");
      expect(message.embeds[0]?.footer?.text).toContain("Page 3 of 3");
      expect(message.components[0]?.components[1]).toMatchObject({ disabled: true });
    });

    it("shows the last page for a page past the end (the list shrank since the click)", () => {
      expect(renderDiscordMessage(long, 99).embeds[0]?.footer?.text).toContain("Page 3 of 3");
    });

    it("replaces the clicked message (type 7) without flags when updating", () => {
      const response = toDiscordResponse({ ...long, ephemeral: true }, 1, "update");
      expect(response.type).toBe(7);
      expect((response as { data: object }).data).not.toHaveProperty("flags");
    });

    it("omits paging and says how much is shown when the command line cannot fit a custom_id", () => {
      const message = renderDiscordMessage({ ...long, invocation: `/driver "${"x".repeat(120)}"` });
      expect(message.components).toEqual([]);
      expect(message.embeds[0]?.description).toContain(`Showing the first 10 of 25.`);
      expect(message.embeds[0]?.footer?.text).not.toContain("Page");
    });
  });

  describe("choices", () => {
    it("become buttons that run their command line", () => {
      const message = renderDiscordMessage(
        answer({
          tone: "choice",
          ephemeral: true,
          choices: [
            { label: "Kurt Busch", command: '/driver "Kurt Busch"' },
            { label: "Kyle Busch", command: '/driver "Kyle Busch"' },
          ],
        }),
      );
      const buttons = message.components.flatMap((r) => r.components);
      expect(buttons.map((b) => ("label" in b ? b.label : ""))).toEqual(["Kurt Busch", "Kyle Busch"]);
      expect(buttons.map((b) => decodeButton("custom_id" in b ? b.custom_id : ""))).toEqual([
        { kind: "choice", line: '/driver "Kurt Busch"' },
        { kind: "choice", line: '/driver "Kyle Busch"' },
      ]);
      expect(message.flags).toBe(64);
    });

    it("that cannot fit a custom_id are listed as text instead", () => {
      const command = `/versus "${"a".repeat(60)}" "${"b".repeat(60)}"`;
      const message = renderDiscordMessage(answer({ choices: [{ label: "Long", command }] }));
      expect(message.components).toEqual([]);
      expect(message.embeds[0]?.description).toContain(`Try: \`${command}\``);
    });
  });

  describe("limits hold for oversized answers", () => {
    const huge = "Ŵ".repeat(3000);
    it("with 100 rows, 30 figures, 5000-character notes and huge names", () => {
      const big = answer({
        title: huge,
        summary: huge,
        figures: Array.from({ length: 30 }, (_, i) => ({ label: `${huge}${i}`, value: huge })),
        list: {
          kind: "finishes",
          rows: Array.from({ length: 100 }, (_, i) => row(i, { winner: huge, runnerUp: huge, note: huge })),
        },
        notes: ["n".repeat(5000), "m".repeat(5000)],
        usage: huge,
        choices: Array.from({ length: 40 }, (_, i) => ({ label: huge, command: `/driver d${i}` })),
        footer: { source: huge, asOf: "2024-05-05" },
        invocation: "/closest 25",
      });
      for (const page of [0, 5, 9]) {
        const message = renderDiscordMessage(big, page);
        expectWithinDiscordLimits(message);
        expect(embedCharacters(message.embeds)).toBeLessThanOrEqual(DISCORD.embedTotal);
      }
    });

    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 400 }),
      fc.string({ minLength: 1000, maxLength: 6000 }),
    );
    const arbitraryRow = fc.record({
      raceId: fc.string(),
      margin: text,
      marginMs: fc.option(fc.nat(), { nil: undefined }),
      rank: fc.option(text, { nil: undefined }),
      date: fc.constant("2024-01-01"),
      dateText: text,
      season: fc.integer({ min: 1993, max: 2100 }),
      label: text,
      raceName: text,
      track: text,
      winner: text,
      runnerUp: text,
      note: fc.option(text, { nil: undefined }),
      outcome: fc.option(fc.constantFrom("won" as const, "second" as const), { nil: undefined }),
      record: fc.option(fc.boolean(), { nil: undefined }),
    });
    const arbitraryAnswer: fc.Arbitrary<Answer> = fc.record({
      title: text,
      summary: text,
      figures: fc.array(fc.record({ label: text, value: text }), { maxLength: 35 }),
      list: fc.option(
        fc.oneof(
          fc.record({
            kind: fc.constant("finishes" as const),
            rows: fc.array(arbitraryRow, { maxLength: 100 }),
          }),
          fc.record({
            kind: fc.constant("standings" as const),
            metric: fc.constantFrom(
              "wins" as const,
              "runnerUps" as const,
              "involved" as const,
              "raceWins" as const,
              "raceRunnerUps" as const,
            ),
            rows: fc.array(
              fc.record({
                rank: text,
                driver: text,
                wins: fc.nat(),
                runnerUps: fc.nat(),
                involved: fc.nat(),
                raceWins: fc.nat(),
                raceRunnerUps: fc.nat(),
              }),
              { maxLength: 100 },
            ),
          }),
        ),
        { nil: undefined },
      ),
      notes: fc.array(text, { maxLength: 6 }),
      choices: fc.option(fc.array(fc.record({ label: text, command: text }), { maxLength: 40 }), {
        nil: undefined,
      }),
      footer: fc.record({ source: text, asOf: fc.constant("2024-05-05") }),
      tone: fc.constantFrom("info" as const, "record" as const, "error" as const, "choice" as const),
      ephemeral: fc.boolean(),
      invocation: fc.option(text, { nil: undefined }),
      usage: fc.option(text, { nil: undefined }),
    });

    it(
      "for any answer and any page (property)",
      () => {
        fc.assert(
          fc.property(arbitraryAnswer, fc.integer({ min: -5, max: 20 }), (a, page) => {
            expectWithinDiscordLimits(renderDiscordMessage(a, page));
          }),
          { numRuns: 200 },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });
});

describe("button custom_id", () => {
  // Lines of at most 80 characters always fit ("pf:p:9999:" is 10), so every run reaches the assertions.
  const line = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== "");
  const action = fc.oneof(
    fc.record({ kind: fc.constant("page" as const), page: fc.integer({ min: 0, max: 9998 }), line }),
    fc.record({ kind: fc.constantFrom("choice" as const, "chart" as const), line }),
  );

  it("round-trips every action within 100 characters", () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeButton(a) ?? "";
        expect(id.length).toBeGreaterThan(0);
        expect(id.length).toBeLessThanOrEqual(DISCORD.customId);
        expect(decodeButton(id)).toEqual(a);
      }),
    );
  });

  it("writes the wire form (1-based pages), and nothing that would not fit", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s.trim() !== ""),
        fc.integer({ min: 0, max: 9998 }),
        (line, page) => {
          const wire = `pf:p:${page + 1}:${line}`;
          expect(encodeButton({ kind: "page", page, line })).toBe(
            wire.length <= DISCORD.customId ? wire : undefined,
          );
        },
      ),
    );
  });

  it("refuses ids that do not fit rather than cutting the command line", () => {
    expect(encodeButton({ kind: "choice", line: `/driver ${"x".repeat(100)}` })).toBeUndefined();
  });

  it("reads anything it did not make as unknown", () => {
    for (const id of [
      "",
      "pf",
      "pf:x:1",
      "pf:p:0:/closest",
      "pf:p:abc:/closest",
      "pf:p:2:",
      "other:r:/help",
      "pf:r: ",
    ])
      expect(decodeButton(id)).toBeUndefined();
  });
});

describe("truncate", () => {
  it("never splits a surrogate pair and marks the cut", () => {
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("abcdef", 4)).toBe("abc…");
  });
});
