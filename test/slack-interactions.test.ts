import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import type { CommandContext } from "../src/core/command.js";
import { answerLine } from "../src/core/respond.js";
import { loadDataset } from "../src/data/load.js";
import {
  ACTION_ID_PREFIX,
  ACTION_IDS,
  decodeButtonValue,
  encodeButtonValue,
} from "../src/platforms/slack/action-value.js";
import {
  answerButton,
  answerSlashCommand,
  hashUser,
  slashCommandLine,
} from "../src/platforms/slack/interactions.js";
import { toSlackMessage } from "../src/platforms/slack/render.js";

let context: CommandContext;

beforeAll(async () => {
  context = { data: await loadDataset(), commands, platform: "slack" };
});

describe("button values", () => {
  it("round-trip any page and command line", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        (line, page) => {
          expect(decodeButtonValue(encodeButtonValue({ kind: "page", line, page }))).toEqual({
            kind: "page",
            line,
            page,
          });
          expect(decodeButtonValue(encodeButtonValue({ kind: "choice", line }))).toEqual({
            kind: "choice",
            line,
          });
        },
      ),
    );
  });

  it("refuses anything we did not write", () => {
    for (const value of [
      undefined,
      "",
      "x",
      "null",
      "[]",
      '{"c":""}',
      '{"p":-1,"c":"/closest"}',
      '{"p":1.5,"c":"/c"}',
      '{"c":"/c","z":1}',
      `{"c":"${"x".repeat(600)}"}`,
    ])
      expect(decodeButtonValue(value), String(value)).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        const decoded = decodeButtonValue(value);
        if (decoded) expect(decoded.line.length).toBeGreaterThan(0);
      }),
    );
  });

  it("uses action_ids that are ours, distinct and short", () => {
    const ids = [
      ACTION_IDS.previous,
      ACTION_IDS.next,
      ...Array.from({ length: 25 }, (_, i) => ACTION_IDS.choice(i)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id.startsWith(ACTION_ID_PREFIX)).toBe(true);
      expect(id.length).toBeLessThanOrEqual(255);
    }
  });
});

describe("slash command lines", () => {
  it("puts the command in front of Slack's text, and unwraps the umbrella", () => {
    expect(slashCommandLine("/margin", " 0.5 nextgen ")).toBe("/margin 0.5 nextgen");
    expect(slashCommandLine("/closest", "")).toBe("/closest");
    expect(slashCommandLine("/photofinish", "margin 0.5 nextgen")).toBe("/margin 0.5 nextgen");
    expect(slashCommandLine("/photofinish", "/driver Buescher")).toBe("/driver Buescher");
    expect(slashCommandLine("/photofinish", "   ")).toBe("/help");
    expect(slashCommandLine("/PhotoFinish", "about")).toBe("/about");
  });

  it("answers with the parsed options kept for the log", () => {
    const reply = answerSlashCommand(context, "/margin", "0.5 nextgen");
    expect(reply.line).toBe("/margin 0.5 nextgen");
    expect(reply.outcome.status).toBe("answered");
    expect(reply.options).toEqual({ seconds: 500, era: "nextgen" });
    const bad = answerSlashCommand(context, "/margin", "");
    expect(bad.outcome.status).toBe("rejected");
    expect(bad.options).toBeUndefined();
    expect(bad.message.response_type).toBe("ephemeral");
  });
});

describe("button clicks", () => {
  it("page: re-runs the line and replaces the message with the wanted page", () => {
    const reply = answerButton(
      context,
      encodeButtonValue({ kind: "page", line: "/margin 0.5 nextgen", page: 2 }),
      false,
    );
    const page = toSlackMessage(answerLine(context, "/margin 0.5 nextgen").answer, 2);
    expect(reply.steps).toEqual([{ ...page, replace_original: true }]);
  });

  it("page: a line that no longer answers is shown privately and the message kept", () => {
    const reply = answerButton(
      context,
      encodeButtonValue({ kind: "page", line: "/margin nonsense", page: 1 }),
      false,
    );
    expect(reply.outcome.status).toBe("rejected");
    expect(reply.steps).toEqual([
      expect.objectContaining({ response_type: "ephemeral", replace_original: false }),
    ]);
  });

  it("choice: from a private prompt, a public answer is posted and the prompt removed", () => {
    const reply = answerButton(
      context,
      encodeButtonValue({ kind: "choice", line: '/driver "Kyle Busch"' }),
      true,
    );
    expect(reply.steps).toEqual([
      { ...toSlackMessage(answerLine(context, '/driver "Kyle Busch"').answer), replace_original: false },
      { delete_original: true },
    ]);
  });

  it("choice: a private answer replaces a private prompt; from a public message it is a new message", () => {
    const help = encodeButtonValue({ kind: "choice", line: "/help margin" });
    expect(answerButton(context, help, true).steps).toEqual([
      expect.objectContaining({ response_type: "ephemeral", replace_original: true }),
    ]);
    expect(answerButton(context, help, false).steps).toEqual([
      expect.objectContaining({ response_type: "ephemeral", replace_original: false }),
    ]);
  });
});

describe("user pseudonyms in logs", () => {
  it("are stable per key, differ across keys and users, and never contain the id", () => {
    const a = hashUser("key-one", "T1", "U123ABC");
    expect(a).toBe(hashUser("key-one", "T1", "U123ABC"));
    expect(a).not.toBe(hashUser("key-two", "T1", "U123ABC"));
    expect(a).not.toBe(hashUser("key-one", "T1", "U999ZZZ"));
    expect(a).not.toContain("U123ABC");
    expect(hashUser("key-one", "T1", undefined)).toBe("unknown");
  });
});
