import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from "discord-api-types/v10";
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import type { Answer, Choice, FinishRow, StandingRow, Tone } from "../../core/answer.js";
import { rememberRenders } from "../../core/answer-cache.js";
import { formatDate } from "../../core/format.js";
import { PAGE_SIZE, type Page, pageOf } from "../../core/paging.js";
import { wellFormed } from "../../core/well-formed.js";
import { encodeButton } from "./custom-id.js";
import { DISCORD_LIMITS } from "./limits.js";
import { escapeMarkdown, nonEmpty, truncate } from "./text.js";

// The renderer is pure: protocol numbers come from discord-api-types (plain enums, no client code),
// so the HTTP endpoint and `ask --format discord` never load discord.js.

/** Message flag that shows a reply only to the user who asked. */
export const EPHEMERAL_FLAG = MessageFlags.Ephemeral;

/** Colours that mean something: gold for a record finish, red for a problem, blurple for a choice. */
export const TONE_COLORS: Readonly<Record<Tone, number>> = {
  info: 0x2b7bb9,
  record: 0xf1c40f,
  error: 0xed4245,
  choice: 0x5865f2,
};

// Budgets inside Discord's limits, so one long part cannot crowd out the rest of an answer.
/** The summary is one sentence; past this it is not one. */
const SUMMARY_BUDGET = 1000;
/** One row of a list, including its detail line. */
const ROW_BUDGET = 300;
/** One note, usage line or choice line. */
const NOTE_BUDGET = 500;
/** Footer: source, as-of date and page; Discord allows 2048 but nobody reads that much small print. */
const FOOTER_BUDGET = 300;
/** Below this a cut field or trailing section says too little to be worth showing. */
const MIN_USEFUL = 40;

/** One page of the answer's list (the neutral model), and whether buttons can reach the others. */
export interface PageView extends Page {
  /** True when the list spans pages and Previous/Next buttons carry them (the invocation fits). */
  readonly pageable: boolean;
}

/** The message part of an interaction response (reply or update). */
export type DiscordMessage = Omit<APIInteractionResponseCallbackData, "embeds" | "components"> & {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
};

/** Works out which page to show; a page past the end (the data shrank since the click) shows the last. */
export function viewPage(answer: Answer, page: number): PageView {
  const total = answer.list?.rows.length ?? 0;
  const wanted = pageOf(total, page);
  const fits =
    answer.invocation !== undefined &&
    encodeButton({ kind: "page", page: wanted.count - 1, line: answer.invocation }) !== undefined;
  // A list whose buttons cannot carry it shows its first page, as a list of one page.
  if (wanted.count > 1 && fits) return { ...wanted, pageable: true };
  return { ...pageOf(total, 0), count: 1, pageable: false };
}

function finishLine(row: FinishRow, index: number): string {
  const outcome = row.outcome === "won" ? " · won" : row.outcome === "second" ? " · 2nd" : "";
  const record = row.record ? " ⭐ record" : "";
  const margin = row.marginMs === undefined ? row.margin : `${row.margin} s`;
  const head = `**${row.rank ?? index}.** \`${margin}\` **${escapeMarkdown(row.winner)}** over ${escapeMarkdown(row.runnerUp)}${outcome}${record}`;
  // "2022 Daytona 500 · Daytona 500" says it twice: the race name only when the label lacks it.
  const named = row.label.endsWith(row.raceName) ? [] : [row.raceName];
  const detail = [row.label, ...named, row.dateText].map(escapeMarkdown).join(" · ");
  const note = row.note ? ` — ${escapeMarkdown(row.note)}` : "";
  // The detail line is cut before the headline: margin and names are the answer.
  const first = truncate(head, ROW_BUDGET - 10);
  return `${first}\n${truncate(`-# ${detail}${note}`, ROW_BUDGET - first.length - 1)}`;
}

function standingLine(row: StandingRow, metric: StandingMetricName): string {
  const stat = (key: StandingMetricName, value: number, label: string) =>
    key === metric ? `**${value}** ${label}` : `${value} ${label}`;
  const stats =
    metric === "raceWins" || metric === "raceRunnerUps"
      ? `${stat("raceWins", row.raceWins, "wins")} · ${stat("raceRunnerUps", row.raceRunnerUps, "2nd")}`
      : `${stat("wins", row.wins, "won")} · ${stat("runnerUps", row.runnerUps, "2nd")} · ${stat("involved", row.involved, "total")}`;
  return truncate(`**${escapeMarkdown(row.rank)}.** ${escapeMarkdown(row.driver)} — ${stats}`, ROW_BUDGET);
}

type StandingMetricName = Extract<NonNullable<Answer["list"]>, { kind: "standings" }>["metric"];

function listLines(answer: Answer, view: PageView): string[] {
  const list = answer.list;
  if (!list || list.rows.length === 0) return [];
  const lines =
    list.kind === "finishes"
      ? list.rows.slice(view.from, view.to).map((row, i) => finishLine(row, view.from + i + 1))
      : list.rows.slice(view.from, view.to).map((row) => standingLine(row, list.metric));
  if (!view.pageable && view.total > PAGE_SIZE)
    lines.push(`-# Showing the first ${PAGE_SIZE} of ${view.total}.`);
  return lines;
}

/** Choices become buttons while they fit (custom_id ≤ 100, rows left); the rest are listed as text. */
function splitChoices(
  choices: readonly Choice[],
  rowsFree: number,
): { buttons: APIButtonComponent[]; unbuttoned: Choice[] } {
  const buttons: APIButtonComponent[] = [];
  const unbuttoned: Choice[] = [];
  const seen = new Set<string>();
  for (const choice of choices) {
    const id = encodeButton({ kind: "choice", line: choice.command });
    if (id === undefined || seen.has(id) || buttons.length >= rowsFree * DISCORD_LIMITS.buttonsPerRow) {
      if (!(id !== undefined && seen.has(id))) unbuttoned.push(choice);
      continue;
    }
    seen.add(id);
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: nonEmpty(truncate(choice.label, DISCORD_LIMITS.buttonLabel)),
      custom_id: id,
    });
  }
  return { buttons, unbuttoned };
}

/** The "Chart" button, for answers that can be drawn (it re-runs the answer's command line). */
function chartButton(answer: Answer): APIButtonComponent | undefined {
  if (!answer.chart || answer.invocation === undefined) return undefined;
  const id = encodeButton({ kind: "chart", line: answer.invocation });
  return id === undefined
    ? undefined
    : { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "📈 Chart", custom_id: id };
}

function pagingRow(answer: Answer, view: PageView): APIActionRowComponent<APIButtonComponent> | undefined {
  const chart = chartButton(answer);
  if (!view.pageable || answer.invocation === undefined)
    return chart ? { type: ComponentType.ActionRow, components: [chart] } : undefined;
  // Both buttons always show (greyed at the ends) so the row does not jump; their targets differ,
  // which keeps the two custom_ids unique as Discord requires.
  const prev = encodeButton({ kind: "page", page: Math.max(0, view.index - 1), line: answer.invocation });
  const next = encodeButton({
    kind: "page",
    page: Math.min(view.count - 1, view.index + 1),
    line: answer.invocation,
  });
  if (prev === undefined || next === undefined) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "◀ Previous",
        custom_id: prev,
        disabled: view.index === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Next ▶",
        custom_id: next,
        disabled: view.index === view.count - 1,
      },
      ...(chart ? [chart] : []),
    ],
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Adds figures as inline fields while they fit the budget; says how many were left out. */
function fitFields(
  answer: Answer,
  budget: number,
): { fields: APIEmbedField[]; left: number; dropped: number } {
  const fields: APIEmbedField[] = [];
  let left = budget;
  const figures = answer.figures;
  for (const figure of figures) {
    // Keep the last field slot for a "more" marker when there are more figures than slots.
    if (fields.length === DISCORD_LIMITS.embedFields - (figures.length > DISCORD_LIMITS.embedFields ? 1 : 0))
      break;
    const name = nonEmpty(truncate(figure.label, Math.min(DISCORD_LIMITS.embedFieldName, NOTE_BUDGET / 2)));
    const room = Math.min(DISCORD_LIMITS.embedFieldValue, left - name.length);
    if (room < MIN_USEFUL && room < figure.value.length) break;
    const value = nonEmpty(truncate(figure.value, room));
    if (name.length + value.length > left) break;
    fields.push({ name, value, inline: true });
    left -= name.length + value.length;
  }
  const dropped = figures.length - fields.length;
  const more = { name: "More", value: `${dropped} more not shown` };
  if (
    dropped > 0 &&
    more.name.length + more.value.length <= left &&
    fields.length < DISCORD_LIMITS.embedFields
  ) {
    fields.push({ ...more, inline: true });
    left -= more.name.length + more.value.length;
  }
  return { fields, left, dropped };
}

/**
 * Renders one page of an answer as the message Discord shows: one embed (title, summary, the page of
 * the list, key figures as inline fields, usage, notes, footer with source and as-of date), paging
 * buttons when the list spans pages, and a button per choice. Every limit holds whatever the answer.
 */
export function renderDiscordMessage(raw: Answer, page = 0): DiscordMessage {
  const answer = wellFormed(raw);
  const view = viewPage(answer, page);
  const title = truncate(answer.title.trim() || "Photo Finish", DISCORD_LIMITS.embedTitle);
  const pageText = view.pageable ? ` · Page ${view.index + 1} of ${view.count}` : "";
  const footer = truncate(
    `${answer.footer.source} · Data as of ${formatDate(answer.footer.asOf)}${pageText}`,
    FOOTER_BUDGET,
  );

  const paging = pagingRow(answer, view);
  const { buttons, unbuttoned } = splitChoices(
    answer.choices ?? [],
    DISCORD_LIMITS.actionRows - (paging ? 1 : 0),
  );
  const components = [
    ...(paging ? [paging] : []),
    ...chunk(buttons, DISCORD_LIMITS.buttonsPerRow).map((row) => ({
      type: ComponentType.ActionRow,
      components: row,
    })),
  ] as APIActionRowComponent<APIButtonComponent>[];

  // The answer itself (summary and the page of the list) comes first and is never squeezed out.
  // nonEmpty here, not later: its stand-in character counts toward the 6000 total like any other.
  const head = nonEmpty(
    truncate(
      [truncate(answer.summary, SUMMARY_BUDGET), listLines(answer, view).join("\n")]
        .filter((part) => part !== "")
        .join("\n\n"),
      DISCORD_LIMITS.embedDescription,
    ),
  );
  let left = DISCORD_LIMITS.embedTotal - title.length - footer.length - head.length;
  const fitted = fitFields(answer, left);
  left = fitted.left;

  const tail = [
    ...(answer.usage ? [`Usage: \`${answer.usage}\``] : []),
    ...unbuttoned.map((c) => `Try: \`${c.command}\``),
    ...answer.notes.map((note) => `> ${note}`),
  ].map((line) => truncate(line, NOTE_BUDGET));
  const tailRoom = Math.min(left, DISCORD_LIMITS.embedDescription - head.length) - 2;
  const description =
    tail.length > 0 && tailRoom >= MIN_USEFUL ? `${head}\n\n${truncate(tail.join("\n"), tailRoom)}` : head;

  const embed: APIEmbed = {
    title,
    description: nonEmpty(description),
    color: TONE_COLORS[answer.tone],
    ...(fitted.fields.length > 0 ? { fields: fitted.fields } : {}),
    footer: { text: footer },
  };
  return {
    embeds: [embed],
    components,
    allowed_mentions: { parse: [] },
    ...(answer.ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
  };
}

/** The attachment a chart message refers to; the adapter renders the PNG and sends it with the message. */
export interface ChartAttachment {
  readonly filename: string;
  readonly description: string;
}

/**
 * The message that shows an answer's chart: a slim embed whose image is the attached PNG
 * (`attachment://<filename>`), with the answer's title, summary and footer. The PNG itself travels
 * beside this JSON (multipart on HTTP, `files` on the gateway).
 */
export function toDiscordChartResponse(
  raw: Answer,
  chartAttachment: ChartAttachment,
): APIInteractionResponse {
  const answer = wellFormed(raw);
  const attachment = wellFormed(chartAttachment);
  const footer = truncate(
    `${answer.footer.source} · Data as of ${formatDate(answer.footer.asOf)}`,
    FOOTER_BUDGET,
  );
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      embeds: [
        {
          title: truncate(answer.title.trim() || "Photo Finish", DISCORD_LIMITS.embedTitle),
          description: nonEmpty(truncate(answer.summary, SUMMARY_BUDGET)),
          color: TONE_COLORS[answer.tone],
          image: { url: `attachment://${attachment.filename}` },
          footer: { text: footer },
        },
      ],
      attachments: [
        { id: "0", filename: attachment.filename, description: truncate(attachment.description, 1024) },
      ],
      allowed_mentions: { parse: [] },
    },
  };
}

/**
 * The exact interaction response for an answer: a new message (type 4), or with `update` the
 * message the clicked button sits on is replaced (type 7, which cannot change who sees it).
 */
export function toDiscordResponse(
  answer: Answer,
  page = 0,
  mode: "reply" | "update" = "reply",
): APIInteractionResponse {
  return rememberedResponse(answer, page, mode);
}

/** Responses made once per kept answer, page and mode (see answer-cache.ts). */
const rememberedResponse = rememberRenders(makeDiscordResponse);

function makeDiscordResponse(answer: Answer, page: number, mode: "reply" | "update"): APIInteractionResponse {
  const message = renderDiscordMessage(answer, page);
  if (mode === "update") {
    const { flags: _flags, ...data } = message;
    return { type: InteractionResponseType.UpdateMessage, data };
  }
  return { type: InteractionResponseType.ChannelMessageWithSource, data: message };
}

/** Total characters Discord counts toward the 6000 limit across a message's embeds. */
export function embedCharacters(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}
