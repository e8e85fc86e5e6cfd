/**
 * Discord's limits on what one interaction response may carry. Discord answers a payload that breaks
 * any of them with a 400 and the user sees "The application did not respond", so the renderer keeps
 * every one of them itself (builders check some in setters, none in `toJSON()`, never the total).
 */

/** Embed title. */
export const EMBED_TITLE_MAX = 256;
/** Embed description. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Fields per embed. */
export const EMBED_FIELDS_MAX = 25;
/** Field name. */
export const EMBED_FIELD_NAME_MAX = 256;
/** Field value. */
export const EMBED_FIELD_VALUE_MAX = 1024;
/** Embed footer text. */
export const EMBED_FOOTER_MAX = 2048;
/** Title, description, field names and values, footer and author of every embed in a message. */
export const EMBED_TOTAL_MAX = 6000;
/** Embeds per message. */
export const EMBEDS_PER_MESSAGE_MAX = 10;
/** Message content. */
export const CONTENT_MAX = 2000;
/** A component's custom_id. */
export const CUSTOM_ID_MAX = 100;
/** Button label. */
export const BUTTON_LABEL_MAX = 80;
/** Buttons in one action row. */
export const BUTTONS_PER_ROW_MAX = 5;
/** Action rows per message. */
export const ACTION_ROWS_MAX = 5;
/** Choices in one autocomplete answer. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
/** An autocomplete (or registered) choice's name, and a string choice's value. */
export const CHOICE_NAME_MAX = 100;
/** A registered command or option name. */
export const COMMAND_NAME_MAX = 32;
/** A registered command or option description. */
export const COMMAND_DESCRIPTION_MAX = 100;
/** Registered choices per option. */
export const OPTION_CHOICES_MAX = 25;
