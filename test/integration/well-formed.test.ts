import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { toDiscordChartResponse, toDiscordResponse } from "../../src/platforms/discord/render.js";
import { toSlackMessage } from "../../src/platforms/slack/render.js";
import { anyAnswer } from "../helpers/arbitraries.js";
import { buttonInteraction, type DiscordEndpoint, startDiscordEndpoint } from "../helpers/discord.js";

// Discord and Slack refuse bodies with invalid UTF-16: a lone surrogate anywhere in an answer must
// never reach what is sent to them, whatever the text carried.

/** Every string anywhere in a value (keys too). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (typeof value === "object" && value !== null)
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      strings(item, out);
    }
  return out;
}

/** True when a string has half a surrogate pair with no other half (checked by hand, not by the code's means). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

const loneSurrogates = (value: unknown) => strings(value).filter(hasLoneSurrogate);

const LONE = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"];

/** Fields that select how to render, not text to show. */
const STRUCTURAL = new Set(["kind", "metric", "outcome", "tone"]);

/** Puts a lone surrogate into every string of a value: at the start, the middle and the end. */
function poison<T>(value: T, pick: (n: number) => string): T {
  let n = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const mid = Math.floor(v.length / 2);
      return `${pick(n++)}${v.slice(0, mid)}${pick(n++)}${v.slice(mid)}${pick(n++)}`;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, STRUCTURAL.has(k) ? x : walk(x)]));
    return v;
  };
  return walk(value) as T;
}

const poisonedAnswer: fc.Arbitrary<Answer> = fc
  .tuple(anyAnswer, fc.array(fc.constantFrom(...LONE), { minLength: 1, maxLength: 5 }))
  .map(([answer, picks]) => {
    return poison(answer, (n) => picks[n % picks.length] as string);
  });

describe("no lone surrogate reaches a platform", () => {
  it("the generated answers really do carry lone surrogates", () => {
    fc.assert(
      fc.property(poisonedAnswer, (answer) => {
        expect(loneSurrogates(answer).length).toBeGreaterThan(0);
      }),
      { numRuns: 20 },
    );
  });

  it("Discord: any answer renders to an interaction response with well-formed text only", () => {
    fc.assert(
      fc.property(poisonedAnswer, fc.nat(5), (answer, page) => {
        expect(loneSurrogates(toDiscordResponse(answer, page))).toEqual([]);
        expect(loneSurrogates(toDiscordResponse(answer, page, "update"))).toEqual([]);
        expect(
          loneSurrogates(
            toDiscordChartResponse(answer, { filename: "chart.png", description: `alt ${LONE[0]} text` }),
          ),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("Slack: any answer renders to a message with well-formed text only", () => {
    fc.assert(
      fc.property(poisonedAnswer, fc.nat(5), (answer, page) => {
        expect(loneSurrogates(toSlackMessage(answer, page))).toEqual([]);
        expect(
          loneSurrogates(
            toSlackMessage(answer, page, {
              kind: "image",
              imageUrl: "https://bot.example/charts/a.png",
              altText: `chart ${LONE[2]}`,
            }),
          ),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("a well-formed answer renders exactly as before (emoji pairs are kept whole)", () => {
    const answer: Answer = {
      title: "Kyle 😀 Larson",
      summary: "Suárez 🏁 wins",
      figures: [],
      notes: [],
      footer: { source: "src", asOf: "2024-05-05" },
      tone: "info",
      ephemeral: false,
    };
    expect(JSON.stringify(toDiscordResponse(answer))).toContain("Kyle 😀 Larson");
    expect(toSlackMessage(answer).text).toContain("Suárez 🏁 wins");
  });
});

describe("a forged Discord button with a lone surrogate", () => {
  let endpoint: DiscordEndpoint;
  beforeAll(async () => {
    endpoint = await startDiscordEndpoint();
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it.each([
    "pf:r:/driver \ud83d",
    "pf:r:/track abc\udc00def",
    "pf:p:2:/closest \ud800",
    "pf:c:/driver x\udfff",
  ])("%j is answered with well-formed text", async (customId) => {
    const { status, json } = await endpoint.post(buttonInteraction(customId));
    expect(status).toBe(200);
    expect(loneSurrogates(json)).toEqual([]);
  });
});
