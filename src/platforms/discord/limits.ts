/**
 * Discord's limits on what one interaction response (and a command registration) may carry, in one
 * object. Discord answers a payload that breaks any of them with a 400 and the user sees "The
 * application did not respond", so the renderer keeps every one of them itself (builders check some
 * in setters, none in `toJSON()`, never the total). Tests check payloads against their own table.
 */
export const DISCORD_LIMITS = {
  /** Embed title. */
  embedTitle: 256,
  /** Embed description. */
  embedDescription: 4096,
  /** Fields per embed. */
  embedFields: 25,
  /** Field name. */
  embedFieldName: 256,
  /** Field value. */
  embedFieldValue: 1024,
  /** Embed footer text. */
  embedFooter: 2048,
  /** Title, description, field names and values, footer and author of every embed in a message. */
  embedTotal: 6000,
  /** Embeds per message. */
  embedsPerMessage: 10,
  /** Message content. */
  content: 2000,
  /** A component's custom_id. */
  customId: 100,
  /** Button label. */
  buttonLabel: 80,
  /** Buttons in one action row. */
  buttonsPerRow: 5,
  /** Action rows per message. */
  actionRows: 5,
  /** Choices in one autocomplete answer. */
  autocompleteChoices: 25,
  /** An autocomplete (or registered) choice's name, and a string choice's value. */
  choiceName: 100,
  /** A registered command or option name. */
  commandName: 32,
  /** A registered command or option description. */
  commandDescription: 100,
  /** Registered choices per option. */
  optionChoices: 25,
} as const;
