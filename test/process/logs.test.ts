import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { APP_ID, type FakeDiscord, startFakeDiscord } from "../../stand-ins/discord.js";
import { commandInteraction, makeKeys, signedInteraction } from "../helpers/discord.js";
import { interactionLines } from "../helpers/log-schema.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";
import { slashCommandBody } from "../helpers/slack-requests.js";

const SECRETS = {
  DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4.secretpart.tokenSECRETvalue123",
  SLACK_BOT_TOKEN: "xoxb-1234-5678-SECRETbotTOKEN",
  SLACK_SIGNING_SECRET: "signingSECRET0123456789abcdef0123",
};
const RAW_SLACK_USER = "U0TESTUSER";

let fake: FakeDiscord | undefined;
let bot: ServerProcess | undefined;
afterAll(async () => {
  if (bot?.child.exitCode === null) bot.child.kill("SIGKILL");
  await fake?.close();
});

describe("logs of a run with every adapter on", () => {
  it("one structured line per interaction, with a request id and a hashed user; no secret anywhere", async () => {
    fake = await startFakeDiscord();
    const keys = makeKeys();
    bot = await startServerProcess({
      DISCORD_TOKEN: SECRETS.DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.rest,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
      SLACK_BOT_ID: "B0LOGS",
      SLACK_BOT_USER_ID: "U0LOGS",
      LOG_LEVEL: "trace",
    });
    const health = (await (await fetch(`${bot.baseUrl}/healthz`)).json()) as { adapters: string[] };
    expect(health.adapters).toEqual(["discord-gateway", "discord-http", "slack-http"]);

    // Seven quick commands from one Slack user: five answered, then the cooldown answers politely.
    const replies: { response_type: string; text: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const body = slashCommandBody("/margin", "0.5 nextgen", "http://127.0.0.1:9/response", RAW_SLACK_USER);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(`${bot.baseUrl}/slack/events`, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": `v0=${createHmac("sha256", SECRETS.SLACK_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`,
        },
      });
      replies.push((await response.json()) as { response_type: string; text: string });
    }
    expect(replies.slice(0, 5).every((r) => r.response_type === "in_channel")).toBe(true);
    expect(
      replies.slice(5).every((r) => r.response_type === "ephemeral" && /Try again in/.test(r.text)),
    ).toBe(true);

    const interaction = commandInteraction("closest", [{ name: "count", type: 4, value: 3 }]);
    const discord = await fetch(`${bot.baseUrl}/discord/interactions`, {
      method: "POST",
      ...signedInteraction(keys, interaction),
    });
    expect(discord.status).toBe(200);

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    const logs = bot.logs();
    for (const secret of [
      SECRETS.DISCORD_TOKEN,
      SECRETS.SLACK_BOT_TOKEN,
      SECRETS.SLACK_SIGNING_SECRET,
      "secretpart",
    ])
      expect(logs).not.toContain(secret);
    expect(logs).not.toContain(RAW_SLACK_USER);
    expect(logs).not.toContain(interaction.member.user.id);

    // Every interaction line, whatever its platform, has the one schema (parse throws otherwise).
    const lines = interactionLines(bot.logLines());
    const slack = lines.filter((l) => l.platform === "slack");
    expect(slack).toHaveLength(7);
    expect(slack.filter((l) => l.reason === "cooldown")).toHaveLength(2);
    const discordLine = lines.find((l) => l.platform === "discord");
    expect(discordLine).toMatchObject({ command: "closest", outcome: "answered", requestId: interaction.id });
    expect(lines).toHaveLength(8);
    // Every request here names its user: each line carries the pseudonym, never the id.
    for (const line of lines) expect(line.user).toMatch(/^[0-9a-f]{16}$/);
    // Seven commands from one Slack user: one pseudonym for all of them.
    expect(new Set(slack.map((l) => l.user)).size).toBe(1);
  });
});
