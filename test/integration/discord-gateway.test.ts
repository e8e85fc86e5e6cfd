import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { loadDataset } from "../../src/data/load.js";
import { createDiscordGatewayAdapter } from "../../src/platforms/discord/gateway.js";
import type { Adapter } from "../../src/platforms/platform.js";
import { Runtime } from "../../src/runtime.js";
import { APP_ID, type FakeDiscord, startFakeDiscord } from "../../stand-ins/discord.js";
import { adapterDeps } from "../helpers/adapter-deps.js";
import { memoryLogger } from "../helpers/log.js";
import { interactionLines } from "../helpers/log-schema.js";

function dmCommand(id: string, name: string, options: unknown[]) {
  const user = {
    id: "323456789012345678",
    username: "fan",
    discriminator: "0",
    avatar: null,
    global_name: null,
  };
  return {
    id,
    application_id: APP_ID,
    type: 2,
    token: `token-${id}`,
    version: 1,
    channel_id: "423456789012345678",
    channel: { id: "423456789012345678", type: 1 },
    user,
    app_permissions: "0",
    locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "1": user.id },
    context: 1,
    data: { id: "523456789012345678", name, type: 1, options },
  };
}

let fake: FakeDiscord;
const memory = memoryLogger();

/** Resolves with the interaction's log line, written after its response (and any retry) went out. */
function settled(id: string) {
  return waitFor(() => interactionLines(memory.lines()).find((l) => l.requestId === id));
}
let adapter: Adapter;
beforeAll(async () => {
  fake = await startFakeDiscord();
  const log = memory.log;
  const runtime = new Runtime(await loadDataset(), undefined, log);
  const config = loadConfig({ DISCORD_TOKEN: "MTIz.test.token", DISCORD_APPLICATION_ID: APP_ID });
  adapter = createDiscordGatewayAdapter(adapterDeps({ config, runtime, log, http: undefined }), {
    rest: { api: fake.rest, retries: 0 },
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Discord gateway bot (against a loopback stand-in)", () => {
  it("identifies with the Guilds intent only", async () => {
    expect((await fake.identified).intents).toBe(1);
  });

  it("answers a slash command exactly once, through the interaction callback", async () => {
    fake.dispatch(
      "INTERACTION_CREATE",
      dmCommand("623456789012345678", "driver", [{ name: "name", type: 3, value: "Buescher" }]),
    );
    const callback = await waitFor(() => fake.callbacks.find((c) => c.url.includes("623456789012345678")));
    expect(callback.url).toContain("/interactions/623456789012345678/token-623456789012345678/callback");
    expect(callback.body).toMatchObject({ type: 4 });
    expect((callback.body as { data: { embeds: { title: string }[] } }).data.embeds[0]?.title).toContain(
      "Chris Buescher",
    );
    // The interaction's log line is written once every send (and any retry) is done: count then.
    await settled("623456789012345678");
    expect(fake.callbacks.filter((c) => c.url.includes("623456789012345678"))).toHaveLength(1);
  });

  it("answers a rejected option privately, once", async () => {
    fake.dispatch(
      "INTERACTION_CREATE",
      dmCommand("723456789012345678", "driver", [{ name: "name", type: 3, value: "Busch" }]),
    );
    const callback = await waitFor(() => fake.callbacks.find((c) => c.url.includes("723456789012345678")));
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    await settled("723456789012345678");
    expect(fake.callbacks.filter((c) => c.url.includes("723456789012345678"))).toHaveLength(1);
  });

  it("answers a Chart click with the PNG attached to the callback", async () => {
    const click = {
      ...dmCommand("823456789012345678", "leaders", []),
      type: 3,
      message: { id: "923456789012345678", channel_id: "423456789012345678" },
      data: { custom_id: "pf:c:/leaders", component_type: 2 },
    };
    fake.dispatch("INTERACTION_CREATE", click);
    const callback = await waitFor(
      () => fake.callbacks.find((c) => c.url.includes("823456789012345678")),
      10_000,
    );
    const file = callback.files?.[0];
    expect(file?.type).toBe("image/png");
    expect(file?.data.subarray(1, 4).toString()).toBe("PNG");
    expect(callback.body).toMatchObject({
      type: 4,
      data: { embeds: [{ image: { url: `attachment://${file?.filename}` } }] },
    });
  });
});
