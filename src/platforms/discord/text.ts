/**
 * Small text helpers for Discord: cutting to a limit without splitting a surrogate pair, and keeping
 * names from being read as markdown.
 */

const ELLIPSIS = "…";

/**
 * Cuts text to at most `max` UTF-16 units (Discord counts them that way), ending with "…" when cut.
 * Never leaves half of a surrogate pair, so an emoji at the edge cannot make the JSON invalid.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let cut = text.slice(0, max - ELLIPSIS.length);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Escapes the characters Discord markdown reads in names (a driver called `*_Test_*` stays literal). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|[\]])/g, "\\$1");
}

/** Discord rejects empty field names and values: a zero-width space stands in. */
export function nonEmpty(text: string): string {
  return text.trim() === "" ? "\u200b" : text;
}
