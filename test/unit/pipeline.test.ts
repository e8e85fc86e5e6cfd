import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { CommandContext } from "../../src/core/command.js";
import { loadDataset } from "../../src/data/load.js";
import { Pipeline } from "../../src/pipeline/pipeline.js";
import type { InboundRequest } from "../../src/pipeline/request.js";
import { pseudonym, pseudonymizer, userKeyFrom } from "../../src/pipeline/user-id.js";
import { memoryLogger } from "../helpers/log.js";
import { interactionLines } from "../helpers/log-schema.js";
import { answerReply, pipelineFor, TEST_USER_KEY } from "../helpers/pipeline.js";

let context: CommandContext;
beforeAll(async () => {
  context = { data: await loadDataset(), commands, platform: "discord" };
});

let sequence = 0;
function request(fields: Partial<InboundRequest> & Pick<InboundRequest, "kind">): InboundRequest {
  return {
    platform: "discord",
    transport: "http",
    requestId: `r${++sequence}`,
    user: { id: "310000000000000001" },
    ...(fields.kind === "command" && !("line" in fields) && !("name" in fields) ? { line: "/about" } : {}),
    ...fields,
  } as InboundRequest;
}

describe("pseudonymous user ids", () => {
  it("remembered for recent users are the very pseudonyms the keyed hash gives, past the memory's size", () => {
    const key = userKeyFrom({ USER_HASH_KEY: "k" }).key;
    const remember = pseudonymizer(key, 2);
    const users = ["U1", "U2", "U3", "U1", "U3", "U2", "U1"];
    for (const id of users) expect(remember("slack", id, "T1")).toBe(pseudonym(key, "slack", id, "T1"));
    expect(remember("discord", "U1")).toBe(pseudonym(key, "discord", "U1"));
    expect(remember("slack", "U1", "T2")).not.toBe(remember("slack", "U1", "T1"));
    expect(remember("slack", undefined)).toBeUndefined();
    expect(remember("slack", "")).toBeUndefined();
  });

  it("are the same on every replica and after a restart: one key from the configuration", () => {
    const config = { SLACK_SIGNING_SECRET: "signingsecret0123456789", DISCORD_TOKEN: "a.b.c" };
    const first = userKeyFrom(config);
    const again = userKeyFrom({ ...config });
    expect(first.stable).toBe(true);
    expect(pseudonym(first.key, "slack", "U1", "T1")).toBe(pseudonym(again.key, "slack", "U1", "T1"));
    expect(pseudonym(first.key, "slack", "U1", "T1")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("USER_HASH_KEY wins; other secrets, users, workspaces and platforms give other pseudonyms", () => {
    const base = userKeyFrom({ SLACK_SIGNING_SECRET: "signingsecret0123456789" });
    const configured = userKeyFrom({
      SLACK_SIGNING_SECRET: "signingsecret0123456789",
      USER_HASH_KEY: "k".repeat(32),
    });
    const other = userKeyFrom({ SLACK_SIGNING_SECRET: "anothersecret0123456789" });
    const names = [
      pseudonym(base.key, "slack", "U1", "T1"),
      pseudonym(configured.key, "slack", "U1", "T1"),
      pseudonym(other.key, "slack", "U1", "T1"),
      pseudonym(base.key, "slack", "U2", "T1"),
      pseudonym(base.key, "slack", "U1", "T2"),
      pseudonym(base.key, "discord", "U1", "T1"),
    ];
    expect(new Set(names).size).toBe(names.length);
    expect(configured.key.equals(Buffer.from("k".repeat(32)))).toBe(true);
    expect(pseudonym(base.key, "slack", undefined)).toBeUndefined();
  });

  it("with no secret at all, the key is random per process and said to be unstable", () => {
    const one = userKeyFrom({});
    const two = userKeyFrom({});
    expect([one.stable, two.stable]).toEqual([false, false]);
    expect(one.key.equals(two.key)).toBe(false);
  });
});

describe("one set of limits for every transport", () => {
  it("a user's gateway and HTTP interactions draw on one budget; page clicks on the roomier one", () => {
    const pipeline = pipelineFor(context);
    const statuses = ["gateway", "http", "gateway", "http", "gateway"].map(
      (transport) => answerReply(pipeline, request({ kind: "command", line: "/about", transport })).reason,
    );
    expect(statuses).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(
      answerReply(pipeline, request({ kind: "command", line: "/about", transport: "http" })).reason,
    ).toBe("cooldown");
    const page = answerReply(
      pipeline,
      request({ kind: "button", action: { kind: "page", line: "/margin 0.5 nextgen", page: 1 } }),
    );
    expect(page.reason).toBeUndefined();
    expect(page.status).toBe("answered");
    expect(page.page).toBe(1);
    // Another user is not affected.
    const other = request({ kind: "command", line: "/about", user: { id: "310000000000000002" } });
    expect(answerReply(pipeline, other).status).toBe("answered");
  });

  it("the operator at the terminal is never limited", () => {
    const pipeline = pipelineFor(context);
    const replies = Array.from({ length: 30 }, () =>
      answerReply(
        pipeline,
        request({ kind: "command", line: "/about", platform: "terminal", user: "operator" }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill("answered"));
  });
});

describe("answers for what cannot run", () => {
  it("an unreadable button, an unknown command and an unsupported request get private notes", () => {
    const pipeline = pipelineFor(context);
    const button = answerReply(pipeline, request({ kind: "button", action: undefined }));
    expect([button.reason, button.answer.title, button.answer.ephemeral]).toEqual([
      "unreadable-button",
      "That button has expired",
      true,
    ]);
    const unknown = answerReply(pipeline, request({ kind: "command", name: "gone", options: [] }));
    expect([unknown.reason, unknown.answer.title]).toEqual(["unknown-command", "Unknown command"]);
    const unsupported = answerReply(pipeline, request({ kind: "unsupported", type: "5" }));
    expect([unsupported.reason, unsupported.answer.title]).toEqual(["unsupported", "Not supported"]);
  });
});

describe("one log line per interaction", () => {
  it("after delivery, in the one schema, with the pseudonym and what the adapter reports", async () => {
    const memory = memoryLogger();
    const pipeline = new Pipeline({
      runtime: { context: () => context },
      log: memory.log,
      userKey: TEST_USER_KEY,
    });
    await pipeline.handle(request({ kind: "command", line: "/closest 3", requestId: "one" }), async () => ({
      delivered: true,
      ephemeral: false,
    }));
    const lines = interactionLines(memory.lines());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: "one",
      platform: "discord",
      transport: "http",
      kind: "command",
      command: "closest",
      options: { count: 3 },
      outcome: "answered",
      user: pseudonym(TEST_USER_KEY.key, "discord", "310000000000000001"),
      delivered: true,
    });
    expect(JSON.stringify(memory.lines())).not.toContain("310000000000000001");
  });

  it("a delivery that throws or outlives the time-box is logged as not delivered, once", async () => {
    const memory = memoryLogger();
    const pipeline = new Pipeline({
      runtime: { context: () => context },
      log: memory.log,
      userKey: TEST_USER_KEY,
      deliveryDeadlineMs: 20,
    });
    await pipeline.handle(request({ kind: "command", line: "/about", requestId: "throws" }), async () => {
      throw new Error("refused");
    });
    // An adapter whose deliver is not async and throws before it has a promise to give back.
    await pipeline.handle(request({ kind: "command", line: "/about", requestId: "throws-at-once" }), () => {
      throw new Error("refused at once");
    });
    await pipeline.handle(
      request({ kind: "command", line: "/about", requestId: "hangs" }),
      () => new Promise(() => {}),
    );
    const lines = interactionLines(memory.lines());
    expect(lines.map((l) => [l.requestId, l.delivered, l.level])).toEqual([
      ["throws", false, 40],
      ["throws-at-once", false, 40],
      ["hangs", false, 40],
    ]);
    expect(memory.lines().filter((l) => l.msg === "reply not delivered")).toHaveLength(3);
  });
});
