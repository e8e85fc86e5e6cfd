/**
 * Slack's documented Block Kit limits, in one object. Going over any of them makes Slack reject the
 * whole message, so every text the renderer emits is cut to fit before it is sent. Tests check
 * messages against their own table (test/helpers/slack-limits.ts).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters in a section's text. */
  sectionText: 3000,
  /** Fields in one section. */
  sectionFields: 10,
  /** Characters in one field. */
  fieldText: 2000,
  /** Characters in a header's plain text. */
  headerText: 150,
  /** Elements in a context block. */
  contextElements: 10,
  /** Characters in a context element's text (Slack's limit on any text object). */
  contextText: 3000,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in an action_id. */
  actionId: 255,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Characters in an image block's URL. */
  imageUrl: 3000,
  /** Characters in an image block's alt text and in its title. */
  imageText: 2000,
} as const;
