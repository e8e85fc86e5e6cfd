import { expect } from "vitest";
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  CONTENT_MAX,
  CUSTOM_ID_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  EMBEDS_PER_MESSAGE_MAX,
} from "../../src/platforms/discord/limits.js";

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
  expect(embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE_MAX);
  expect((message.content ?? "").length).toBeLessThanOrEqual(CONTENT_MAX);
  let total = 0;
  for (const embed of embeds) {
    const strings = [embed.title ?? "", embed.description ?? "", embed.footer?.text ?? ""];
    expect(strings[0]?.length).toBeLessThanOrEqual(EMBED_TITLE_MAX);
    expect(strings[1]?.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(strings[2]?.length).toBeLessThanOrEqual(EMBED_FOOTER_MAX);
    const fields = embed.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
    for (const field of fields) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(EMBED_FIELD_NAME_MAX);
      expect(field.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
      strings.push(field.name, field.value);
    }
    if (embed.description !== undefined) expect(embed.description.length).toBeGreaterThan(0);
    for (const text of strings) expect(wellFormed(text)).toBe(true);
    total += strings.reduce((sum, s) => sum + s.length, 0) + (embed.author?.name.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(ACTION_ROWS_MAX);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(BUTTONS_PER_ROW_MAX);
    for (const button of row.components) {
      expect(button.type).toBe(2);
      expect((button.label ?? "").length).toBeGreaterThan(0);
      expect((button.label ?? "").length).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
      const id = button.custom_id ?? "";
      expect(id.length).toBeGreaterThan(0);
      expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      // Discord refuses a message whose components share a custom_id.
      expect(ids.has(id)).toBe(false);
      ids.add(id);
    }
  }
}
