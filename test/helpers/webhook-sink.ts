import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** How the sink answers a POST. */
export interface SinkAnswer {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** A POST the sink received. */
export interface SinkRequest {
  /** Path and query, e.g. `/api/webhooks/1/abc?wait=true`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  /** When it arrived (ms since the epoch), to check a rate-limit wait was kept. */
  readonly at: number;
}

/** A loopback stand-in for a Discord or Slack webhook that records what it is sent. */
export interface WebhookSink {
  readonly url: string;
  readonly received: SinkRequest[];
  /** Answers for the next requests, in order; afterwards `fallback`. */
  answers: SinkAnswer[];
  fallback: SinkAnswer;
  close(): Promise<void>;
}

/** Starts a sink on 127.0.0.1 answering `fallback` (default 204) unless told otherwise. */
export async function startWebhookSink(
  webhookPath: string,
  fallback: SinkAnswer = { status: 204 },
): Promise<WebhookSink> {
  const sink: WebhookSink = {
    url: "",
    received: [],
    answers: [],
    fallback,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // Recorded as text.
      }
      sink.received.push({ url: req.url ?? "", headers: req.headers, body, at: Date.now() });
      const answer = sink.answers.shift() ?? sink.fallback;
      res
        .writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers })
        .end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}${webhookPath}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
