import type { Dataset } from "../data/dataset.js";
import type { Answer } from "./answer.js";
import type { OptionMap, OptionSpec, OptionValues } from "./options.js";

/**
 * The name of the platform an interaction came from ("discord", "slack", "terminal", …): for logs
 * only. Nothing in the core branches on it, so a new platform needs no change here.
 */
export type Platform = string;

/** What a command may use while it runs: the data and the command list. Nothing platform-specific. */
export interface CommandContext {
  readonly data: Dataset;
  readonly commands: readonly Command[];
  readonly platform: Platform;
  /** ISO time the running bot last refreshed its data from NASCAR's feed (DATA_REFRESH), if it does. */
  readonly refreshedAt?: string;
}

/** A command as its file declares it, with option types inferred for `run`. */
export interface CommandDefinition<O extends OptionMap> {
  /** Lower-case name without the slash, ≤ 32 chars (Discord's limit). */
  readonly name: string;
  /** One line, ≤ 100 chars (Discord's limit). */
  readonly description: string;
  /** Other names fans type for it ("vs" for /versus): the terminal and /help accept them. */
  readonly aliases?: readonly string[];
  readonly options: O;
  /** Example command lines, shown by /help and tested to parse. */
  readonly examples: readonly string[];
  /** Answers the command; `self` is the declared command, for building follow-up command lines. */
  run(options: OptionValues<O>, context: CommandContext, self: Command): Answer;
}

/** A command with its option types erased, as the registry, parser and adapters handle it. */
export interface Command {
  readonly name: string;
  readonly description: string;
  readonly aliases: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /** "/margin <seconds> [era]" */
  readonly usage: string;
  run(options: Readonly<Record<string, unknown>>, context: CommandContext): Answer;
}

/**
 * The command's option of that name, if it declares one. Only its own options count: a name like
 * `constructor`, `toString` or `__proto__` must never find something on Object.prototype.
 */
export function findOption(command: Pick<Command, "options">, name: string): OptionSpec | undefined {
  return Object.hasOwn(command.options, name) ? command.options[name] : undefined;
}

/** Raw option values by name, in an object with no prototype: any name a user types is just a key. */
export function emptyRawValues<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Declares a command once; the returned value is what the registry lists. */
export function defineCommand<O extends OptionMap>(definition: CommandDefinition<O>): Command {
  const command: Command = {
    name: definition.name,
    description: definition.description,
    aliases: definition.aliases ?? [],
    options: definition.options,
    examples: definition.examples,
    usage: formatUsage(definition.name, definition.options),
    run: (options, context) => definition.run(options as OptionValues<O>, context, command),
  };
  return command;
}

/** Builds a usage line from the declared options: required in <>, optional in []. */
export function formatUsage(name: string, options: OptionMap): string {
  const parts = Object.entries(options).map(([key, spec]) => {
    const label = spec.placeholder ?? key;
    return spec.required ? `<${label}>` : `[${label}]`;
  });
  return [`/${name}`, ...parts].join(" ");
}
