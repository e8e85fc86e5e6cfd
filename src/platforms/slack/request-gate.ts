import { createHmac, timingSafeEqual } from "node:crypto";
import { ACTION_ID_PREFIX } from "./action-value.js";

/**
 * Screens a request to the Slack events endpoint before Bolt sees it. Bolt answers some correctly
 * signed requests badly: `payload=null` hangs, a `view_submission` or a click without a user is a
 * 500 (it reads `body.user.id` blindly), and anything no listener takes is a 404 only after its
 * 3-second timer. It also accepts timestamps from the future. So every request is checked here
 * first: signature and a timestamp within five minutes either way, then its shape. Only requests a
 * listener of ours answers, in a shape Bolt can read, go on to Bolt; everything else gets its answer
 * here, at once.
 */

/** How far a request's timestamp may be from our clock, either way (Slack's own rule is 5 minutes). */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** Headers the screen reads. */
export interface SlackRequestHeaders {
  readonly signature: string | string[] | undefined;
  readonly timestamp: string | string[] | undefined;
  readonly contentType: string | string[] | undefined;
}

/**
 * What to do with a request: hand it to Bolt (with the content type Bolt expects), or answer here.
 * `reason` is for the log; `body` undefined means an empty body.
 */
export type GateDecision =
  | { readonly pass: true; readonly contentType: string }
  | { readonly pass: false; readonly status: number; readonly body?: unknown; readonly reason: string };

const refuse = (status: number, reason: string, body?: unknown): GateDecision => ({
  pass: false,
  status,
  reason,
  ...(body === undefined ? {} : { body }),
});

/** An empty 200: Slack's acknowledgement for things we have nothing to say to (a modal, a shortcut). */
const acknowledge = (reason: string): GateDecision => ({ pass: false, status: 200, reason });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks Slack's v0 signature and that the timestamp is a plain number of seconds near now. */
function signatureProblem(
  secret: string,
  headers: SlackRequestHeaders,
  rawBody: Buffer,
  nowSeconds: number,
): string | undefined {
  const { signature, timestamp } = headers;
  if (typeof signature !== "string" || typeof timestamp !== "string") return "missing signature headers";
  if (!/^\d{1,12}$/.test(timestamp)) return "malformed timestamp";
  if (Math.abs(nowSeconds - Number(timestamp)) > SLACK_TIMESTAMP_WINDOW_SECONDS)
    return "timestamp outside five minutes";
  const match = /^v0=([0-9a-f]{64})$/.exec(signature);
  if (!match) return "malformed signature";
  const expected = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1] as string, "hex")) ? undefined : "signature mismatch";
}

/** True when a block_actions payload clicks one of our buttons. */
function clicksOurButton(payload: Record<string, unknown>): boolean {
  return (
    Array.isArray(payload.actions) &&
    payload.actions.some(
      (action) =>
        isObject(action) &&
        typeof action.action_id === "string" &&
        action.action_id.startsWith(ACTION_ID_PREFIX),
    )
  );
}

/** Decides on an interactive payload (the `payload` field of a form). */
function screenPayload(text: string): GateDecision {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return refuse(400, "payload is not JSON", { error: "payload is not JSON" });
  }
  if (!isObject(payload))
    return refuse(400, "payload is not an object", { error: "payload is not an object" });
  if (payload.type !== "block_actions")
    return acknowledge(`no listener for ${String(payload.type)} payloads`);
  if (!clicksOurButton(payload)) return acknowledge("a click on a button that is not ours");
  // Bolt reads body.user.id and body.user.team_id without looking: a click with no user cannot
  // reach a listener. Slack never sends one; there is nobody to answer, so acknowledge it.
  if (!isObject(payload.user) || typeof payload.user.id !== "string")
    return acknowledge("a click without a user");
  return { pass: true, contentType: FORM };
}

/** Screens one request to the Slack events endpoint; see the file comment. */
export function screenSlackRequest(
  secret: string,
  headers: SlackRequestHeaders,
  rawBody: Buffer,
  nowSeconds: number = Date.now() / 1000,
): GateDecision {
  const contentType =
    typeof headers.contentType === "string"
      ? (headers.contentType.split(";")[0] ?? "").trim().toLowerCase()
      : "";
  const text = rawBody.toString("utf8");
  const form = contentType === FORM ? new URLSearchParams(text) : undefined;
  // Slack's SSL check is unsigned by design; Bolt answers it and drops anything smuggled with it.
  if (form?.get("ssl_check") === "1") return { pass: true, contentType: FORM };
  const problem = signatureProblem(secret, headers, rawBody, nowSeconds);
  if (problem) return refuse(401, problem, { error: "invalid request signature" });
  if (form) {
    const payload = form.get("payload");
    if (payload !== null) return screenPayload(payload);
    // Every slash command goes to our listener, even one with an odd name: it answers with help.
    if (form.get("command") !== null) return { pass: true, contentType: FORM };
    return refuse(400, "a form that is neither a command nor an interaction", {
      error: "not a slash command or an interaction",
    });
  }
  if (contentType === JSON_TYPE) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(400, "body is not JSON", { error: "body is not JSON" });
    }
    if (!isObject(body) || typeof body.type !== "string")
      return refuse(400, "JSON without a type", { error: "not a Slack request" });
    // Bolt answers Slack's URL check; we subscribe to no events, so any other callback is just acknowledged.
    if (body.type === "url_verification") return { pass: true, contentType: JSON_TYPE };
    return acknowledge(`no listener for ${body.type}`);
  }
  return refuse(415, "unsupported content type", { error: "unsupported content type" });
}
