import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How the stand-in answers one path. */
export type FeedRoute =
  | { readonly json: unknown }
  /** A body sent as is (malformed JSON, say) with status 200. */
  | { readonly raw: string }
  | { readonly status: number; readonly body?: string }
  /** Accepts the request and never answers. */
  | { readonly hang: true }
  /** Answers each request with the next route; the last one repeats. */
  | { readonly sequence: readonly FeedRoute[] };

/** A request the stand-in received. */
export interface FeedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A loopback stand-in for NASCAR's results feed (cf.nascar.com/cacher). */
export interface FeedStandIn {
  /** Base URL, as NASCAR_FEED_URL takes it. */
  readonly url: string;
  readonly requests: FeedRequest[];
  /** Replaces the routes (the next update sees a newer feed). */
  setRoutes(routes: Record<string, FeedRoute>): void;
  close(): Promise<void>;
}

/**
 * Like the real feed's CDN, refuses requests that do not look like a browser's (403): the importer
 * must send browser-like headers to get anything at all.
 */
function looksLikeBrowser(headers: IncomingHttpHeaders): boolean {
  return (
    /Mozilla\/5\.0/.test(headers["user-agent"] ?? "") &&
    Boolean(headers["accept-language"]) &&
    Boolean(headers.referer)
  );
}

/** Starts the stand-in on 127.0.0.1 with routes keyed by path, e.g. `/2026/1/race_list_basic.json`. */
export async function startFeedStandIn(initial: Record<string, FeedRoute>): Promise<FeedStandIn> {
  let routes = initial;
  const served = new Map<string, number>();
  const requests: FeedRequest[] = [];
  const hanging = new Set<import("node:http").ServerResponse>();
  const server: Server = createServer((req, res) => {
    // Paths are keyed below the base, as the importer builds them: /2026/1/race_list_basic.json.
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/cacher/, "");
    requests.push({ path, headers: req.headers });
    if (!looksLikeBrowser(req.headers)) {
      res.writeHead(403, { "Content-Type": "text/html" }).end("<h1>Access Denied</h1>");
      return;
    }
    let route = routes[path];
    if (route && "sequence" in route) {
      const n = served.get(path) ?? 0;
      served.set(path, n + 1);
      route = route.sequence[Math.min(n, route.sequence.length - 1)];
    }
    if (!route) res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    else if ("hang" in route) hanging.add(res);
    else if ("json" in route)
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(route.json));
    else if ("raw" in route) res.writeHead(200, { "Content-Type": "application/json" }).end(route.raw);
    else if ("status" in route)
      res.writeHead(route.status, { "Content-Type": "text/plain" }).end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cacher`,
    requests,
    setRoutes(next) {
      routes = next;
      served.clear();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
