import type { ChartData } from "../core/chart.js";
import { type ChartImage, chartId, renderChartImage } from "./index.js";

/** Bounds on the PNG cache: a busy workspace must not grow the process without limit. */
export interface ChartStoreOptions {
  /** Most images kept (default 256). */
  readonly maxEntries?: number;
  /** Most bytes of PNG kept (default 8 MiB: about a hundred charts, a tenth of the memory budget). */
  readonly maxBytes?: number;
  /** How a chart is drawn; tests substitute a failing or counting renderer. */
  readonly render?: (chart: ChartData) => Promise<ChartImage>;
}

/**
 * Rendered chart images by content address, least recently used evicted first once either bound is
 * passed. A chart is drawn once however many answers (or concurrent requests) carry it.
 */
export class ChartStore {
  readonly #images = new Map<string, ChartImage>();
  readonly #pending = new Map<string, Promise<ChartImage>>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #render: (chart: ChartData) => Promise<ChartImage>;
  #bytes = 0;

  constructor(options: ChartStoreOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 256);
    this.#maxBytes = Math.max(1, options.maxBytes ?? 8 * 1024 * 1024);
    this.#render = options.render ?? renderChartImage;
  }

  /** Draws the chart unless it is cached, keeps it, and resolves with it. Rejects if drawing fails. */
  async publish(chart: ChartData): Promise<ChartImage> {
    const id = chartId(chart);
    const cached = this.get(id);
    if (cached) return cached;
    let pending = this.#pending.get(id);
    if (!pending) {
      pending = this.#render(chart).finally(() => this.#pending.delete(id));
      this.#pending.set(id, pending);
    }
    const image = await pending;
    this.#keep(image);
    return image;
  }

  /** The image with this id, if kept; marks it as recently used. */
  get(id: string): ChartImage | undefined {
    const image = this.#images.get(id);
    if (image) {
      this.#images.delete(id);
      this.#images.set(id, image);
    }
    return image;
  }

  /** Images kept now. */
  get size(): number {
    return this.#images.size;
  }

  /** PNG bytes kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  #keep(image: ChartImage): void {
    if (this.#images.has(image.id)) return;
    this.#images.set(image.id, image);
    this.#bytes += image.png.length;
    // Map order is insertion order and get() re-inserts, so the first key is the least recently used.
    // The newest image is never evicted, even alone over the byte bound: the answer pointing at it
    // is about to be fetched.
    for (const [id, old] of this.#images) {
      if (this.#images.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      if (id === image.id) continue;
      this.#images.delete(id);
      this.#bytes -= old.png.length;
    }
  }
}
