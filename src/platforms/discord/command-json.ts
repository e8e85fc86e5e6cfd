import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import type { Command } from "../../core/command.js";
import type { OptionSpec } from "../../core/options.js";
import { DISCORD_LIMITS } from "./limits.js";
import { truncate } from "./text.js";

/** Longest free text a name option takes (the parser rejects longer as "too long to be a name"). */
export const NAME_OPTION_MAX_LENGTH = 100;

/** An era as registration offers it: the id the parser accepts, and a readable name. */
export interface EraChoice {
  readonly id: string;
  readonly name: string;
}

/** The eras registration offers when no dataset is at hand; the dataset's own list is preferred. */
export const DEFAULT_ERAS: readonly EraChoice[] = [
  { id: "nextgen", name: "Next Gen era" },
  { id: "all", name: "All (since 1993)" },
];

function choice(name: string, value: string): APIApplicationCommandOptionChoice<string> {
  return {
    name: truncate(name, DISCORD_LIMITS.choiceName),
    value: value.slice(0, DISCORD_LIMITS.choiceName),
  };
}

/** One declared option as Discord registers it: typed, bounded, with choices or autocomplete. */
export function optionJson(
  name: string,
  spec: OptionSpec,
  eras: readonly EraChoice[],
): APIApplicationCommandBasicOption {
  const base = {
    name: name.toLowerCase().slice(0, DISCORD_LIMITS.commandName),
    description: truncate(spec.description, DISCORD_LIMITS.commandDescription),
    required: spec.required === true,
  };
  const bounds = {
    ...(spec.min === undefined ? {} : { min_value: spec.min }),
    ...(spec.max === undefined ? {} : { max_value: spec.max }),
  };
  switch (spec.kind) {
    case "integer":
    case "season":
      return { ...base, type: ApplicationCommandOptionType.Integer, ...bounds };
    case "seconds":
      return { ...base, type: ApplicationCommandOptionType.Number, ...bounds };
    case "era":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: eras.slice(0, DISCORD_LIMITS.optionChoices).map((era) => choice(era.name, era.id)),
      };
    case "choice":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: (spec.choices ?? [])
          .slice(0, DISCORD_LIMITS.optionChoices)
          .map((c) => choice(c.name, c.value)),
      };
    // Names and the help topic are typed freely with suggestions as the user types: a fixed list
    // would cap drivers at 25, and autocomplete still lets a fan type a name we can fuzzy-match.
    case "driver":
    case "track":
    case "text":
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        autocomplete: true,
        max_length: NAME_OPTION_MAX_LENGTH,
      };
  }
}

/**
 * Every command of the registry as Discord's bulk-overwrite body. Required options come first, as
 * Discord demands; otherwise the registry's order is kept, so Discord's form reads like the usage line.
 */
export function buildCommandJson(
  commands: readonly Command[],
  eras: readonly EraChoice[] = DEFAULT_ERAS,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const entries = Object.entries(command.options);
    const ordered = [
      ...entries.filter(([, spec]) => spec.required),
      ...entries.filter(([, spec]) => !spec.required),
    ];
    return {
      type: ApplicationCommandType.ChatInput,
      name: command.name.toLowerCase().slice(0, DISCORD_LIMITS.commandName),
      description: truncate(command.description, DISCORD_LIMITS.commandDescription),
      options: ordered.map(([name, spec]) => optionJson(name, spec, eras)),
    };
  });
}
