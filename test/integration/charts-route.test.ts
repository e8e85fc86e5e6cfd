import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartId } from "../../src/charts/index.js";
import { CHART_CACHE_CONTROL, CHARTS_PATH_PREFIX, chartRoute, chartUrl } from "../../src/charts/route.js";
import { ChartStore } from "../../src/charts/store.js";
import type { ChartData } from "../../src/core/chart.js";
import { HttpServer } from "../../src/http/server.js";
import { ask } from "../helpers/data.js";
import { decodePng } from "../helpers/png.js";

async function chart(line: string): Promise<ChartData> {
  const data = (await ask(line)).answer.chart;
  if (!data) throw new Error(`${line} has no chart`);
  return data;
}

/** A server with only the chart route, over loopback, around a given store. */
async function serve(store: ChartStore): Promise<{ base: string; close: () => Promise<void> }> {
  const http = new HttpServer(pino({ level: "silent" }));
  http.routePrefix("GET", CHARTS_PATH_PREFIX, chartRoute(store));
  http.routePrefix("HEAD", CHARTS_PATH_PREFIX, chartRoute(store));
  const address: AddressInfo = await http.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${address.port}`, close: () => http.close() };
}

describe("GET /charts/<id>.png", () => {
  const store = new ChartStore();
  let server: Awaited<ReturnType<typeof serve>>;
  let leaders: ChartData;
  beforeAll(async () => {
    server = await serve(store);
    leaders = await chart("/leaders");
  });
  afterAll(() => server.close());

  it("serves a published chart as a cacheable PNG", async () => {
    const image = await store.publish(leaders);
    const response = await fetch(chartUrl(server.base, image.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe(CHART_CACHE_CONTROL);
    expect(response.headers.get("cache-control")).toMatch(/public.*max-age=\d+.*immutable/);
    expect(response.headers.get("etag")).toBe(`"${image.id}"`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(body.length);
    expect(body.equals(image.png)).toBe(true);
    expect(decodePng(body).width).toBeGreaterThan(0);
  });

  it("answers 304 to a matching If-None-Match, and HEAD with headers only", async () => {
    const image = await store.publish(leaders);
    const url = chartUrl(server.base, image.id);
    const again = await fetch(url, { headers: { "if-none-match": `"${image.id}"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(`"${image.id}"`);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(image.png.length);
  });

  it("404s an unknown id, a malformed path and anything beside the prefix", async () => {
    const unknown = await fetch(chartUrl(server.base, "0".repeat(32)));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "no such chart" });
    for (const path of [
      "/charts/abc.png",
      "/charts/",
      `/charts/${chartId(leaders)}.svg`,
      "/charts/../healthz",
    ])
      expect((await fetch(`${server.base}${path}`)).status, path).toBe(404);
    expect((await fetch(`${server.base}/charts/x.png`, { method: "POST" })).status).toBe(405);
  });

  it("builds the public URL from the base, with or without a trailing slash", () => {
    expect(chartUrl("https://bot.example.com/", "a".repeat(32))).toBe(
      `https://bot.example.com/charts/${"a".repeat(32)}.png`,
    );
    expect(chartUrl("https://example.com/pf", "b".repeat(32))).toBe(
      `https://example.com/pf/charts/${"b".repeat(32)}.png`,
    );
  });
});

describe("ChartStore bounds", () => {
  it("evicts the least recently used image past the count bound, and the route then 404s it", async () => {
    const store = new ChartStore({ maxEntries: 2 });
    const server = await serve(store);
    try {
      const [a, b, c] = await Promise.all(["/leaders", "/driver Buescher", "/margin 0.5 nextgen"].map(chart));
      const first = await store.publish(a as ChartData);
      const second = await store.publish(b as ChartData);
      expect(store.get(first.id)).toBeDefined(); // touch: now `second` is the least recently used
      const third = await store.publish(c as ChartData);
      expect(store.size).toBe(2);
      expect((await fetch(chartUrl(server.base, second.id))).status).toBe(404);
      expect((await fetch(chartUrl(server.base, first.id))).status).toBe(200);
      expect((await fetch(chartUrl(server.base, third.id))).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("keeps its bytes under the byte bound", async () => {
    const charts = await Promise.all(
      ["/leaders", "/driver Buescher", "/margin 0.5 nextgen", "/leaders all"].map(chart),
    );
    const store = new ChartStore({ maxBytes: 100_000 });
    for (const c of charts) {
      await store.publish(c);
      expect(store.bytes).toBeLessThanOrEqual(100_000);
    }
    // Each image is about 40 kB: two fit, the rest were evicted.
    expect(store.size).toBe(2);
  });

  it("draws a chart once for concurrent publishes, and retries after a failure", async () => {
    let calls = 0;
    const real = new ChartStore();
    const data = await chart("/leaders");
    const store = new ChartStore({
      render: async (c) => {
        calls++;
        if (calls === 1) throw new Error("boom");
        return real.publish(c);
      },
    });
    await expect(store.publish(data)).rejects.toThrow("boom");
    const images = await Promise.all([store.publish(data), store.publish(data), store.publish(data)]);
    expect(calls).toBe(2);
    expect(new Set(images.map((i) => i.id)).size).toBe(1);
  });
});
