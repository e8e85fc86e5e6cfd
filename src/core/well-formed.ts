/**
 * Text that leaves for a chat platform must be well-formed UTF-16: Discord and Slack refuse a body
 * with a lone surrogate, so one stray half of an emoji (from a forged button id, a cut name) would
 * lose the whole answer. Every platform renderer passes the answer through here first, so no lone
 * surrogate can reach an embed, a Block Kit message or a button.
 */

// Node 20 has both (V8 11.3); TypeScript's lib declares them only from ES2024.
declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * True when every string in `value` is already well-formed. This runs on every payload, and nearly
 * every payload is clean, so it walks without allocating anything: the copying pass below runs only
 * for the rare payload that needs it.
 */
function isAllWellFormed(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isAllWellFormed(value[i])) return false;
    return true;
  }
  if (isPlainObject(value)) {
    for (const key in value) if (Object.hasOwn(value, key) && !isAllWellFormed(value[key])) return false;
  }
  return true;
}

function fix(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(fix);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fix(item);
    return out;
  }
  return value;
}

/**
 * A copy of `value` in which every string is well-formed (each lone surrogate becomes U+FFFD), or
 * `value` itself when nothing needed changing. Walks arrays and plain objects; leaves other values be.
 */
export function wellFormed<T>(value: T): T {
  return isAllWellFormed(value) ? value : (fix(value) as T);
}
