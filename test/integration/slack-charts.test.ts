import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderChartImage } from "../../src/charts/index.js";
import { CHARTS_PATH_PREFIX, chartRoute } from "../../src/charts/route.js";
import { ChartStore } from "../../src/charts/store.js";
import { configSchema } from "../../src/config.js";
import type { Answer } from "../../src/core/answer.js";
import { loadDataset } from "../../src/data/load.js";
import { HttpServer } from "../../src/http/server.js";
import type { Adapter } from "../../src/platforms/platform.js";
import { createSlackAdapter } from "../../src/platforms/slack/adapter.js";
import { CHART_NEEDS_BASE_URL, type SlackCharts, slackChartView } from "../../src/platforms/slack/charts.js";
import { type SlackBlock, type SlackMessage, toSlackMessage } from "../../src/platforms/slack/render.js";
import { Runtime } from "../../src/runtime.js";
import { adapterDeps } from "../helpers/adapter-deps.js";
import { ask } from "../helpers/data.js";
import { memoryLogger } from "../helpers/log.js";
import { decodePng } from "../helpers/png.js";
import { mrkdwnTexts, slackViolations } from "../helpers/slack-limits.js";
import { postToSlackEndpoint, slashCommandBody } from "../helpers/slack-requests.js";

const SECRET = "chartstestsigningsecret0123456789";
const BASE = "https://bot.example.com";

async function answer(line: string): Promise<Answer> {
  return (await ask(line)).answer;
}
const images = (message: SlackMessage) =>
  message.blocks.filter((b): b is Extract<SlackBlock, { type: "image" }> => b.type === "image");

describe("Slack chart view", () => {
  it("with PUBLIC_BASE_URL: the chart is drawn, kept, and shown as an image block after the figures", async () => {
    const store = new ChartStore();
    const a = await answer("/leaders nextgen");
    const view = await slackChartView(a, { publicBaseUrl: BASE, store });
    expect(view?.kind).toBe("image");
    const url = view?.kind === "image" ? view.imageUrl : "";
    const id = /\/charts\/([0-9a-f]{32})\.png$/.exec(url)?.[1] ?? "";
    expect(url.startsWith(`${BASE}/charts/`)).toBe(true);
    expect(store.get(id)?.png.length).toBeGreaterThan(1000);

    const message = toSlackMessage(a, 0, view);
    const [image] = images(message);
    expect(image).toEqual({
      type: "image",
      image_url: url,
      alt_text: expect.stringMatching(/^Close wins and runner-ups in the Next Gen era \(2022–2024\)\./),
      title: { type: "plain_text", text: "Close wins and runner-ups in the Next Gen era (2022–2024)" },
    });
    const at = message.blocks.findIndex((b) => b.type === "image");
    expect(message.blocks[at - 1]).toHaveProperty("fields"); // right after the key figures
    expect(slackViolations(message)).toEqual([]);
    expect(mrkdwnTexts(message).join("\n")).not.toContain(CHART_NEEDS_BASE_URL);
  });

  it("without PUBLIC_BASE_URL: no image and no word to fans about server settings", async () => {
    const a = await answer("/margin 0.5 nextgen");
    const view = await slackChartView(a, undefined);
    expect(view).toBeUndefined();
    const message = toSlackMessage(a, 0, view);
    expect(images(message)).toEqual([]);
    expect(JSON.stringify(message)).not.toMatch(/PUBLIC_BASE_URL|No chart/);
    expect(slackViolations(message)).toEqual([]);
  });

  it("answers without a chart are untouched", async () => {
    const a = await answer("/closest 3");
    expect(await slackChartView(a, undefined)).toBeUndefined();
    expect(await slackChartView(a, { publicBaseUrl: BASE, store: new ChartStore() })).toBeUndefined();
  });

  it("a failing or stuck renderer degrades to text and is logged", async () => {
    const a = await answer("/driver Buescher");
    const { log, lines } = memoryLogger();
    const failing: SlackCharts = {
      publicBaseUrl: BASE,
      store: new ChartStore({ render: () => Promise.reject(new Error("no fonts")) }),
    };
    expect(await slackChartView(a, failing, log)).toBeUndefined();
    const stuck: SlackCharts = {
      publicBaseUrl: BASE,
      store: new ChartStore({ render: () => new Promise(() => {}) }),
      timeoutMs: 50,
    };
    expect(await slackChartView(a, stuck, log)).toBeUndefined();
    const errors = lines().filter((l) => l.msg === "chart rendering failed; answering with text only");
    expect(errors.map((l) => (l.err as { message: string }).message)).toEqual([
      "no fonts",
      "chart not drawn within 50 ms",
    ]);
  });

  it("a chart URL too long for Slack is left out rather than breaking the message", async () => {
    const a = await answer("/leaders");
    const message = toSlackMessage(a, 0, {
      kind: "image",
      imageUrl: `${BASE}/${"x".repeat(3000)}`,
      altText: "x",
    });
    expect(images(message)).toEqual([]);
    expect(slackViolations(message)).toEqual([]);
  });
});

describe("Slack over HTTP with charts (signed command in, image fetched back from the bot)", () => {
  let http: HttpServer;
  let adapter: Adapter;
  let base: string;

  beforeAll(async () => {
    const log = pino({ level: "silent" });
    http = new HttpServer(log);
    const address: AddressInfo = await http.listen(0, "127.0.0.1");
    base = `http://127.0.0.1:${address.port}`;
    const store = new ChartStore({ render: renderChartImage });
    http.routePrefix("GET", CHARTS_PATH_PREFIX, chartRoute(store));
    const config = configSchema.parse({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-dummy-test-token",
      PUBLIC_BASE_URL: `${base}/`,
    });
    const runtime = new Runtime(await loadDataset(), undefined, log);
    adapter = createSlackAdapter(adapterDeps({ config, runtime, log, http }), {
      charts: { publicBaseUrl: config.PUBLIC_BASE_URL as string, store },
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await http?.close();
  });

  it("/leaders acks within 3 s with an image block whose URL serves the PNG", async () => {
    const reply = await postToSlackEndpoint(
      `${base}/slack/events`,
      slashCommandBody("/leaders", "", "http://127.0.0.1:9/unused"),
      { secret: SECRET },
    );
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(3_000);
    const [image] = images(reply.json as SlackMessage);
    expect(image?.image_url).toMatch(new RegExp(`^${base}/charts/[0-9a-f]{32}\\.png$`));
    const png = await fetch(image?.image_url ?? "");
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(decodePng(Buffer.from(await png.arrayBuffer())).width).toBe(960);
  });

  it("the config keeps one form of the base URL: no trailing slash", () => {
    expect(configSchema.parse({ PUBLIC_BASE_URL: "https://bot.example.com//" }).PUBLIC_BASE_URL).toBe(
      "https://bot.example.com",
    );
    expect(configSchema.safeParse({ PUBLIC_BASE_URL: "bot.example.com" }).success).toBe(false);
  });
});
