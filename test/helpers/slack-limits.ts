import type { SlackBlock, SlackMessage } from "../../src/platforms/slack/render.js";

/**
 * Every Block Kit limit Slack documents for what the renderer emits, checked independently of the
 * renderer's own constants (a wrong constant there must not make the check pass).
 */
const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  actionId: 255,
  value: 2000,
  actionsElements: 25,
  imageUrl: 3000,
  imageText: 2000,
} as const;

/** Lists every way a message breaks Slack's rules; empty when Slack would accept it. */
export function slackViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(["in_channel", "ephemeral"].includes(message.response_type), "response_type");
  check(message.text.trim().length > 0, "fallback text is empty");
  check(message.blocks.length <= LIMITS.blocks, `${message.blocks.length} blocks`);
  check(message.blocks.length > 0, "no blocks");
  check(!/&[a-z]*…$/.test(message.text), "fallback ends in a broken entity");
  const actionIds = new Set<string>();
  message.blocks.forEach((block: SlackBlock, i) => {
    const at = `block ${i} (${block.type})`;
    switch (block.type) {
      case "header":
        check(block.text.type === "plain_text", `${at}: header must be plain_text`);
        check(block.text.text.length >= 1 && block.text.text.length <= LIMITS.header, `${at}: header length`);
        break;
      case "section":
        if ("text" in block) {
          check(block.text.text.length >= 1, `${at}: empty text`);
          check(block.text.text.length <= LIMITS.sectionText, `${at}: text ${block.text.text.length}`);
        } else {
          check(
            block.fields.length >= 1 && block.fields.length <= LIMITS.fields,
            `${at}: ${block.fields.length} fields`,
          );
          for (const field of block.fields)
            check(
              field.text.length >= 1 && field.text.length <= LIMITS.fieldText,
              `${at}: field ${field.text.length}`,
            );
        }
        break;
      case "context":
        check(
          block.elements.length >= 1 && block.elements.length <= LIMITS.contextElements,
          `${at}: elements`,
        );
        for (const element of block.elements)
          check(
            element.text.length >= 1 && element.text.length <= LIMITS.contextText,
            `${at}: element length`,
          );
        break;
      case "actions":
        check(
          block.elements.length >= 1 && block.elements.length <= LIMITS.actionsElements,
          `${at}: elements`,
        );
        for (const button of block.elements) {
          check(
            button.text.text.length >= 1 && button.text.text.length <= LIMITS.buttonText,
            `${at}: button text`,
          );
          check(button.action_id.length <= LIMITS.actionId, `${at}: action_id length`);
          check(!actionIds.has(button.action_id), `${at}: duplicate action_id ${button.action_id}`);
          actionIds.add(button.action_id);
          check(button.value.length <= LIMITS.value, `${at}: value ${button.value.length}`);
        }
        break;
      case "image":
        check(/^https?:\/\//.test(block.image_url), `${at}: image_url is not http(s)`);
        check(block.image_url.length <= LIMITS.imageUrl, `${at}: image_url length`);
        check(
          block.alt_text.length >= 1 && block.alt_text.length <= LIMITS.imageText,
          `${at}: alt_text length`,
        );
        check((block.title?.text.length ?? 0) <= LIMITS.imageText, `${at}: title length`);
        break;
    }
  });
  return problems;
}

/**
 * Mrkdwn texts with an unescaped `<`, `>` or `&`: the renderer makes no links or mentions, so any of
 * these came from data or user input and could ping a channel or break the message.
 */
export function unescaped(message: SlackMessage): string[] {
  return mrkdwnTexts(message).filter((text) => /[<>]|&(?!amp;|lt;|gt;)/.test(text));
}

/** Every mrkdwn text in a message, for checks on escaping. */
export function mrkdwnTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => {
    if (block.type === "section")
      return "text" in block ? [block.text.text] : block.fields.map((f) => f.text);
    if (block.type === "context") return block.elements.map((e) => e.text);
    return [];
  });
}
