import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackButton, SlackMessage } from "../../src/platforms/slack/render.js";
import { type SlackEndpoint, startSlackEndpoint } from "../helpers/slack-endpoint.js";
import {
  buttonClickBody,
  nowSeconds,
  postToSlackEndpoint,
  type Sink,
  type SlackReply,
  slashCommandBody,
} from "../helpers/slack-requests.js";

// Correctly signed requests a hostile or broken client could send: every one gets a prompt 2xx with
// a helpful message or a 4xx, never a hang (Slack gives up after 3 s) and never a 5xx.
const SECRET = "hostilesigningsecret0123456789ab";
/** Well inside Slack's 3 s, and far below Bolt's 3 s "unhandled request" timer. */
const PROMPT_MS = 2_500;

let slack: SlackEndpoint;
let sink: Sink;
let endpoint: string;
let logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  slack = await startSlackEndpoint({ secret: SECRET, token: "xoxb-hostile", level: "debug" });
  ({ sink, url: endpoint, logLines } = slack);
});

afterAll(async () => {
  await slack?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const payload = (value: unknown) => form({ payload: JSON.stringify(value) });

async function signed(body: string, timestamp?: number): Promise<SlackReply> {
  return postToSlackEndpoint(endpoint, body, {
    secret: SECRET,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
}

function expectPrompt(reply: SlackReply): void {
  expect(reply.status, reply.body).toBeLessThan(500);
  expect(reply.ms).toBeLessThan(PROMPT_MS);
}

describe("signed Slack requests that are no command or click of ours", () => {
  it("payload=null gets a prompt 400", async () => {
    const reply = await signed(form({ payload: "null" }));
    expectPrompt(reply);
    expect(reply.status).toBe(400);
  });

  it.each([
    ["a JSON array", "[1,2]"],
    ["a number", "42"],
    ["a string", '"x"'],
  ])("payload that is %s gets a prompt 400", async (_what, text) => {
    const reply = await signed(form({ payload: text }));
    expectPrompt(reply);
    expect(reply.status).toBe(400);
  });

  it("a view_submission is acknowledged with an empty 200 (no modal of ours to keep open)", async () => {
    const reply = await signed(
      payload({
        type: "view_submission",
        team: { id: "T0TEST" },
        user: { id: "U0TESTVIEW" },
        view: { id: "V1", type: "modal", callback_id: "someone_elses", state: { values: {} } },
      }),
    );
    expectPrompt(reply);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("");
  });

  it.each(["shortcut", "message_action", "view_closed", "block_suggestion", "something_new"])(
    "a %s payload is acknowledged promptly, never 5xx",
    async (type) => {
      const reply = await signed(payload({ type, team: { id: "T0TEST" }, user: { id: "U0TEST" } }));
      expectPrompt(reply);
      expect(reply.status).toBeLessThan(300);
    },
  );

  it("a click on a button that is not ours is acknowledged promptly", async () => {
    const reply = await signed(
      buttonClickBody({ action_id: "another_app:do", value: "x" }, `${sink.url}/respond/other`),
    );
    expectPrompt(reply);
    expect(reply.status).toBe(200);
  });

  it("a block action with no user, team or container is acknowledged promptly, never 500", async () => {
    const reply = await signed(
      payload({
        type: "block_actions",
        api_app_id: "A0TEST",
        response_url: `${sink.url}/respond/anonymous`,
        actions: [
          {
            type: "button",
            action_id: "photo_finish:page:next",
            value: JSON.stringify({ p: 1, c: "/margin 0.5 nextgen" }),
            block_id: "b1",
            action_ts: "1.2",
          },
        ],
      }),
    );
    expectPrompt(reply);
    expect(reply.status).toBe(200);
  });

  it("a block action with a user but no team or container is answered through response_url", async () => {
    const seen = sink.requests.length;
    const reply = await signed(
      payload({
        type: "block_actions",
        user: { id: "U0TESTNOTEAM" },
        response_url: `${sink.url}/respond/noteam`,
        actions: [
          {
            type: "button",
            action_id: "photo_finish:page:next",
            value: JSON.stringify({ p: 1, c: "/margin 0.5 nextgen" }),
          },
        ],
      }),
    );
    expectPrompt(reply);
    expect(reply.status).toBe(200);
    const [posted] = (await sink.waitFor(seen + 1)).slice(seen);
    expect(posted?.path).toBe("/respond/noteam");
    expect(JSON.stringify(posted?.json)).toContain("Page 2 of 4");
  });

  it.each([
    ["/", ""],
    ["closest", "3"],
    ["", ""],
    ["/", "closest"],
  ])("an unregistered slash command %j %j gets a prompt, helpful answer", async (command, text) => {
    const reply = await signed(slashCommandBody(command, text, `${sink.url}/respond/cmd`));
    expectPrompt(reply);
    expect(reply.status).toBe(200);
    const message = reply.json as SlackMessage;
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text).not.toMatch(/Sorry, I couldn't answer/);
  });

  it("a signed form that is neither a command nor a payload gets a prompt 400", async () => {
    const reply = await signed(form({ a: "b" }));
    expectPrompt(reply);
    expect(reply.status).toBe(400);
  });

  it("never logs a 5xx dispatch error for any of these", () => {
    expect(logLines.filter((l) => (l.level as number) >= 50).map((l) => l.msg)).toEqual([]);
  });
});

describe("Slack request timestamps", () => {
  const body = () => slashCommandBody("/closest", "1", `${sink.url}/respond/ts`);

  it.each([
    ["+301 s", 301],
    ["+1 h", 3600],
    ["+10 years", 10 * 365 * 86400],
    ["-301 s", -301],
  ])("refuses a correctly signed request stamped %s from now", async (_what, offset) => {
    const reply = await signed(body(), nowSeconds() + offset);
    expect(reply.status).toBe(401);
  });

  it("refuses a correctly signed request stamped Infinity", async () => {
    const reply = await signed(body(), Number.POSITIVE_INFINITY);
    expect(reply.status).toBe(401);
  });

  it("accepts a request stamped within five minutes either way", async () => {
    for (const offset of [-290, 0, 290]) {
      const reply = await signed(body(), nowSeconds() + offset);
      expect(reply.status, `offset ${offset}`).toBe(200);
      expect((reply.json as SlackMessage).response_type).toBe("in_channel");
    }
  });
});

describe("paging is not a new command", () => {
  it("a fan who used up the cooldown can still page the list they asked for", async () => {
    const user = "U0TESTPAGER";
    let first: SlackMessage | undefined;
    for (let i = 0; i < 5; i++) {
      const reply = await signed(slashCommandBody("/margin", "0.5 nextgen", `${sink.url}/r/${i}`, user));
      first ??= reply.json as SlackMessage;
    }
    // The sixth command inside ten seconds is refused: the cooldown is in force for this user.
    const refused = await signed(slashCommandBody("/closest", "1", `${sink.url}/r/x`, user));
    expect((refused.json as SlackMessage).text).toMatch(/faster than I can keep up/);
    const next = (first as SlackMessage).blocks
      .flatMap((b) => (b.type === "actions" ? b.elements : []))
      .find((b) => b.text.text.startsWith("Next")) as SlackButton;
    const seen = sink.requests.length;
    const click = await signed(buttonClickBody(next, `${sink.url}/respond/page`, false, user));
    expect(click.status).toBe(200);
    const [posted] = (await sink.waitFor(seen + 1)).slice(seen);
    expect(JSON.stringify(posted?.json)).toContain("Page 2 of 4");
  });
});
