import type { IncomingMessage, ServerResponse } from "node:http";
import { type RouteHandler, sendJson } from "../http/server.js";
import type { ChartStore } from "./store.js";

/** Where chart images are served: `GET /charts/<id>.png`. */
export const CHARTS_PATH_PREFIX = "/charts/";

/** A chart's id never changes meaning (it is a hash of the chart), so caches may keep it for a year. */
export const CHART_CACHE_CONTROL = "public, max-age=31536000, immutable";

const CHART_PATH = /^\/charts\/([0-9a-f]{32})\.png$/;

/** The public URL of a chart image, for a platform that fetches images itself (Slack). */
export function chartUrl(publicBaseUrl: string, id: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}${CHARTS_PATH_PREFIX}${id}.png`;
}

/**
 * Serves kept chart images: 200 with the PNG and caching headers, 304 when the client's ETag
 * matches, 404 for any id the store does not hold (unknown, evicted, or malformed).
 */
export function chartRoute(store: ChartStore): RouteHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const id = CHART_PATH.exec(path)?.[1];
    const image = id ? store.get(id) : undefined;
    if (!image) {
      sendJson(res, 404, { error: "no such chart" });
      return;
    }
    const etag = `"${image.id}"`;
    const headers = { "cache-control": CHART_CACHE_CONTROL, etag };
    if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, "content-type": "image/png", "content-length": image.png.length });
    res.end(req.method === "HEAD" ? undefined : image.png);
  };
}
