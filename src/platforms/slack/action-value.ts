import { z } from "zod";
import type { ButtonAction } from "../../core/button-action.js";
import { SLACK_LIMITS } from "./limits.js";

/**
 * Slack's encoding of a ButtonAction. Slack hands a button's `value` back on click and keeps no
 * state for us, so the value holds everything needed to answer: the command line to run and, for
 * paging, which page (0-based) to show. Charts need no button on Slack (they show as an image).
 */
export type SlackButtonAction = Exclude<ButtonAction, { readonly kind: "chart" }>;

/** Every action_id we send starts with this, so the adapter listens to our buttons only. */
export const ACTION_ID_PREFIX = "photo_finish:";

/** action_ids, which Slack requires to be unique within a message. */
export const ACTION_IDS = {
  previous: `${ACTION_ID_PREFIX}page:previous`,
  next: `${ACTION_ID_PREFIX}page:next`,
  choice: (index: number) => `${ACTION_ID_PREFIX}choice:${index}`,
} as const;

/** Longest command line a button carries; the parser refuses longer lines anyway. */
const MAX_LINE = 500;
/** A page number far beyond any list (100 rows at most), to refuse nonsense early. */
const MAX_PAGE = 1000;

const valueSchema = z.union([
  z.strictObject({
    p: z.number().int().min(0).max(MAX_PAGE),
    c: z.string().min(1).max(MAX_LINE),
  }),
  z.strictObject({ c: z.string().min(1).max(MAX_LINE) }),
]);

/** Writes an action as a button value (compact JSON: short keys, since the value is capped). */
export function encodeButtonValue(action: SlackButtonAction): string {
  return JSON.stringify(action.kind === "page" ? { p: action.page, c: action.line } : { c: action.line });
}

/**
 * Reads a button value back. Returns undefined for anything we did not write (an old format, a
 * tampered or truncated value): the caller answers with a plain sentence instead of guessing.
 */
export function decodeButtonValue(value: string | undefined): SlackButtonAction | undefined {
  if (value === undefined || value.length > SLACK_LIMITS.buttonValue) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = valueSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  return "p" in data ? { kind: "page", line: data.c, page: data.p } : { kind: "choice", line: data.c };
}
