import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderChartImage } from "../../src/charts/index.js";
import { ChartPool, ChartsBusyError, workerFile } from "../../src/charts/pool.js";
import { renderChart } from "../../src/charts/render.js";
import type { ChartData } from "../../src/core/chart.js";
import { ask } from "../helpers/data.js";
import { type DiscordEndpoint, startDiscordEndpoint } from "../helpers/discord.js";

// Charts are drawn on worker threads behind a bounded queue: the event loop keeps answering while
// one is drawn, and a full queue fails fast so the answer goes out as text.
let leaders: ChartData;
beforeAll(async () => {
  leaders = (await ask("/leaders")).answer.chart as ChartData;
});

describe("the chart pool", () => {
  const pools: ChartPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });
  const makePool = (threads: number, maxQueued: number) => {
    const file = workerFile();
    expect(file).toBeDefined();
    const pool = new ChartPool(file as string, { threads, maxQueued });
    pools.push(pool);
    return pool;
  };

  it("draws on a worker the very PNG the renderer draws in-process", async () => {
    const pool = makePool(1, 4);
    const drawn = await pool.draw(leaders);
    const local = renderChart(leaders);
    expect([drawn.width, drawn.height]).toEqual([local.width, local.height]);
    expect(Buffer.compare(drawn.png, local.png)).toBe(0);
  });

  it("a full queue fails at once with ChartsBusyError; the rest are drawn", async () => {
    const pool = makePool(1, 3);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => pool.draw(leaders)));
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof ChartsBusyError);
    const drawn = results.filter((r) => r.status === "fulfilled");
    // One drawing, three waiting: the other eight are refused.
    expect(busy).toHaveLength(8);
    expect(drawn).toHaveLength(4);
    expect(pool.queued).toBe(0);
  });

  it("stops an idle thread after idleMs, so memory goes back down, and starts one again on demand", async () => {
    const file = workerFile();
    expect(file).toBeDefined();
    const pool = new ChartPool(file as string, { threads: 1, maxQueued: 2, idleMs: 50 });
    pools.push(pool);
    await pool.draw(leaders);
    expect(pool.threads).toBe(1);
    // Wait (bounded) for the thread to be retired: the property is that it happens.
    const deadline = Date.now() + 5_000;
    while (pool.threads > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pool.threads).toBe(0);
    expect((await pool.draw(leaders)).png.subarray(1, 4).toString()).toBe("PNG");
    expect(pool.threads).toBe(1);
  });

  it("a chart that cannot be drawn fails its job only; the worker keeps drawing", async () => {
    const pool = makePool(1, 3);
    await expect(pool.draw({ ...leaders, kind: "pie" } as unknown as ChartData)).rejects.toThrow();
    expect((await pool.draw(leaders)).png.subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("drawing off the main thread", () => {
  it("the event loop keeps turning while a chart is drawn", async () => {
    await renderChartImage(leaders); // libraries loaded
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await renderChartImage(leaders);
    } finally {
      clearInterval(timer);
    }
    // Drawn on this thread, no timer could fire until the chart was done.
    expect(ticks).toBeGreaterThan(0);
  });

  it("a burst of charts beyond the queue is refused at once rather than answered late", async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => renderChartImage(leaders)));
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof ChartsBusyError);
    expect(busy.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
  });
});

describe("chart clicks under load on Discord", () => {
  let endpoint: DiscordEndpoint;
  beforeAll(async () => {
    endpoint = await startDiscordEndpoint();
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it("every click is answered: with the chart while the queue has room, with text past it", async () => {
    const click = async (i: number) => {
      // A fresh user each time (buttonInteraction does that), so the cooldown stays out of it.
      const reply = await endpoint.click(`pf:c:/leaders${i % 2 === 0 ? "" : " nextgen"}`);
      return { status: reply.status, type: reply.type, text: reply.body.toString() };
    };
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => click(i)));
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(200));
    const charts = replies.filter((r) => r.type.startsWith("multipart/form-data"));
    const texts = replies.filter((r) => r.type.startsWith("application/json"));
    expect(charts.length).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThan(0);
    for (const reply of texts) expect(reply.text).toContain("No chart this time");
  });
});
