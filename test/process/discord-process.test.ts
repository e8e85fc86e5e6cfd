import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { answerLine } from "../../src/core/respond.js";
import { loadDataset } from "../../src/data/load.js";
import { toDiscordResponse } from "../../src/platforms/discord/render.js";
import { runBin } from "../helpers/cli.js";
import { commandInteraction, makeKeys, pingInteraction, signedInteraction } from "../helpers/discord.js";
import { interactionLogLine } from "../helpers/log-schema.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

let server: ServerProcess | undefined;
afterAll(() => {
  if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
});

async function signedPost(url: string, keys: ReturnType<typeof makeKeys>, interaction: unknown) {
  return fetch(url, { method: "POST", ...signedInteraction(keys, interaction) });
}

describe("photo-finish with only DISCORD_PUBLIC_KEY and PORT", () => {
  it("serves signed interactions on 127.0.0.1, refuses unsigned ones and stops cleanly", async () => {
    const keys = makeKeys();
    server = await startServerProcess({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    const url = `${server.baseUrl}/discord/interactions`;

    const pong = await signedPost(url, keys, pingInteraction());
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });

    const interaction = commandInteraction("driver", [{ name: "name", type: 3, value: "Buescher" }]);
    const reply = await signedPost(url, keys, interaction);
    expect(reply.status, server.logs()).toBe(200);
    const json = (await reply.json()) as { type: number; data: { embeds: { title: string }[] } };
    expect(json.type).toBe(4);
    expect(json.data.embeds[0]?.title).toContain("Chris Buescher");

    const unsigned = await fetch(url, { method: "POST", body: JSON.stringify(pingInteraction()) });
    expect(unsigned.status).toBe(401);

    const line = await server.waitForLog((l) => l.msg === "interaction" && l.command === "driver");
    expect(interactionLogLine.parse(line)).toMatchObject({
      platform: "discord",
      transport: "http",
      outcome: "answered",
      user: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(server.logs()).not.toContain(interaction.member.user.id);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});

describe("photo-finish ask --format discord", () => {
  it("prints the exact interaction response the bot would send", async () => {
    const line = "/margin 0.5 nextgen";
    const result = await runBin(["ask", "--format", "discord", line]);
    expect(result.code, result.stderr).toBe(0);
    const data = await loadDataset();
    const expected = toDiscordResponse(answerLine({ data, commands, platform: "discord" }, line).answer);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("prints the private rejection and exits 2 for bad input", async () => {
    const result = await runBin(["ask", "--format", "discord", "/margin banana"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 4, data: { flags: 64 } });
  });
});
