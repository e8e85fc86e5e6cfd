import { CUSTOM_ID_MAX } from "./limits.js";

/**
 * What a button does, carried whole in its custom_id so a click needs no server-side session: it
 * still works after a restart, on another replica, or a week later.
 *
 * - `pf:p:<page>:<command line>` shows page `<page>` (1-based) of the answer to the command line.
 * - `pf:r:<command line>` runs the command line (a disambiguation or suggestion choice).
 * - `pf:c:<command line>` draws the chart of the answer to the command line, as an attached PNG.
 */
export type ButtonAction =
  | { readonly kind: "page"; readonly page: number; readonly line: string }
  | { readonly kind: "run"; readonly line: string }
  | { readonly kind: "chart"; readonly line: string };

const PREFIX = "pf";
/** Pages are few (a list holds at most 100 rows); more digits than this is not ours. */
const PAGE_PATTERN = /^[1-9]\d{0,3}$/;

/** The custom_id for an action, or undefined when it would not fit Discord's 100 characters. */
export function encodeButton(action: ButtonAction): string | undefined {
  const id =
    action.kind === "page"
      ? `${PREFIX}:p:${action.page}:${action.line}`
      : `${PREFIX}:${action.kind === "chart" ? "c" : "r"}:${action.line}`;
  return id.length <= CUSTOM_ID_MAX && action.line.trim() !== "" ? id : undefined;
}

/**
 * Reads a custom_id back; undefined for anything this bot did not make (an older format, another
 * app's button, a forged id), which the caller answers with a plain "run the command again".
 */
export function decodeButton(customId: string): ButtonAction | undefined {
  if (customId.length > CUSTOM_ID_MAX) return undefined;
  const [prefix, kind, ...rest] = customId.split(":");
  if (prefix !== PREFIX) return undefined;
  if (kind === "r" || kind === "c") {
    const line = rest.join(":");
    return line.trim() === "" ? undefined : { kind: kind === "r" ? "run" : "chart", line };
  }
  if (kind === "p") {
    const [page, ...parts] = rest;
    const line = parts.join(":");
    if (page === undefined || !PAGE_PATTERN.test(page) || line.trim() === "") return undefined;
    return { kind: "page", page: Number(page), line };
  }
  return undefined;
}
