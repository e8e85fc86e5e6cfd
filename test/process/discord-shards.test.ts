import { afterAll, describe, expect, it } from "vitest";
import { APP_ID, type FakeDiscord, startFakeDiscord } from "../../stand-ins/discord.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

let fake: FakeDiscord | undefined;
let bot: ServerProcess | undefined;
afterAll(async () => {
  if (bot?.child.exitCode === null) bot.child.kill("SIGKILL");
  await fake?.close();
});

describe("photo-finish --shards (discord.js ShardingManager, against a loopback stand-in)", () => {
  it("runs one gateway process per shard, each identifying as its shard, and stops them all on SIGTERM", async () => {
    fake = await startFakeDiscord();
    bot = await startServerProcess(
      {
        DISCORD_TOKEN: "MTIz.test.token",
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.rest,
      },
      // discord.js waits 5.5 s between shards (Discord's identify limit), so give start-up time.
      { args: ["--shards", "2"], readyLog: "every Discord shard is ready", timeoutMs: 45_000 },
    );
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.identifies.every((i) => i.intents === 1)).toBe(true);
    expect(bot.logLines().filter((l) => l.msg === "Discord shard process started")).toHaveLength(2);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it("refuses --shards without a bot token, and a malformed count", async () => {
    const { runBin } = await import("../helpers/cli.js");
    const noToken = await runBin(["--shards", "2"]);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain("DISCORD_TOKEN");
    const bad = await runBin(["--shards", "many"]);
    expect(bad.code).toBe(2);
  });
});
