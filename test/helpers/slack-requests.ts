import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Builds requests the way Slack sends them, signed with a secret the test chose, and a loopback
 * server that stands in for Slack where Slack would be called (response_url, the Web API).
 */

/** Slack's request signature: v0= + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Seconds since the epoch, as Slack's timestamp header carries them. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

let sequence = 0;

/**
 * A fresh user for each request unless one is named, so the per-user cooldown only bites where a
 * test means it to. Every generated id starts with U0TESTUSER: a log that leaks one is caught by
 * looking for that prefix.
 */
function nextUser(): string {
  sequence++;
  return `U0TESTUSER${sequence.toString(36).toUpperCase()}`;
}

/** A slash command's form body, with the fields Slack sends. */
export function slashCommandBody(
  command: string,
  text: string,
  responseUrl: string,
  userId = nextUser(),
): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0TEST",
    team_domain: "test",
    channel_id: "C0TEST",
    channel_name: "general",
    user_id: userId,
    user_name: "tester",
    command,
    text,
    api_app_id: "A0TEST",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `${sequence}.2.3`,
  }).toString();
}

/** A block_actions payload for a click on one button, form-encoded as Slack sends it. */
export function buttonClickBody(
  button: { action_id: string; value: string },
  responseUrl: string,
  ephemeral = false,
  userId = nextUser(),
): string {
  const payload = {
    type: "block_actions",
    user: { id: userId, username: "tester", team_id: "T0TEST" },
    api_app_id: "A0TEST",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1.1", channel_id: "C0TEST", is_ephemeral: ephemeral },
    trigger_id: "1.2.3",
    team: { id: "T0TEST", domain: "test" },
    channel: { id: "C0TEST", name: "general" },
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        block_id: "b1",
        action_id: button.action_id,
        text: { type: "plain_text", text: "Next" },
        value: button.value,
        action_ts: "1.2",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** What a POST to the Slack events endpoint got back. */
export interface SlackReply {
  readonly status: number;
  readonly body: string;
  readonly json: unknown;
  readonly ms: number;
}

/** POSTs a form body to the events URL with the given headers; signs it unless told otherwise. */
export async function postToSlackEndpoint(
  url: string,
  body: string,
  sign: { secret: string; timestamp?: number } | { headers: Record<string, string> },
): Promise<SlackReply> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if ("secret" in sign) {
    const timestamp = sign.timestamp ?? nowSeconds();
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = slackSignature(sign.secret, timestamp, body);
  } else Object.assign(headers, sign.headers);
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, body: text, json, ms: performance.now() - started };
}

/** A request the sink received. */
export interface SinkRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly json: unknown;
}

/** A loopback HTTP server that records every request and answers 200 (or a chosen status). */
export interface Sink {
  readonly url: string;
  readonly requests: SinkRequest[];
  /** Status for the next requests (e.g. 404 to play an expired response_url). */
  status: number;
  /** Body for the next requests; default `{"ok": true}` (or false for an error status). */
  body: ((path: string) => unknown) | undefined;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkRequest[]>;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const requests: SinkRequest[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    requests.push({ method: req.method ?? "", path: req.url ?? "", body, json });
    res.writeHead(sink.status, { "content-type": "application/json" });
    res.end(JSON.stringify(sink.body?.(req.url ?? "") ?? { ok: sink.status < 400 }));
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sink: Sink = {
    url: `http://127.0.0.1:${port}`,
    requests,
    status: 200,
    body: undefined,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`sink got ${requests.length} of ${count} requests within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests.slice(0, count);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return sink;
}
