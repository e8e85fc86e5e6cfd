import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

/** Handles one request on a registered route. It owns the response. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Largest request body any route accepts; chat platforms send a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Thrown by readBody when the body is larger than allowed. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** Reads a request body as raw bytes (signatures are computed over them), up to a limit. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(`body of ${declared} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Sends a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The one HTTP server all HTTP features share (Slack events, Discord interactions, health). Routes
 * are exact method + path; everything else is a 404, and a handler's crash is a logged 500.
 */
export class HttpServer {
  readonly #routes = new Map<string, RouteHandler>();
  readonly #prefixRoutes: { method: string; prefix: string; handler: RouteHandler }[] = [];
  readonly #server: Server;
  #inFlight = 0;

  constructor(private readonly log: Logger) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    // Slack and Discord keep connections alive; time idle sockets out so shutdown is quick.
    this.#server.keepAliveTimeout = 5_000;
    this.#server.headersTimeout = 10_000;
    this.#server.requestTimeout = 15_000;
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

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const prefixed = this.#prefixRoutes.filter((r) => path.startsWith(r.prefix));
    const handler =
      this.#routes.get(`${req.method} ${path}`) ?? prefixed.find((r) => r.method === req.method)?.handler;
    if (!handler) {
      const known = prefixed.length > 0 || [...this.#routes.keys()].some((key) => key.endsWith(` ${path}`));
      sendJson(res, known ? 405 : 404, { error: known ? "method not allowed" : "not found" });
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
      } else {
        this.log.error({ err: error, method: req.method, path }, "HTTP handler failed");
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

  /** Stops accepting connections and waits for in-flight requests to finish. */
  close(): Promise<void> {
    if (!this.#server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      // A kept-alive connection turns idle only once its last response is sent: keep closing idle
      // ones until the server is done, so shutdown does not wait out the keep-alive timeout.
      const sweep = setInterval(() => this.#server.closeIdleConnections(), 50);
      this.#server.close(() => {
        clearInterval(sweep);
        resolve();
      });
      this.#server.closeIdleConnections();
    });
  }
}
