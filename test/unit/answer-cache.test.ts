import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { AnswerCache, rememberRenders, toJson } from "../../src/core/answer-cache.js";
import { type Command, type CommandContext, defineCommand } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";
import { parseLine } from "../../src/core/parse.js";
import { answerInvocation } from "../../src/core/respond.js";
import type { Dataset } from "../../src/data/dataset.js";
import { toDiscordResponse } from "../../src/platforms/discord/render.js";
import { toSlackMessage } from "../../src/platforms/slack/render.js";
import { realData } from "../helpers/data.js";
import { answerReply, pipelineFor, unlimited } from "../helpers/pipeline.js";

let data: Dataset;
beforeAll(async () => {
  data = await realData();
});

/** A command that counts its runs, answers from its `n` option, and fails on demand. */
function countingCommand(): { command: Command; runs: () => number } {
  let runs = 0;
  const command = defineCommand({
    name: "count",
    description: "counts",
    options: {
      n: { kind: "integer", description: "a number", min: 0, max: 99 },
      mode: { kind: "text", description: "ok, user or bug" },
    },
    examples: ["/count 1"],
    run({ n, mode }, { data: ds }) {
      runs++;
      if (mode === "user") throw new UserError("Not that one.");
      if (mode === "bug") throw new Error("a bug");
      return {
        title: `Count ${n ?? "none"}`,
        summary: `run ${runs}`,
        figures: [],
        notes: [],
        footer: { source: "test", asOf: ds.meta.asOf },
        tone: "info",
        ephemeral: false,
      };
    },
  });
  return { command, runs: () => runs };
}

function ask(cache: AnswerCache, context: CommandContext, command: Command, values: Record<string, unknown>) {
  const invocation = { command, values };
  return cache.answer(context, invocation, () => answerInvocation(context, invocation));
}

describe("the answer cache", () => {
  it("keeps a question's answer when it is asked again, and answers every later ask with it", () => {
    const { command, runs } = countingCommand();
    const context: CommandContext = { data, commands: [command], platform: "discord" };
    const cache = new AnswerCache();
    const first = ask(cache, context, command, { n: 3 });
    expect(cache.size).toBe(0); // asked once: worked out, not kept
    const second = ask(cache, context, command, { n: 3 });
    expect(second).not.toBe(first);
    expect(second.answer).toEqual({ ...first.answer, summary: "run 2" });
    expect(cache.size).toBe(1);
    expect(ask(cache, context, command, { n: 3 })).toBe(second);
    expect(ask(cache, context, command, { n: 3 })).toBe(second);
    expect(runs()).toBe(2);
    // Another value is another question.
    expect(ask(cache, context, command, { n: 4 }).answer.title).toBe("Count 4");
    expect(runs()).toBe(3);
  });

  it("tells apart values that print alike, platforms, refresh times and look-alike commands", () => {
    const { command, runs } = countingCommand();
    const cache = new AnswerCache();
    const discord: CommandContext = { data, commands: [command], platform: "discord" };
    ask(cache, discord, command, { n: 3 });
    ask(cache, discord, command, { n: 3 }); // now kept
    ask(cache, discord, command, { n: "3" });
    ask(cache, { ...discord, platform: "slack" }, command, { n: 3 });
    ask(cache, { ...discord, refreshedAt: "2026-11-25T10:00:00Z" }, command, { n: 3 });
    const other = countingCommand();
    ask(cache, discord, other.command, { n: 3 });
    expect(runs()).toBe(5);
    expect(other.runs()).toBe(1);
  });

  it("cannot be fooled by a typed value that spells out other options", () => {
    const { command, runs } = countingCommand();
    const cache = new AnswerCache();
    const context: CommandContext = { data, commands: [command], platform: "discord" };
    ask(cache, context, command, { mode: "x\u0000n=number:3" });
    const forged = ask(cache, context, command, { mode: "x\u0000n=number:3" }); // now kept
    const real = ask(cache, context, command, { mode: "x", n: 3 });
    expect(runs()).toBe(3);
    expect(forged.answer.title).toBe("Count none");
    expect(real.answer.title).toBe("Count 3");
  });

  it("starts afresh when the data changes, so no answer outlives its data", () => {
    const { command, runs } = countingCommand();
    const cache = new AnswerCache();
    const context: CommandContext = { data, commands: [command], platform: "discord" };
    ask(cache, context, command, { n: 1 });
    ask(cache, context, command, { n: 1 }); // now kept
    const reloaded: Dataset = { ...data, meta: { ...data.meta, asOf: "2026-07-05" } };
    const after = ask(cache, { ...context, data: reloaded }, command, { n: 1 });
    expect(runs()).toBe(3);
    expect(after.answer.footer.asOf).toBe("2026-07-05");
  });

  it("keeps the user's mistakes but never a failure of ours: that one runs (and is logged) each time", () => {
    const { command, runs } = countingCommand();
    const cache = new AnswerCache();
    const context: CommandContext = { data, commands: [command], platform: "discord" };
    for (let i = 0; i < 3; i++)
      expect(ask(cache, context, command, { mode: "user" }).status).toBe("rejected");
    expect(runs()).toBe(2);
    for (let i = 0; i < 3; i++) expect(ask(cache, context, command, { mode: "bug" }).status).toBe("failed");
    expect(runs()).toBe(5);
  });

  it("holds at most its capacity, dropping the question asked least recently", () => {
    const { command, runs } = countingCommand();
    const cache = new AnswerCache(2);
    const context: CommandContext = { data, commands: [command], platform: "discord" };
    const twice = (n: number) => {
      ask(cache, context, command, { n });
      ask(cache, context, command, { n });
    };
    twice(1);
    twice(2);
    expect(runs()).toBe(4);
    ask(cache, context, command, { n: 1 }); // kept; 1 is now the most recent
    twice(3); // kept, dropping 2
    expect(cache.size).toBe(2);
    expect(runs()).toBe(6);
    ask(cache, context, command, { n: 1 });
    expect(runs()).toBe(6);
    ask(cache, context, command, { n: 2 }); // dropped: worked out again, and kept again
    ask(cache, context, command, { n: 2 });
    expect(runs()).toBe(7);
  });

  it("keeps answers frozen, so nothing that reads a shared answer can change it for the next asker", () => {
    const context: CommandContext = { data, commands, platform: "discord" };
    const cache = new AnswerCache();
    const invocation = parseLine("/closest 3", commands, data);
    const once = cache.answer(context, invocation, () => answerInvocation(context, invocation));
    expect(Object.isFrozen(once.answer)).toBe(false);
    const kept = cache.answer(context, invocation, () => answerInvocation(context, invocation));
    expect(Object.isFrozen(kept.answer)).toBe(true);
    expect(() => {
      (kept.answer.figures as unknown as { label: string }[]).push({ label: "x" });
    }).toThrow(TypeError);
    expect(() => {
      (kept.answer.list?.rows[0] as { winner: string }).winner = "Someone else";
    }).toThrow(TypeError);
  });

  it("with capacity 0 keeps nothing", () => {
    const { command, runs } = countingCommand();
    const cache = new AnswerCache(0);
    const context: CommandContext = { data, commands: [command], platform: "discord" };
    ask(cache, context, command, { n: 1 });
    ask(cache, context, command, { n: 1 });
    expect(runs()).toBe(2);
    expect(cache.size).toBe(0);
  });
});

describe("the pipeline's answers to repeated questions", () => {
  it("are the very answers it gave before, however the question was typed", () => {
    const context: CommandContext = { data, commands, platform: "slack" };
    const pipeline = pipelineFor(context, { limits: unlimited() });
    const request = (line: string, id: string) =>
      ({
        platform: "slack",
        transport: "http",
        requestId: id,
        user: { id: `U${id}` },
        kind: "command",
        line,
      }) as const;
    answerReply(pipeline, request("/closest 5 nextgen", "1"));
    const second = answerReply(pipeline, request("/closest count:5 nextgen", "2"));
    const again = answerReply(pipeline, request("/closest   count:5 era:next-gen", "3"));
    expect(second.status).toBe("answered");
    expect(again.answer).toBe(second.answer);
    // And the same answer as working it out afresh.
    const fresh = answerInvocation(context, parseLine("/closest 5 nextgen", commands, data));
    expect(again.answer).toEqual(fresh.answer);
  });
});

describe("remembered renders", () => {
  /** An answer to `line` that an AnswerCache has kept. */
  function keptAnswer(line: string) {
    const context: CommandContext = { data, commands, platform: "discord" };
    const invocation = parseLine(line, commands, data);
    const cache = new AnswerCache();
    cache.answer(context, invocation, () => answerInvocation(context, invocation));
    // The second ask is the one kept.
    return cache.answer(context, invocation, () => answerInvocation(context, invocation)).answer;
  }

  it("make a payload once per kept answer and arguments, and nothing is kept for other answers", () => {
    let made = 0;
    const render = rememberRenders((answer: { title: string }, page: number) => {
      made++;
      return { text: `${answer.title} p${page}` };
    });
    const kept = keptAnswer("/closest 3");
    const first = render(kept, 0);
    expect(render(kept, 0)).toBe(first);
    expect(render(kept, 1)).toEqual({ text: `${kept.title} p1` });
    expect(made).toBe(2);
    // An answer no cache kept (asked once) is rendered afresh every time.
    const once = { ...kept };
    expect(render(once, 0)).toEqual(first);
    expect(render(once, 0)).not.toBe(render(once, 0));
    expect(made).toBe(5);
  });

  it("give the platforms' payloads unchanged: the same as a fresh render of an equal answer", () => {
    const answer = keptAnswer("/leaders nextgen");
    const copy = structuredClone(answer);
    expect(toDiscordResponse(answer, 1, "update")).toBe(toDiscordResponse(answer, 1, "update"));
    expect(toDiscordResponse(answer, 1, "update")).toEqual(toDiscordResponse(copy, 1, "update"));
    expect(toDiscordResponse(answer, 0)).not.toEqual(toDiscordResponse(answer, 1, "update"));
    expect(toSlackMessage(answer, 1)).toBe(toSlackMessage(answer, 1));
    expect(toSlackMessage(answer, 1)).toEqual(toSlackMessage(copy, 1));
  });

  it("send a kept payload's JSON as made the first time, and anything else serialised afresh", () => {
    const payload = toDiscordResponse(keptAnswer("/closest 2"));
    const bytes = toJson(payload);
    expect(Buffer.isBuffer(bytes) && bytes.toString("utf8")).toBe(JSON.stringify(payload));
    expect(toJson(payload)).toBe(bytes);
    const fresh = { type: 4, data: { content: "hi" } };
    expect(toJson(fresh)).toBe(JSON.stringify(fresh));
    fresh.data.content = "changed";
    expect(toJson(fresh)).toBe(JSON.stringify(fresh));
  });
});
