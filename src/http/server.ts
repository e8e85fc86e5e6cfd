import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, Server as NetServer, type Socket } from "node:net";
import type { Logger } from "pino";
import { toJson } from "../core/answer-cache.js";

/** Handles one request on a registered route. It owns the response. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Largest request body any route accepts; chat platforms send a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Thrown by readBody when the body is larger than allowed. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * Reads a request body as raw bytes (signatures are computed over them), up to a limit. Plain
 * stream events rather than an async iterator: this runs for every interaction, and the iterator's
 * promise per chunk showed up in the request profile. A body over the limit destroys the request
 * (its rest is never read); a client that goes away mid-body rejects with the stream's error.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(`body of ${declared} bytes`));
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  // Already gone (its error and close events have fired): waiting for them would never end.
  if (req.destroyed)
    return Promise.reject(req.errored ?? Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      done();
      req.destroy();
      reject(new BodyTooLargeError(`body over ${limit} bytes`));
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    // Closed before the end without an error event: the client went away all the same.
    const onClose = () => {
      done();
      reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * When a request reached us: `performance.now()` at the earliest moment JavaScript saw it (the
 * accepted connection for its first request, otherwise the parsed request line), so logged latency
 * counts the time it then waited for the event loop, the body and the SDK, not only our own work.
 */
const RECEIVED_AT = Symbol("photo-finish.receivedAt");

/** A request as the server marks it: a symbol-keyed field rather than a WeakMap, which costs the GC. */
type MarkedRequest = IncomingMessage & { [RECEIVED_AT]?: number };

/** When a request arrived (see above); now, for a request the server did not see arrive. */
export function requestReceivedAt(req: IncomingMessage): number {
  return (req as MarkedRequest)[RECEIVED_AT] ?? performance.now();
}

/** True for the errors a client causes by closing its connection before the body is in. */
function isClientAbort(error: unknown, req: IncomingMessage): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    code === "ECONNRESET" ||
    code === "ECONNABORTED" ||
    code === "ERR_STREAM_PREMATURE_CLOSE" ||
    (error instanceof Error && error.message === "aborted") ||
    (req.destroyed && !req.complete)
  );
}

/** How a connection is being used, so shutdown closes idle ones first and never cuts a request short early. */
interface ConnectionState {
  readonly openedAt: number;
  /** When the connection last carried a request (or opened). */
  lastActiveAt: number;
  active: number;
  served: number;
  /** Set once the connection's first request claimed `openedAt` as its arrival time. */
  claimed: boolean;
}

/**
 * How long a connection may sit idle during shutdown (counted from its last request, or from the
 * start of shutdown if later) before it is closed. A client may have just sent a request on a
 * kept-alive connection, or just opened one: closing it at once would reset that request. Within
 * this time it is answered (with Connection: close) instead.
 */
const IDLE_GRACE_MS = 2_000;
/** How often shutdown looks for connections that have turned idle. */
const SWEEP_MS = 50;

/** Sends a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = toJson(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": typeof json === "string" ? Buffer.byteLength(json) : json.length,
  });
  res.end(json);
}

/**
 * The one HTTP server all HTTP features share (Slack events, Discord interactions, health). Routes
 * are exact method + path (HEAD is served by the GET route unless one is registered); an unknown
 * path is a 404, a known path with another method a 405 with `Allow`, and a handler's crash a
 * logged 500.
 */
export class HttpServer {
  readonly #routes = new Map<string, RouteHandler>();
  readonly #prefixRoutes: { method: string; prefix: string; handler: RouteHandler }[] = [];
  readonly #server: Server;
  readonly #connections = new Map<Socket, ConnectionState>();
  #inFlight = 0;
  #draining = false;
  #drainStartedAt = 0;
  #closing: Promise<void> | undefined;

  constructor(private readonly log: Logger) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    // Slack and Discord keep connections alive; time idle sockets out so shutdown is quick.
    this.#server.keepAliveTimeout = 5_000;
    this.#server.headersTimeout = 10_000;
    this.#server.requestTimeout = 15_000;
    this.#server.on("connection", (socket: Socket) => {
      const now = performance.now();
      this.#connections.set(socket, {
        openedAt: now,
        lastActiveAt: now,
        active: 0,
        served: 0,
        claimed: false,
      });
      socket.once("close", () => this.#connections.delete(socket));
    });
  }

  /** Registers a handler for an exact method and path. */
  route(method: string, path: string, handler: RouteHandler): void {
    this.#routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /** Registers a handler for every path under a prefix (e.g. `/charts/`); exact routes win. */
  routePrefix(method: string, prefix: string, handler: RouteHandler): void {
    this.#prefixRoutes.push({ method: method.toUpperCase(), prefix, handler });
  }

  /** Requests being handled right now (shutdown waits for them). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** True once shutdown has begun: health checks say 503 and every response closes its connection. */
  get draining(): boolean {
    return this.#draining;
  }

  #find(method: string, path: string): RouteHandler | undefined {
    const exact = this.#routes.get(`${method} ${path}`);
    if (exact) return exact;
    const prefixed = this.#prefixRoutes.find((r) => r.method === method && path.startsWith(r.prefix));
    return prefixed?.handler;
  }

  /** Methods a path answers to, for the Allow header of a 405 (GET implies HEAD). */
  #allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const key of this.#routes.keys()) {
      const [method, routePath] = key.split(" ", 2) as [string, string];
      if (routePath === path) methods.add(method);
    }
    for (const r of this.#prefixRoutes) if (path.startsWith(r.prefix)) methods.add(r.method);
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  }

  #track(req: IncomingMessage, res: ServerResponse): void {
    const state = this.#connections.get(req.socket);
    // A connection's first request arrived when the connection did; later ones when they are parsed.
    const arrived = state && !state.claimed ? state.openedAt : performance.now();
    (req as MarkedRequest)[RECEIVED_AT] = arrived;
    if (!state) return;
    state.claimed = true;
    state.active++;
    state.lastActiveAt = performance.now();
    res.once("close", () => {
      state.active--;
      state.served++;
      state.lastActiveAt = performance.now();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#track(req, res);
    // While draining, no connection is kept for another request: the client reconnects elsewhere.
    if (this.#draining) res.setHeader("connection", "close");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const method = req.method ?? "GET";
    const handler = this.#find(method, path) ?? (method === "HEAD" ? this.#find("GET", path) : undefined);
    if (!handler) {
      const allowed = this.#allowed(path);
      if (allowed.length > 0) res.setHeader("allow", allowed.join(", "));
      sendJson(res, allowed.length > 0 ? 405 : 404, {
        error: allowed.length > 0 ? "method not allowed" : "not found",
      });
      return;
    }
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
      // Refused before any route (or SDK) reads it; the unread body makes the connection unusable.
      res.setHeader("connection", "close");
      sendJson(res, 413, { error: "request body too large" });
      return;
    }
    this.#inFlight++;
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is never read, so this connection cannot carry another request.
        res.setHeader("connection", "close");
        if (!res.headersSent) sendJson(res, 413, { error: "request body too large" });
      } else if (isClientAbort(error, req)) {
        // The client went away mid-request: nothing to answer and nothing of ours broke.
        this.log.info({ method, path }, "client closed the connection before the request was complete");
        res.destroy();
      } else {
        this.log.error({ err: error, method, path }, "HTTP handler failed");
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        else res.end();
      }
    } finally {
      this.#inFlight--;
    }
  }

  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, host, () => {
        this.#server.off("error", reject);
        resolve(this.#server.address() as AddressInfo);
      });
    });
  }

  /** Closes the connections that have carried no request for a while (see IDLE_GRACE_MS). */
  #closeIdle(): void {
    const now = performance.now();
    for (const [socket, state] of this.#connections) {
      const idleSince = Math.max(state.lastActiveAt, this.#drainStartedAt);
      if (state.active === 0 && now - idleSince > IDLE_GRACE_MS) socket.destroy();
    }
  }

  /**
   * Shuts the server down within `graceMs`: stops accepting connections at once, answers the
   * requests in flight (each response closes its connection), closes idle connections as they
   * turn idle, and when the grace runs out closes every connection that is left, whatever its
   * client is doing. Resolves once the server is closed. Safe to call more than once.
   */
  close(graceMs = 5_000): Promise<void> {
    if (!this.#draining) this.#drainStartedAt = performance.now();
    this.#draining = true;
    if (this.#closing) return this.#closing;
    if (!this.#server.listening) {
      this.#closing = Promise.resolve();
      return this.#closing;
    }
    this.#closing = new Promise<void>((resolve) => {
      const sweep = setInterval(() => this.#closeIdle(), SWEEP_MS);
      const deadline = setTimeout(() => {
        const cut = [...this.#connections.values()].filter((c) => c.active > 0).length;
        if (cut > 0) this.log.warn({ requests: cut }, "closing connections with requests still in flight");
        this.#server.closeAllConnections();
        for (const socket of this.#connections.keys()) socket.destroy();
      }, graceMs);
      // net's close, not http's: http.Server#close also closes every connection without a parsed
      // request at once, including one whose request is on its way, which the client sees as a reset.
      NetServer.prototype.close.call(this.#server, () => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve();
      });
      this.#closeIdle();
    });
    return this.#closing;
  }
}
