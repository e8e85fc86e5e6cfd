import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { publicKeyProblem } from "./public-key.js";

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/**
 * How far a request's timestamp may be from our clock. Discord signs each request when it sends it;
 * a captured request replayed later than this is refused even though its signature is valid.
 */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

/** Why a request was refused (for the log; the caller only ever answers 401). */
export type VerifyFailure = "missing" | "malformed" | "stale" | "mismatch";

/** Turns the application's public key (64 hex characters, General Information page) into a key object. */
export function publicKeyFromHex(hex: string): KeyObject {
  const problem = publicKeyProblem(hex);
  if (problem) throw new Error(`the Discord public key ${problem}`);
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

/**
 * How long a signature check waits for libuv's thread pool before it is done on the event loop
 * instead. The pool is shared with DNS lookups and file reads: should they stall it, interactions
 * are still answered well inside Discord's 3 s, and a backlog the pool cannot keep up with is
 * worked off here too rather than queued without end.
 */
const POOL_WAIT_MS = 50;

/** A check handed to the pool and not yet answered. */
interface PendingCheck {
  readonly signed: Buffer;
  readonly key: KeyObject;
  readonly signature: Buffer;
  readonly startedAt: number;
  readonly resolve: (ok: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Checks waiting for the pool, oldest first (a Set keeps insertion order). One watchdog timer looks
 * at them while any wait, rather than a timer per check: under load that was a timer set and
 * cleared for every interaction.
 */
const waiting = new Set<PendingCheck>();
let watchdog: NodeJS.Timeout | undefined;

/** Does on the event loop every check that has waited POOL_WAIT_MS or more (so at most 1.5 times that). */
function rescueStalledChecks(): void {
  const now = performance.now();
  for (const check of waiting) {
    if (now - check.startedAt < POOL_WAIT_MS) break;
    forget(check);
    try {
      check.resolve(verify(null, check.signed, check.key, check.signature));
    } catch (error) {
      check.reject(error);
    }
  }
}

/** Takes a check off the waiting list (false if it was not on it), and stops the watchdog once none wait. */
function forget(check: PendingCheck): boolean {
  const waited = waiting.delete(check);
  if (waiting.size === 0 && watchdog) {
    clearInterval(watchdog);
    watchdog = undefined;
  }
  return waited;
}

/** crypto.verify on the thread pool, or on the event loop once the pool has kept it POOL_WAIT_MS. */
function verifyOffThread(signed: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const check: PendingCheck = { signed, key, signature, startedAt: performance.now(), resolve, reject };
    waiting.add(check);
    // Unref'd: a check still in the pool never holds the process open by itself.
    watchdog ??= setInterval(rescueStalledChecks, POOL_WAIT_MS / 2).unref();
    try {
      verify(null, signed, key, signature, (error, ok) => {
        // Already answered on the event loop: the pool's late verdict is the same, and is dropped.
        if (!forget(check)) return;
        if (error) reject(error);
        else resolve(ok);
      });
    } catch (error) {
      // Refused before reaching the pool: nothing for the watchdog to rescue.
      forget(check);
      reject(error);
    }
  });
}

/**
 * Checks Discord's Ed25519 signature over `timestamp + rawBody`, and that the timestamp is recent.
 * Resolves to undefined when the request is genuine, or to why it is not.
 *
 * The signature check is the costliest step of an interaction (about 0.1 ms of CPU, more than
 * answering it); it runs on libuv's thread pool so the event loop keeps answering meanwhile
 * (see POOL_WAIT_MS for when it does not).
 */
export async function verifyDiscordRequest(
  key: KeyObject,
  headers: { signature: string | string[] | undefined; timestamp: string | string[] | undefined },
  rawBody: Buffer,
  nowSeconds: number = Date.now() / 1000,
): Promise<VerifyFailure | undefined> {
  const { signature, timestamp } = headers;
  if (typeof signature !== "string" || typeof timestamp !== "string" || signature === "" || timestamp === "")
    return "missing";
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return "malformed";
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) return "stale";
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]);
  return (await verifyOffThread(signed, key, Buffer.from(signature, "hex"))) ? undefined : "mismatch";
}
