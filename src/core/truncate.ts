/**
 * Cutting text to a platform's limit, one way for every platform: lengths in UTF-16 units (how
 * Discord counts, and never less than Slack's count), an ellipsis when cut, and never half of a
 * surrogate pair, so an emoji at the edge cannot make the payload invalid.
 */

/** Marks text that was cut short. */
export const ELLIPSIS = "…";

/** The first `end` units of `text`, one fewer if the cut would fall inside a surrogate pair. */
export function cutBefore(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/** Shortens text to at most `max` units, ending with "…" when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  return `${cutBefore(text, max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}
