import type { Choice } from "./answer.js";

/**
 * A problem with what the user typed: shown to them as a plain sentence (privately on chat
 * platforms), never logged as a failure. Anything else thrown is a bug.
 */
export class UserError extends Error {
  readonly title: string;
  readonly usage: string | undefined;
  readonly choices: readonly Choice[];

  constructor(
    message: string,
    options: { title?: string; usage?: string; choices?: readonly Choice[] } = {},
  ) {
    super(message);
    this.name = "UserError";
    this.title = options.title ?? "Not quite";
    this.usage = options.usage;
    this.choices = options.choices ?? [];
  }
}
