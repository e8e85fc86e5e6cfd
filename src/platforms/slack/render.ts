import type { Answer, Choice, Figure, FinishRow, StandingRow } from "../../core/answer.js";
import { rememberRenders } from "../../core/answer-cache.js";
import { formatDate } from "../../core/format.js";
import { type Page, pageOf } from "../../core/paging.js";
import { wellFormed } from "../../core/well-formed.js";
import { ACTION_IDS, encodeButtonValue } from "./action-value.js";
import { SLACK_LIMITS } from "./limits.js";
import { escapeMrkdwn, packLines, truncateMrkdwn, truncatePlain } from "./text.js";

// Our own choices, inside Slack's limits, for a message that reads well in a channel.
/** The plain-text fallback (notifications, screen readers): title and summary, kept short. */
export const SLACK_FALLBACK_TEXT_MAX = 3000;
/** A race's note is context, not the answer: one or two lines at most. */
const ROW_NOTE_MAX = 300;
/** Sections of figures: 30 figures is already more than anyone reads. */
const MAX_FIGURE_SECTIONS = 3;

/** A plain-text object. */
export interface SlackPlainText {
  readonly type: "plain_text";
  readonly text: string;
  readonly emoji?: boolean;
}

/** A mrkdwn text object; its text is escaped by the renderer. */
export interface SlackMrkdwn {
  readonly type: "mrkdwn";
  readonly text: string;
}

/** A button whose value the adapter decodes on click (see action-value.ts). */
export interface SlackButton {
  readonly type: "button";
  readonly text: SlackPlainText;
  readonly action_id: string;
  readonly value: string;
  readonly style?: "primary";
}

/** The blocks this renderer produces; a subset of Block Kit. */
export type SlackBlock =
  | { readonly type: "header"; readonly text: SlackPlainText }
  | { readonly type: "section"; readonly text: SlackMrkdwn }
  | { readonly type: "section"; readonly fields: readonly SlackMrkdwn[] }
  | { readonly type: "context"; readonly elements: readonly SlackMrkdwn[] }
  | { readonly type: "actions"; readonly elements: readonly SlackButton[] }
  | {
      readonly type: "image";
      readonly image_url: string;
      readonly alt_text: string;
      readonly title?: SlackPlainText;
    };

/**
 * What the adapter decided about an answer's chart: an image Slack can fetch. Absent when the answer
 * has no chart or charts are off (an operator matter, logged at start-up; fans never read about it).
 */
export type SlackChartView = { readonly kind: "image"; readonly imageUrl: string; readonly altText: string };

/** The exact payload for an ack, a respond() or chat.postMessage: blocks plus the plain fallback. */
export interface SlackMessage {
  readonly response_type: "in_channel" | "ephemeral";
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

const mrkdwn = (text: string): SlackMrkdwn => ({ type: "mrkdwn", text });
const section = (text: string): SlackBlock => ({
  type: "section",
  text: mrkdwn(truncateMrkdwn(text, SLACK_LIMITS.sectionText)),
});

const HEADER_ICONS: Partial<Record<Answer["tone"], string>> = {
  record: ":checkered_flag: ",
  error: ":warning: ",
};

function header(answer: Answer): SlackBlock {
  const title = answer.title.trim() || "Photo Finish";
  return {
    type: "header",
    text: {
      type: "plain_text",
      text: truncatePlain(`${HEADER_ICONS[answer.tone] ?? ""}${title}`, SLACK_LIMITS.headerText),
      emoji: true,
    },
  };
}

function figureSections(figures: readonly Figure[], maxSections: number): SlackBlock[] {
  const fields = figures.map((f) =>
    mrkdwn(
      truncateMrkdwn(
        `*${escapeMrkdwn(f.label.trim() || "—")}*\n${escapeMrkdwn(f.value.trim() || "—")}`,
        SLACK_LIMITS.fieldText,
      ),
    ),
  );
  const sections: SlackBlock[] = [];
  const limit = Math.max(0, maxSections) * SLACK_LIMITS.sectionFields;
  const shown = fields.length > limit ? fields.slice(0, Math.max(0, limit - 1)) : fields;
  for (let i = 0; i < shown.length; i += SLACK_LIMITS.sectionFields)
    sections.push({ type: "section", fields: shown.slice(i, i + SLACK_LIMITS.sectionFields) });
  if (fields.length > shown.length && maxSections > 0) {
    const more = mrkdwn(`_… ${fields.length - shown.length} more not shown_`);
    const last = sections.at(-1);
    if (last && "fields" in last && last.fields.length < SLACK_LIMITS.sectionFields)
      sections[sections.length - 1] = { type: "section", fields: [...last.fields, more] };
    else sections.push({ type: "section", fields: [more] });
  }
  return sections;
}

function finishLine(row: FinishRow, number: number): string {
  const result = row.outcome === "won" ? " (won)" : row.outcome === "second" ? " (2nd)" : "";
  const record = row.record ? "  :checkered_flag: _record_" : "";
  const line =
    `${escapeMrkdwn(row.rank ?? String(number))}. *${escapeMrkdwn(row.marginMs === undefined ? row.margin : `${row.margin} s`)}*  ${escapeMrkdwn(row.label)} (${escapeMrkdwn(row.dateText)}): ` +
    `*${escapeMrkdwn(row.winner)}* over ${escapeMrkdwn(row.runnerUp)}${result}${record}`;
  const note = row.note?.trim();
  // An arrow rather than a `>` quote: the only `<`, `>` and `&` in our mrkdwn are escapes.
  return note ? `${line}\n      ↳ _${truncateMrkdwn(escapeMrkdwn(note), ROW_NOTE_MAX)}_` : line;
}

function standingLine(row: StandingRow, metric: string): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (metric === "raceWins" || metric === "raceRunnerUps")
    return `${escapeMrkdwn(row.rank)}. *${escapeMrkdwn(row.driver)}*: ${plural(row.raceWins, "win", "wins")}, ${plural(row.raceRunnerUps, "runner-up", "runner-ups")}`;
  return (
    `${escapeMrkdwn(row.rank)}. *${escapeMrkdwn(row.driver)}*: ${plural(row.wins, "win", "wins")}, ` +
    `${plural(row.runnerUps, "runner-up", "runner-ups")}, ${row.involved} involved`
  );
}

function listItems(answer: Answer, view: Page, pageable: boolean): string[] {
  const list = answer.list;
  if (!list || view.total === 0) return [];
  const noun = list.kind === "finishes" ? "Finishes" : "Drivers";
  const heading = view.count > 1 ? `*${noun} ${view.from + 1}–${view.to} of ${view.total}*` : `*${noun}*`;
  const items =
    list.kind === "finishes"
      ? list.rows.slice(view.from, view.to).map((row, i) => finishLine(row, view.from + i + 1))
      : list.rows.slice(view.from, view.to).map((row) => standingLine(row, list.metric));
  if (view.count > 1 && !pageable) items.push(`_Showing the first ${view.to} of ${view.total}._`);
  return [heading, ...items];
}

function button(text: string, actionId: string, value: string, primary = false): SlackButton {
  return {
    type: "button",
    text: {
      type: "plain_text",
      text: truncatePlain(text.trim() || "Go", SLACK_LIMITS.buttonText),
      emoji: true,
    },
    action_id: actionId.slice(0, SLACK_LIMITS.actionId),
    value,
    ...(primary ? { style: "primary" as const } : {}),
  };
}

/** A button only for a choice whose command line fits in a value; the rest are listed as text. */
function choiceButtons(choices: readonly Choice[]): { buttons: SlackButton[]; unplaced: Choice[] } {
  const buttons: SlackButton[] = [];
  const unplaced: Choice[] = [];
  for (const choice of choices) {
    const value = encodeButtonValue({ kind: "choice", line: choice.command });
    if (value.length <= SLACK_LIMITS.buttonValue && buttons.length < SLACK_LIMITS.actionsElements)
      buttons.push(button(choice.label || choice.command, ACTION_IDS.choice(buttons.length), value));
    else unplaced.push(choice);
  }
  return { buttons, unplaced };
}

function pagingButtons(invocation: string, view: Page): SlackButton[] | undefined {
  const value = (page: number) => encodeButtonValue({ kind: "page", line: invocation, page });
  if (value(view.count).length > SLACK_LIMITS.buttonValue) return undefined;
  const buttons: SlackButton[] = [];
  if (view.index > 0) buttons.push(button("◀ Previous", ACTION_IDS.previous, value(view.index - 1)));
  if (view.index < view.count - 1) buttons.push(button("Next ▶", ACTION_IDS.next, value(view.index + 1)));
  return buttons;
}

/** The chart as an image block, when its URL fits; Slack refuses a message with a longer one. */
function imageBlock(chart: SlackChartView | undefined, answer: Answer): SlackBlock | undefined {
  if (!chart || chart.imageUrl.length > SLACK_LIMITS.imageUrl) return undefined;
  const title = answer.chart?.title.trim();
  return {
    type: "image",
    image_url: chart.imageUrl,
    alt_text: truncatePlain(chart.altText.trim() || "Chart", SLACK_LIMITS.imageText),
    ...(title ? { title: { type: "plain_text", text: truncatePlain(title, SLACK_LIMITS.imageText) } } : {}),
  };
}

function contextBlock(answer: Answer, view: Page | undefined): SlackBlock {
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(answer.footer.asOf)
    ? formatDate(answer.footer.asOf)
    : answer.footer.asOf;
  const elements = [
    `Source: ${escapeMrkdwn(answer.footer.source)}`,
    `Data as of ${escapeMrkdwn(asOf)}`,
    ...(view && view.count > 1 ? [`Page ${view.index + 1} of ${view.count}`] : []),
  ];
  return {
    type: "context",
    elements: elements
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => mrkdwn(truncateMrkdwn(text, SLACK_LIMITS.contextText))),
  };
}

/** The plain-text fallback Slack shows in notifications and where blocks cannot be drawn. */
export function fallbackText(raw: Answer): string {
  const answer = wellFormed(raw);
  const title = answer.title.trim();
  const summary = answer.summary.trim();
  // "Which driver? “Busch” could be…" reads better than "Which driver?: …".
  const joiner = /[?!.:]$/.test(title) ? " " : ": ";
  const text = title && summary ? `${title}${joiner}${summary}` : title || summary || "Photo Finish";
  return truncateMrkdwn(escapeMrkdwn(text), SLACK_FALLBACK_TEXT_MAX);
}

/**
 * Renders an answer as a Slack message: header, summary, key figures as fields, one page of the
 * list, usage, notes, choice and paging buttons, and a context line with the source and the data's
 * date. Pure, and within every Block Kit limit for any answer. `page` is zero-based and clamped.
 * `chart` (from charts.ts) adds the answer's chart as an image after the figures.
 */
export function toSlackMessage(raw: Answer, page = 0, rawChart?: SlackChartView): SlackMessage {
  return rawChart ? renderSlackMessage(raw, page, rawChart) : renderTextMessage(raw, page);
}

/** Text-only messages, made once per kept answer and page (see answer-cache.ts). */
const renderTextMessage = rememberRenders((raw: Answer, page: number) => renderSlackMessage(raw, page));

function renderSlackMessage(raw: Answer, page: number, rawChart?: SlackChartView): SlackMessage {
  const answer = wellFormed(raw);
  const chart = wellFormed(rawChart);
  const rows = answer.list?.rows.length ?? 0;
  const view = pageOf(rows, page);
  const paging = answer.invocation && view.count > 1 ? pagingButtons(answer.invocation, view) : undefined;
  const { buttons: choices, unplaced } = choiceButtons(answer.choices ?? []);

  // Fixed blocks first; the list, then the notes, share whatever room is left.
  const head: SlackBlock[] = [header(answer)];
  if (answer.summary.trim()) head.push(section(escapeMrkdwn(answer.summary.trim())));
  const tail: SlackBlock[] = [];
  if (answer.usage) tail.push(section(`*Usage:* \`${truncateMrkdwn(escapeMrkdwn(answer.usage), 1000)}\``));
  if (choices.length > 0) tail.push({ type: "actions", elements: choices });
  if (paging && paging.length > 0) tail.push({ type: "actions", elements: paging });
  tail.push(contextBlock(answer, view));
  const image = imageBlock(chart, answer);

  let room = SLACK_LIMITS.blocks - head.length - tail.length - (image ? 1 : 0);
  const figures = figureSections(answer.figures, Math.min(MAX_FIGURE_SECTIONS, Math.max(0, room - 2)));
  room -= figures.length;
  const noteItems = [
    ...answer.notes.filter((n) => n.trim()).map((n) => escapeMrkdwn(n.trim())),
    ...unplaced.map((c) => `Try \`${escapeMrkdwn(c.command)}\``),
  ];
  const list = packLines(
    listItems(answer, view, paging !== undefined),
    SLACK_LIMITS.sectionText,
    Math.max(0, room - (noteItems.length > 0 ? 1 : 0)),
  ).map(section);
  room -= list.length;
  const notes = packLines(noteItems, SLACK_LIMITS.sectionText, room).map(section);

  return {
    response_type: answer.ephemeral ? "ephemeral" : "in_channel",
    text: fallbackText(answer),
    blocks: [...head, ...figures, ...(image ? [image] : []), ...list, ...notes, ...tail],
  };
}
