/**
 * Small text helpers for Discord: cutting to a limit (shared with every platform), and keeping names
 * from being read as markdown.
 */

/** Cuts to a limit (Discord counts UTF-16 units), surrogate-safe: the one truncation in src/core. */
export { truncate } from "../../core/truncate.js";

/** Escapes the characters Discord markdown reads in names (a driver called `*_Test_*` stays literal). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|[\]])/g, "\\$1");
}

/** Discord rejects empty field names and values: a zero-width space stands in. */
export function nonEmpty(text: string): string {
  return text.trim() === "" ? "\u200b" : text;
}
