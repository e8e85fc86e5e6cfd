import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { load, rssMb } from "../../bench/http.js";
import type { PreparedRequest } from "../../bench/http-requests.js";
import { makeKeys, signBody } from "../helpers/discord.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";
import { slashCommandBody } from "../helpers/slack-requests.js";

const SECRET = "loadsigningsecret0123456789abcdef";
const keys = makeKeys();
let server: ServerProcess | undefined;

afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
});

function discord(body: string, valid: boolean): PreparedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = valid ? signBody(keys, timestamp, body) : "ab".repeat(64);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
  };
}

function slack(command: string, text: string, valid: boolean): PreparedRequest {
  const body = slashCommandBody(command, text, "http://127.0.0.1:9/response");
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", valid ? SECRET : "wrong")
    .update(`v0:${timestamp}:${body}`)
    .digest("hex")}`;
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
    },
  };
}

// A new user for every request: this load is about the endpoints, not the per-user cooldown.
let users = 0;
const command = (name: string, options: unknown[] = []) =>
  JSON.stringify({
    type: 2,
    id: String(900000000000000000n + BigInt(++users)),
    application_id: "1",
    token: "t",
    version: 1,
    member: { user: { id: String(800000000000000000n + BigInt(users)), username: "fan" } },
    data: { id: "1", name, type: 1, options },
  });

/** `cycles` copies of a mix, each request built afresh (new user, new signature). */
const repeat = (cycles: number, mix: () => PreparedRequest[]) => Array.from({ length: cycles }, mix).flat();

describe("a bounded load of mixed valid and invalid requests on the real process", () => {
  it("answers every request without a 5xx or a dropped connection, and memory does not keep growing", async () => {
    server = await startServerProcess({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-load",
      SLACK_BOT_ID: "B0LOAD",
      SLACK_BOT_USER_ID: "U0LOAD",
    });
    const discordUrl = `${server.baseUrl}/discord/interactions`;
    const slackUrl = `${server.baseUrl}/slack/events`;
    const discordMix = () => [
      discord(command("closest", [{ name: "count", type: 4, value: 25 }]), true),
      discord(command("driver", [{ name: "name", type: 3, value: "Busch" }]), true),
      discord(command("margin", [{ name: "seconds", type: 10, value: 0.5 }]), true),
      discord(
        command("versus", [
          { name: "driver", type: 3, value: "Larson" },
          { name: "other", type: 3, value: "Buescher" },
        ]),
        true,
      ),
      discord(command("leaders"), true),
      discord(command("season", [{ name: "year", type: 4, value: 2023 }]), true),
      discord(command("closest"), false),
      discord("{not json", true),
      discord(command("nosuch"), true),
    ];
    const slackMix = () => [
      slack("/margin", "0.5 nextgen", true),
      slack("/driver", "Buesher", true),
      slack("/margin", "abc", true),
      slack("/closest", "5 talladega 2023", true),
      slack("/photofinish", "leaders runnerups", true),
      slack("/versus", "Larson Buescher", true),
      slack("/closest", "", false),
    ];
    const round = async () => {
      const d = await load("discord", discordUrl, repeat(30, discordMix), 270, 8);
      const s = await load("slack", slackUrl, repeat(40, slackMix), 280, 8);
      // Each mix is cycled whole: every valid request answered 200, every bad one refused, none dropped.
      // Per cycle of 9 Discord requests: 7 answered (an unknown command gets a message), a forged
      // signature 401, a signed non-interaction 400. Per cycle of 7 Slack requests: 6 answered, 1 forged.
      expect(d.statuses).toEqual({ 200: 210, 401: 30, 400: 30 });
      expect(s.statuses).toEqual({ 200: 240, 401: 40 });
      return { d, s };
    };
    await round();
    const baseline = rssMb(server.child.pid);
    for (let i = 0; i < 4; i++) await round();
    const after = rssMb(server.child.pid);
    expect(after - baseline).toBeLessThan(40);
    expect(server.logLines().filter((l) => Number(l.level) >= 50)).toEqual([]);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
