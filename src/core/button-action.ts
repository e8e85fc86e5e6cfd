/**
 * What a button on an answer does, the same on every platform. A platform only encodes it into
 * whatever its buttons carry back on a click (Discord's custom_id, Slack's value): the action holds
 * everything needed to answer, so no session is kept and any replica can serve any click.
 */
export type ButtonAction =
  /** Show `page` (0-based) of the answer to `line`, in place of the message clicked. */
  | { readonly kind: "page"; readonly line: string; readonly page: number }
  /** Run `line`: a choice offered by a "which one?" answer or a suggestion. */
  | { readonly kind: "choice"; readonly line: string }
  /** Draw the chart of the answer to `line`. */
  | { readonly kind: "chart"; readonly line: string };

/**
 * What an interaction costs against the per-user limits: a new command, or a follow-up on an answer
 * the user already has (a page turn, a pick among the choices they were offered).
 */
export type InteractionCost = "command" | "follow-up";

/**
 * A page turn or a choice follows up an answer the user has, so it draws on the roomier budget; a
 * chart (drawing is the costly part) or a button we cannot read counts as a command.
 */
export function costOfButton(action: ButtonAction | undefined): InteractionCost {
  return action?.kind === "page" || action?.kind === "choice" ? "follow-up" : "command";
}
