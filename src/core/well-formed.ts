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

/**
 * A copy of `value` in which every string is well-formed (each lone surrogate becomes U+FFFD), or
 * `value` itself when nothing needed changing. Walks arrays and plain objects; leaves other values be.
 */
export function wellFormed<T>(value: T): T {
  if (typeof value === "string") return (value.isWellFormed() ? value : value.toWellFormed()) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const fixed = wellFormed(item);
      if (fixed !== item) changed = true;
      return fixed;
    });
    return (changed ? out : value) as T;
  }
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const fixed = wellFormed(item);
      if (fixed !== item) changed = true;
      out[key] = fixed;
    }
    return (changed ? out : value) as T;
  }
  return value;
}
