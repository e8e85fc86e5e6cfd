import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { CommandContext } from "../../src/core/command.js";
import { answerLine } from "../../src/core/respond.js";
import { loadDataset } from "../../src/data/load.js";
import type { Pipeline } from "../../src/pipeline/pipeline.js";
import {
  ACTION_ID_PREFIX,
  ACTION_IDS,
  decodeButtonValue,
  encodeButtonValue,
} from "../../src/platforms/slack/action-value.js";
import {
  buttonRequest,
  buttonSteps,
  slashCommandLine,
  slashCommandRequest,
} from "../../src/platforms/slack/interactions.js";
import { toSlackMessage } from "../../src/platforms/slack/render.js";
import { answerReply, pipelineFor, unlimited } from "../helpers/pipeline.js";

let context: CommandContext;
let pipeline: Pipeline;

beforeAll(async () => {
  context = { data: await loadDataset(), commands, platform: "slack" };
  pipeline = pipelineFor(context, { limits: unlimited() });
});

const arrival = { transport: "http" } as const;

/** A slash command through the pipeline: the reply, and the message the adapter would ack with. */
function slash(command: string, text: string) {
  const reply = answerReply(pipeline, slashCommandRequest({ command, text, user_id: "U1" }, arrival));
  return { reply, message: toSlackMessage(reply.answer) };
}

/** A click through the pipeline: the reply, and the respond() steps the adapter would send. */
function click(value: string | undefined, fromEphemeral: boolean) {
  const reply = answerReply(pipeline, buttonRequest(value, { user: "U1" }, arrival));
  return { reply, steps: buttonSteps(reply, fromEphemeral) };
}

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
    // Values near ours (JSON objects with p and c of any type and range, extra keys) as well as junk:
    // a good share decode, so the property is really exercised, and everything that does decode is
    // exactly what encoding it again gives back.
    const page = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 1000 }), weight: 4 },
      fc.integer({ min: -5, max: 1005 }),
      fc.double(),
      fc.string({ maxLength: 3 }),
    );
    const line = fc.oneof(
      { arbitrary: fc.string({ minLength: 1, maxLength: 60 }), weight: 4 },
      fc.string({ maxLength: 600 }),
      fc.integer(),
    );
    const nearOurs = fc
      .oneof(
        { arbitrary: fc.record({ p: page, c: line }, { requiredKeys: ["c"] }), weight: 4 },
        fc.record({ p: page, c: line, z: fc.integer() }, { requiredKeys: [] }),
      )
      .map((o) => JSON.stringify(o));
    let decoded = 0;
    fc.assert(
      fc.property(fc.oneof(nearOurs, fc.string({ maxLength: 300 })), (value) => {
        const action = decodeButtonValue(value);
        const again = action === undefined ? undefined : decodeButtonValue(encodeButtonValue(action));
        expect(again).toEqual(action);
        // What decodes always names a command line to run.
        expect(action?.line.length ?? 1).toBeGreaterThan(0);
        if (action) decoded++;
      }),
      { numRuns: 500 },
    );
    expect(decoded).toBeGreaterThan(25);
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
    const { reply } = slash("/margin", "0.5 nextgen");
    expect(reply.command).toBe("margin");
    expect(reply.status).toBe("answered");
    expect(reply.options).toEqual({ seconds: 500, era: "nextgen" });
    const bad = slash("/margin", "");
    expect(bad.reply.status).toBe("rejected");
    expect(bad.reply.options).toBeUndefined();
    expect(bad.message.response_type).toBe("ephemeral");
  });
});

describe("button clicks", () => {
  it("page: re-runs the line and replaces the message with the wanted page", () => {
    const reply = click(encodeButtonValue({ kind: "page", line: "/margin 0.5 nextgen", page: 2 }), false);
    const page = toSlackMessage(answerLine(context, "/margin 0.5 nextgen").answer, 2);
    expect(reply.steps).toEqual([{ ...page, replace_original: true }]);
  });

  it("page: a line that no longer answers is shown privately and the message kept", () => {
    const reply = click(encodeButtonValue({ kind: "page", line: "/margin nonsense", page: 1 }), false);
    expect(reply.reply.status).toBe("rejected");
    expect(reply.steps).toEqual([
      expect.objectContaining({ response_type: "ephemeral", replace_original: false }),
    ]);
  });

  it("choice: from a private prompt, a public answer is posted and the prompt removed", () => {
    const reply = click(encodeButtonValue({ kind: "choice", line: '/driver "Kyle Busch"' }), true);
    expect(reply.steps).toEqual([
      { ...toSlackMessage(answerLine(context, '/driver "Kyle Busch"').answer), replace_original: false },
      { delete_original: true },
    ]);
  });

  it("choice: a private answer replaces a private prompt; from a public message it is a new message", () => {
    const help = encodeButtonValue({ kind: "choice", line: "/help margin" });
    expect(click(help, true).steps).toEqual([
      expect.objectContaining({ response_type: "ephemeral", replace_original: true }),
    ]);
    expect(click(help, false).steps).toEqual([
      expect.objectContaining({ response_type: "ephemeral", replace_original: false }),
    ]);
  });
});
