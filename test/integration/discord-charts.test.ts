import pino from "pino";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawPendingChart } from "../../src/platforms/discord/chart-files.js";
import { decodeButton } from "../../src/platforms/discord/custom-id.js";
import { toDiscordResponse } from "../../src/platforms/discord/render.js";
import { startFakeDiscord } from "../../stand-ins/discord.js";
import { parseMultipart } from "../../stand-ins/multipart.js";
import { ask } from "../helpers/data.js";
import { buttonInteraction, type DiscordEndpoint, startDiscordEndpoint } from "../helpers/discord.js";

describe("charts on Discord", () => {
  let endpoint: DiscordEndpoint;
  beforeAll(async () => {
    endpoint = await startDiscordEndpoint();
  });
  afterAll(async () => {
    await endpoint.close();
  });

  const click = (customId: string) => endpoint.click(customId);

  it("answers that can be drawn carry a Chart button that re-runs their command line", async () => {
    const leaders = (await ask("/leaders")).answer;
    const message = toDiscordResponse(leaders) as {
      data: { components: { components: { label: string; custom_id: string }[] }[] };
    };
    const buttons = message.data.components.flatMap((row) => row.components);
    const chart = buttons.find((b) => b.label.includes("Chart"));
    expect(chart && decodeButton(chart.custom_id)).toEqual({ kind: "chart", line: "/leaders" });
    const closest = (await ask("/closest 3")).answer;
    expect(JSON.stringify(toDiscordResponse(closest))).not.toContain("pf:c:");
  });

  it("a Chart click on the HTTP endpoint returns the embed and the PNG as a multipart response", async () => {
    const response = await click("pf:c:/leaders nextgen");
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^multipart\/form-data; boundary=/);
    const parts = parseMultipart(response.body, response.type);
    const payload = JSON.parse(parts.get("payload_json")?.data.toString() ?? "{}");
    const file = parts.get("files[0]");
    expect(file?.type).toBe("image/png");
    expect(payload.type).toBe(4);
    const [embed] = payload.data.embeds;
    expect(embed.title).toContain("Most wins by .500 s or less");
    expect(embed.image.url).toBe(`attachment://${file?.filename}`);
    expect(payload.data.attachments).toEqual([
      {
        id: "0",
        filename: file?.filename,
        description: expect.stringContaining("Close wins and runner-ups"),
      },
    ]);
    const png = PNG.sync.read(file?.data ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([960, 540]);
  });

  it("a driver's chart and the margin distribution are drawn too", async () => {
    for (const line of ["/driver Buescher", "/margin 0.5 nextgen"]) {
      const response = await click(`pf:c:${line}`);
      expect(response.type, line).toMatch(/^multipart\/form-data/);
    }
  });

  it("a Chart click for an answer with nothing to draw gets a private note, as JSON", async () => {
    const response = await click("pf:c:/closest 3");
    expect(response.type).toMatch(/^application\/json/);
    const json = JSON.parse(response.body.toString());
    expect(json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(json.data.embeds[0].title).toBe("No chart");
  });

  it("a chart that cannot be drawn is logged and the text fallback goes instead", async () => {
    const lines: string[] = [];
    const log = pino({ level: "error" }, { write: (line: string) => void lines.push(line) });
    const file = await drawPendingChart(
      { chart: { kind: "no-such-chart" } as never, filename: "x.png", fallback: { type: 4, data: {} } },
      log,
    );
    expect(file).toBeUndefined();
    expect(lines.join("")).toContain("chart rendering failed");
  });
});

describe("a chart that is not ready in time on Discord's HTTP endpoint", () => {
  it("defers at once (type 5) and then edits the original response into the embed with the PNG", async () => {
    const discord = await startFakeDiscord();
    // Defer at once, so the follow-up path runs whatever this machine's speed.
    const endpoint = await startDiscordEndpoint({
      env: { DISCORD_API_URL: discord.rest },
      http: { chartDeferMs: 0 },
    });
    try {
      const interaction = buttonInteraction("pf:c:/leaders nextgen");
      const reply = await endpoint.post(interaction);
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({ type: 5 });
      // The follow-up arrives after the HTTP answer: wait (bounded) for the stand-in to record it.
      const deadline = Date.now() + 15_000;
      while (discord.callbacks.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const [edit] = discord.callbacks;
      expect(edit?.url).toBe(
        `/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
      );
      const body = edit?.body as { embeds: { title: string; image: { url: string } }[] };
      expect(body.embeds[0]?.title).toContain("Most wins by .500 s or less");
      const file = edit?.files?.[0];
      expect(file?.type).toBe("image/png");
      expect(body.embeds[0]?.image.url).toBe(`attachment://${file?.filename}`);
      expect(file?.data.subarray(1, 4).toString()).toBe("PNG");
    } finally {
      await endpoint.close();
      await discord.close();
    }
  });
});
