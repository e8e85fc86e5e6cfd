import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CommandContext, Platform } from "../../src/core/command.js";
import { defineCommand } from "../../src/core/command.js";
import { answerLine } from "../../src/core/respond.js";
import { type SlackButton, type SlackMessage, toSlackMessage } from "../../src/platforms/slack/render.js";
import { Runtime } from "../../src/runtime.js";
import { interactionLines } from "../helpers/log-schema.js";
import { type SlackEndpoint, startSlackEndpoint } from "../helpers/slack-endpoint.js";
import { mrkdwnTexts } from "../helpers/slack-limits.js";
import {
  buttonClickBody,
  nowSeconds,
  postToSlackEndpoint,
  type Sink,
  slashCommandBody,
} from "../helpers/slack-requests.js";

const SECRET = "e2etestsigningsecret0123456789ab";
const USER_ID = "U0TESTUSER";

/** A command that always breaks, to see an unexpected error handled end to end. */
const boom = defineCommand({
  name: "boom",
  description: "Always fails",
  options: {},
  examples: ["/boom"],
  run() {
    throw new Error("kaboom in a command");
  },
});

/** The real runtime, with one broken command added to what it offers. */
class RuntimeWithBoom extends Runtime {
  override context(platform: Platform): CommandContext {
    const context = super.context(platform);
    return { ...context, commands: [...context.commands, boom] };
  }
}

let slack: SlackEndpoint;
let sink: Sink;
let endpoint: string;
let runtime: Runtime;
let logLines: Record<string, unknown>[] = [];
let respondCount = 0;

beforeAll(async () => {
  slack = await startSlackEndpoint({
    secret: SECRET,
    token: "xoxb-dummy-test-token",
    level: "info",
    makeRuntime: (data, log) => new RuntimeWithBoom(data, undefined, log),
  });
  ({ sink, url: endpoint, runtime, logLines } = slack);
});

afterAll(async () => {
  await slack?.close();
});

beforeEach(() => {
  sink.status = 200;
});

const responseUrl = () => `${sink.url}/respond/${++respondCount}`;

async function slash(command: string, text: string): Promise<SlackMessage> {
  const reply = await postToSlackEndpoint(endpoint, slashCommandBody(command, text, responseUrl()), {
    secret: SECRET,
  });
  expect(reply.status, reply.body).toBe(200);
  expect(reply.ms).toBeLessThan(3_000);
  return reply.json as SlackMessage;
}

/**
 * The message the renderer makes for a command line, straight from the core. This bot has no
 * PUBLIC_BASE_URL, so an answer with a chart goes out as text alone.
 */
function expected(line: string, page = 0): SlackMessage {
  const answer = answerLine(runtime.context("slack"), line).answer;
  return toSlackMessage(answer, page);
}

const text = (message: SlackMessage) => mrkdwnTexts(message).join("\n");
const buttons = (message: SlackMessage): SlackButton[] =>
  message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
// Every interaction line, checked against the one schema all platforms share.
const interactions = () => interactionLines(logLines);

describe("Slack over HTTP (signed requests into the real Bolt receiver)", () => {
  it("answers /margin 0.5 nextgen in the channel with the share of all Next Gen races", async () => {
    const message = await slash("/margin", "0.5 nextgen");
    expect(message).toEqual(expected("/margin 0.5 nextgen"));
    expect(message.response_type).toBe("in_channel");
    expect(text(message)).toContain("38 of the 108 Cup races in the Next Gen era through 2024 (35.2%)");
    expect(message.text.length).toBeGreaterThan(0);
  });

  it("answers /driver Buescher with his three close wins", async () => {
    const message = await slash("/driver", "Buescher nextgen");
    expect(message).toEqual(expected("/driver Buescher nextgen"));
    expect(text(message)).toMatch(/\*Close wins \(\.500 s\), 2022–2024\*\n3 /);
  });

  it("runs any command through the umbrella /photofinish, and help when it is alone", async () => {
    const message = await slash("/photofinish", "closest 3");
    expect(message).toEqual(expected("/closest 3"));
    expect(text(message).match(/^(?:T-)?\d+\. \*/gm)).toHaveLength(3);
    const help = await slash("/photofinish", "");
    expect(help).toEqual(expected("/help"));
    expect(help.response_type).toBe("ephemeral");
  });

  it("parses Slack's free text: keywords, seasons, two names, quoted names", async () => {
    for (const [command, args] of [
      ["/closest", "5 talladega 2023"],
      ["/versus", "Larson Buescher"],
      ["/driver", '"Kyle Busch"'],
      ["/driver", "“Kyle Busch”"],
    ] as const) {
      const message = await slash(command, args);
      expect(message, `${command} ${args}`).toEqual(expected(`${command} ${args}`));
      expect(message.response_type, `${command} ${args}`).toBe("in_channel");
    }
  });

  it("answers a usage error privately, with the usage line", async () => {
    const message = await slash("/margin", "lots");
    expect(message.response_type).toBe("ephemeral");
    expect(text(message)).toContain("*Usage:* `/margin &lt;seconds&gt; [era] [track] [season]`");
  });

  it("answers an unknown command privately with a suggestion", async () => {
    const message = await slash("/photofinish", "closests 3");
    expect(message.response_type).toBe("ephemeral");
    expect(message.text).toMatch(/Did you mean \/closest/);
  });

  it("asks which driver privately, with a button for each", async () => {
    const message = await slash("/driver", "Busch");
    expect(message.response_type).toBe("ephemeral");
    expect(buttons(message).map((b) => b.text.text)).toEqual(["Kurt Busch", "Kyle Busch"]);
  });

  it("refuses a wrong signature, a missing one and a stale timestamp with 401", async () => {
    const body = slashCommandBody("/closest", "3", responseUrl());
    const before = interactions().length;
    const wrong = await postToSlackEndpoint(endpoint, body, { secret: "someoneelsessecret0123456789" });
    const missing = await postToSlackEndpoint(endpoint, body, { headers: {} });
    const stale = await postToSlackEndpoint(endpoint, body, {
      secret: SECRET,
      timestamp: nowSeconds() - 6 * 60,
    });
    const tampered = await postToSlackEndpoint(endpoint, body, {
      headers: {
        "x-slack-request-timestamp": String(nowSeconds()),
        "x-slack-signature": "v0=00",
      },
    });
    expect([wrong.status, missing.status, stale.status, tampered.status]).toEqual([401, 401, 401, 401]);
    expect(interactions().length).toBe(before);
    // Inside the window is fine: Slack's clock and ours may differ by a little.
    const fresh = await postToSlackEndpoint(endpoint, body, {
      secret: SECRET,
      timestamp: nowSeconds() - 4 * 60,
    });
    expect(fresh.status).toBe(200);
  });

  it("pages on a click: the next page replaces the message through response_url", async () => {
    const first = await slash("/margin", "0.5 nextgen");
    const next = buttons(first).find((b) => b.text.text.startsWith("Next"));
    expect(next).toBeDefined();
    const url = responseUrl();
    const seen = sink.requests.length;
    const click = await postToSlackEndpoint(endpoint, buttonClickBody(next as SlackButton, url), {
      secret: SECRET,
    });
    expect(click.status).toBe(200);
    const [posted] = (await sink.waitFor(seen + 1)).slice(seen);
    expect(posted?.path).toBe(new URL(url).pathname);
    const expectedPage = expected("/margin 0.5 nextgen", 1);
    expect(posted?.json).toEqual({ ...expectedPage, replace_original: true });
    expect(text(posted?.json as SlackMessage)).toContain("Page 2 of 4");
  });

  it("answers a choice click in the channel and removes the private question", async () => {
    const question = await slash("/driver", "Busch");
    const kyle = buttons(question).find((b) => b.text.text === "Kyle Busch") as SlackButton;
    const seen = sink.requests.length;
    const click = await postToSlackEndpoint(endpoint, buttonClickBody(kyle, responseUrl(), true), {
      secret: SECRET,
    });
    expect(click.status).toBe(200);
    const [answer, removal] = (await sink.waitFor(seen + 2)).slice(seen);
    expect(answer?.json).toEqual({ ...expected('/driver "Kyle Busch"'), replace_original: false });
    expect((answer?.json as SlackMessage | undefined)?.response_type).toBe("in_channel");
    expect(removal?.json).toEqual({ delete_original: true });
  });

  it("answers a button it did not make privately, leaving the message alone", async () => {
    const seen = sink.requests.length;
    const forged = { action_id: "photo_finish:page:next", value: "not json" };
    const click = await postToSlackEndpoint(endpoint, buttonClickBody(forged, responseUrl()), {
      secret: SECRET,
    });
    expect(click.status).toBe(200);
    const [posted] = (await sink.waitFor(seen + 1)).slice(seen);
    expect(posted?.json).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect((posted?.json as SlackMessage | undefined)?.text).toMatch(/no longer works/);
  });

  it("logs a failed respond() and keeps answering", async () => {
    const first = await slash("/margin", "0.5 nextgen");
    const next = buttons(first).find((b) => b.text.text.startsWith("Next")) as SlackButton;
    sink.status = 404;
    const seen = sink.requests.length;
    const errorsBefore = logLines.filter((l) => l.msg === "slack respond() failed").length;
    const click = await postToSlackEndpoint(endpoint, buttonClickBody(next, responseUrl()), {
      secret: SECRET,
    });
    expect(click.status).toBe(200);
    await sink.waitFor(seen + 1);
    await expect
      .poll(() => logLines.filter((l) => l.msg === "slack respond() failed").length)
      .toBe(errorsBefore + 1);
    sink.status = 200;
    expect((await slash("/closest", "1")).response_type).toBe("in_channel");
  });

  it("acks an unexpected error with a short private apology and logs it with its stack", async () => {
    const message = await slash("/boom", "");
    expect(message.response_type).toBe("ephemeral");
    expect(message.text).toMatch(/Sorry/);
    const failure = logLines.find((l) => l.msg === "command failed") as
      | { err?: { stack?: string } }
      | undefined;
    expect(failure?.err?.stack).toMatch(/kaboom in a command/);
  });

  it("logs one line per interaction, with the user hashed, never raw", async () => {
    const before = interactions().length;
    await slash("/closest", "2 nextgen");
    const lines = interactions().slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      platform: "slack",
      kind: "command",
      command: "closest",
      options: { count: 2, era: "nextgen" },
      outcome: "answered",
    });
    expect(lines[0]?.latencyMs).toEqual(expect.any(Number));
    expect(lines[0]?.user).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(logLines)).not.toContain(USER_ID);
  });

  it("never called Slack's Web API (no auth.test before answering)", () => {
    expect(sink.requests.filter((r) => r.path.startsWith("/api/"))).toEqual([]);
  });
});
