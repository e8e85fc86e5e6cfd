import { expect } from "vitest";

/**
 * Discord's documented limits, written out here on purpose: the checker must not import the
 * renderer's own table (src/platforms/discord/limits.ts), or a wrong number there (an embed title
 * of 1000) would pass every test. Source: discord.com/developers/docs (Embed Limits, Message
 * Components, Interactions).
 */
export const DISCORD = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  commandName: 32,
  commandDescription: 100,
  optionChoices: 25,
} as const;

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}
interface Button {
  type: number;
  label?: string;
  custom_id?: string;
}
interface Message {
  /** Autocomplete suggestions (response type 8). */
  choices?: { name: string; value: string | number }[];
  content?: string;
  embeds?: Embed[];
  components?: { type: number; components: Button[] }[];
}

/** A lone surrogate half means the text was cut mid-character: Discord rejects it as invalid. */
function wellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Checks one message payload against every limit Discord enforces, independently of the renderer. */
export function expectWithinDiscordLimits(message: Message): void {
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DISCORD.embedsPerMessage);
  expect((message.content ?? "").length).toBeLessThanOrEqual(DISCORD.content);
  let total = 0;
  for (const embed of embeds) {
    const strings = [embed.title ?? "", embed.description ?? "", embed.footer?.text ?? ""];
    expect(strings[0]?.length).toBeLessThanOrEqual(DISCORD.embedTitle);
    expect(strings[1]?.length).toBeLessThanOrEqual(DISCORD.embedDescription);
    expect(strings[2]?.length).toBeLessThanOrEqual(DISCORD.embedFooter);
    const fields = embed.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(DISCORD.embedFields);
    for (const field of fields) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD.embedFieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD.embedFieldValue);
      strings.push(field.name, field.value);
    }
    if (embed.description !== undefined) expect(embed.description.length).toBeGreaterThan(0);
    for (const text of strings) expect(wellFormed(text)).toBe(true);
    total += strings.reduce((sum, s) => sum + s.length, 0) + (embed.author?.name.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD.embedTotal);
  const choices = message.choices ?? [];
  expect(choices.length).toBeLessThanOrEqual(DISCORD.autocompleteChoices);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(DISCORD.choiceName);
    expect(String(choice.value).length).toBeLessThanOrEqual(DISCORD.choiceName);
  }
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(DISCORD.actionRows);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(DISCORD.buttonsPerRow);
    for (const button of row.components) {
      expect(button.type).toBe(2);
      expect((button.label ?? "").length).toBeGreaterThan(0);
      expect((button.label ?? "").length).toBeLessThanOrEqual(DISCORD.buttonLabel);
      const id = button.custom_id ?? "";
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(DISCORD.customId);
      // Discord refuses a message whose components share a custom_id.
      expect(ids.has(id)).toBe(false);
      ids.add(id);
    }
  }
}
