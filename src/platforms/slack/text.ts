/**
 * Text helpers for Slack: escaping for mrkdwn and truncation that never breaks an escape sequence or
 * a surrogate pair. Lengths are UTF-16 units, which is never less than what Slack counts, so a text
 * that fits here fits there.
 */

import { cutBefore, ELLIPSIS, truncate } from "../../core/truncate.js";

export { ELLIPSIS };

/**
 * Escapes the three characters Slack's mrkdwn gives meaning to (`<@U123>`, `<!channel>`, links), so
 * a name or a user's own words can never mention anyone or become a link.
 */
export function escapeMrkdwn(text: string): string {
  // Most text has none of the three: one scan instead of three replaces and their copies.
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Shortens plain text to at most `max` characters, ending with an ellipsis when it was cut. */
export const truncatePlain = truncate;

/**
 * Shortens already-escaped mrkdwn to at most `max` characters. A cut through `&amp;` would leave a
 * stray `&am` that Slack shows literally, so a partial entity at the end is dropped whole.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cutBefore(text, Math.max(0, max - ELLIPSIS.length)).replace(/&[a-z]*$/, "");
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Packs items (each one or more lines) into as few chunks of at most `max` characters as it can (an
 * item longer than a chunk is truncated), at most `maxChunks` of them. When items are left over, the
 * last chunk ends with a line saying how many, so nothing disappears silently.
 */
export function packLines(items: readonly string[], max: number, maxChunks: number): string[] {
  if (maxChunks <= 0 || items.length === 0) return [];
  const chunks: string[][] = [];
  let current: string[] = [];
  const size = (parts: readonly string[]) => parts.join("\n").length;
  // The joined length of `current`, kept as items are added rather than joined again for each one.
  let length = 0;
  let index = 0;
  for (; index < items.length; index++) {
    const item = truncateMrkdwn(items[index] as string, max);
    const grown = current.length === 0 ? item.length : length + 1 + item.length;
    if (grown <= max) {
      current.push(item);
      length = grown;
      continue;
    }
    if (chunks.length + 1 >= maxChunks) break;
    chunks.push(current);
    current = [item];
    length = item.length;
  }
  if (index < items.length) {
    // Make room for the marker by dropping whole items from the end of the last chunk.
    const marker = (left: number) => `_${ELLIPSIS} ${left} more not shown_`;
    let left = items.length - index;
    while (current.length > 0 && size([...current, marker(left + 1)]) > max) {
      current.pop();
      left++;
    }
    current.push(marker(left));
  }
  if (current.length > 0) chunks.push(current);
  return chunks.map((parts) => parts.join("\n"));
}
