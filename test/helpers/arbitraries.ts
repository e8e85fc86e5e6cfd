import fc from "fast-check";
import type { Answer, FinishRow, StandingRow } from "../../src/core/answer.js";

/** Text with the characters that stress a Slack renderer: escapes, mrkdwn marks, emoji, accents. */
export const nastyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc
      .array(
        fc.constantFrom("&", "<", ">", "*", "_", "`", "~", "<!channel>", "😀", "é", " ", "\n", "a", "Kyle"),
        {
          maxLength,
        },
      )
      .map((parts) => parts.join("")),
  );

const finishRow: fc.Arbitrary<FinishRow> = fc.record(
  {
    raceId: fc.string({ maxLength: 20 }),
    margin: nastyText(12),
    marginMs: fc.nat(10_000),
    date: fc.constant("2024-05-05"),
    dateText: nastyText(20),
    season: fc.integer({ min: 1993, max: 2100 }),
    label: nastyText(200),
    raceName: nastyText(100),
    track: nastyText(100),
    winner: nastyText(300),
    runnerUp: nastyText(300),
    note: nastyText(3000),
    outcome: fc.constantFrom("won" as const, "second" as const),
    record: fc.boolean(),
  },
  {
    requiredKeys: [
      "raceId",
      "margin",
      "marginMs",
      "date",
      "dateText",
      "season",
      "label",
      "raceName",
      "track",
      "winner",
      "runnerUp",
    ],
  },
);

const standingRow: fc.Arbitrary<StandingRow> = fc.record({
  rank: nastyText(10),
  driver: nastyText(300),
  wins: fc.nat(1000),
  runnerUps: fc.nat(1000),
  involved: fc.nat(2000),
  raceWins: fc.nat(1000),
  raceRunnerUps: fc.nat(1000),
});

/** Any answer a command could return, and many it never would: long, empty, hostile text. */
export const anyAnswer: fc.Arbitrary<Answer> = fc.record(
  {
    title: nastyText(400),
    summary: nastyText(5000),
    figures: fc.array(fc.record({ label: nastyText(300), value: nastyText(3000) }), { maxLength: 40 }),
    // Lists of every length up to 120 (test/setup/fast-check.ts makes a stated maxLength reachable):
    // paging, "… and N more" and the per-message limits on long lists are all reached.
    list: fc.oneof(
      fc.record({
        kind: fc.constant("finishes" as const),
        rows: fc.array(finishRow, { maxLength: 120 }),
      }),
      fc.record({
        kind: fc.constant("standings" as const),
        metric: fc.constantFrom("wins" as const, "runnerUps" as const, "involved" as const),
        rows: fc.array(standingRow, { maxLength: 120 }),
      }),
    ),
    notes: fc.array(nastyText(6000), { maxLength: 12 }),
    choices: fc.array(fc.record({ label: nastyText(200), command: nastyText(2500) }), { maxLength: 30 }),
    footer: fc.record({ source: nastyText(4000), asOf: fc.oneof(fc.constant("2024-05-05"), nastyText(50)) }),
    tone: fc.constantFrom("info" as const, "record" as const, "error" as const, "choice" as const),
    ephemeral: fc.boolean(),
    invocation: fc.oneof(fc.constant("/margin 0.5 nextgen"), nastyText(2500)),
    usage: nastyText(1500),
  },
  { requiredKeys: ["title", "summary", "figures", "notes", "footer", "tone", "ephemeral"] },
);
