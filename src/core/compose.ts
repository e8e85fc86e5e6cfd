import type { Dataset } from "../data/dataset.js";
import type { Answer, Tone } from "./answer.js";
import { footerOf } from "./present.js";

/** What a command decides; the rest of an Answer is filled the same way for every command. */
export type AnswerParts = Omit<Answer, "footer" | "tone" | "ephemeral"> & {
  /** Only when the command knows better than its rows (errors, choices, a record without a list). */
  readonly tone?: Tone;
  /** Private answers (help, about); everything else is posted for the channel. */
  readonly ephemeral?: boolean;
};

/**
 * Builds a command's answer: the footer (source and as-of date), the tone (decided once, from the
 * rows: a list that holds the closest finish in the data is a record answer) and who sees it.
 */
export function composeAnswer(data: Dataset, parts: AnswerParts): Answer {
  const rows = parts.list?.kind === "finishes" ? parts.list.rows : [];
  return {
    ...parts,
    footer: footerOf(data),
    tone: parts.tone ?? (rows.some((r) => r.record) ? "record" : "info"),
    ephemeral: parts.ephemeral ?? false,
  };
}
