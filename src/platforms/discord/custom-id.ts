import type { ButtonAction } from "../../core/button-action.js";
import { DISCORD_LIMITS } from "./limits.js";

/**
 * Discord's encoding of a ButtonAction: carried whole in the button's custom_id, so a click needs no
 * server-side session: it still works after a restart, on another replica, or a week later.
 *
 * - `pf:p:<page>:<command line>` shows page `<page>` (1-based on the wire, as buttons have always
 *   carried it) of the answer to the command line.
 * - `pf:r:<command line>` runs the command line (a disambiguation or suggestion choice).
 * - `pf:c:<command line>` draws the chart of the answer to the command line, as an attached PNG.
 */

const PREFIX = "pf";
/** Pages are few (a list holds at most 100 rows); more digits than this is not ours. */
const PAGE_PATTERN = /^[1-9]\d{0,3}$/;

/** The custom_id for an action, or undefined when it would not fit Discord's 100 characters. */
export function encodeButton(action: ButtonAction): string | undefined {
  const id =
    action.kind === "page"
      ? `${PREFIX}:p:${action.page + 1}:${action.line}`
      : `${PREFIX}:${action.kind === "chart" ? "c" : "r"}:${action.line}`;
  return id.length <= DISCORD_LIMITS.customId && action.line.trim() !== "" ? id : undefined;
}

/**
 * Reads a custom_id back; undefined for anything this bot did not make (an older format, another
 * app's button, a forged id), which the pipeline answers with a plain "run the command again".
 */
export function decodeButton(customId: string): ButtonAction | undefined {
  if (customId.length > DISCORD_LIMITS.customId) return undefined;
  const [prefix, kind, ...rest] = customId.split(":");
  if (prefix !== PREFIX) return undefined;
  if (kind === "r" || kind === "c") {
    const line = rest.join(":");
    return line.trim() === "" ? undefined : { kind: kind === "r" ? "choice" : "chart", line };
  }
  if (kind === "p") {
    const [page, ...parts] = rest;
    const line = parts.join(":");
    if (page === undefined || !PAGE_PATTERN.test(page) || line.trim() === "") return undefined;
    return { kind: "page", page: Number(page) - 1, line };
  }
  return undefined;
}
