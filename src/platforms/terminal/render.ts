import type { Answer, Figure, FinishRow, StandingRow } from "../../core/answer.js";
import { formatDate } from "../../core/format.js";
import { initialed, pad, renderTextChart } from "./chart.js";
import { PLAIN_STYLE, type TextStyle } from "./style.js";
import { layTable, type TableLayout } from "./table.js";
import { visibleWidth, wrap } from "./wrap.js";

/** Terminal output has no hard limit, but a wall of rows helps nobody: longer lists are cut here. */
export const TEXT_MAX_ROWS = 50;
/** The width output is laid out for when it is not a terminal (piped, `ask` into a file). */
export const PIPED_WIDTH = 100;
/** Narrower than this, nothing lays out sensibly; a narrower terminal gets this width. */
export const MIN_WIDTH = 40;

/** How terminal text is laid out: the columns it may use and how it is emphasised. */
export interface TextOptions {
  /** Columns per line (the terminal's width); PIPED_WIDTH when not given. */
  readonly width?: number;
  readonly style?: TextStyle;
}

const RECORD = "◆ record";

/** Layouts for a list of finishes, richest first; text.ts picks the first that fits. */
function finishLayouts(rows: readonly FinishRow[]): TableLayout[] {
  const withOutcome = rows.some((r) => r.outcome);
  const result = (r: FinishRow) => (r.outcome === "won" ? "won" : "2nd");
  const numbers = rows.map((r, i) => r.rank ?? String(i + 1));
  const records = (marker: string) => rows.map((r) => (r.record ? marker : ""));
  const full = (names: (name: string) => string, date: boolean, marker: string): TableLayout => ({
    headers: [
      "#",
      "Margin",
      "Race",
      ...(date ? ["Date"] : []),
      "Winner",
      "Runner-up",
      ...(withOutcome ? ["Result"] : []),
    ],
    rows: rows.map((r, i) => [
      numbers[i] ?? "",
      r.margin,
      r.label,
      ...(date ? [r.dateText] : []),
      names(r.winner),
      names(r.runnerUp),
      ...(withOutcome ? [result(r)] : []),
    ]),
    right: new Set([0, 1]),
    suffixes: records(marker),
  });
  const same = (name: string) => name;
  const layouts = [
    full(same, true, RECORD),
    // The race label already carries the year: the date is the first thing a narrow table gives up.
    full(same, false, RECORD),
    full(same, false, "◆"),
    full(initialed, false, "◆"),
  ];
  // A driver's own list: the other driver in each race says it all, with the result beside it.
  if (withOutcome)
    layouts.push({
      headers: ["#", "Margin", "Race", "Result", "Against"],
      rows: rows.map((r, i) => [
        numbers[i] ?? "",
        r.margin,
        r.label,
        result(r),
        initialed(r.outcome === "won" ? r.runnerUp : r.winner),
      ]),
      right: new Set([0, 1]),
      suffixes: records("◆"),
    });
  return layouts;
}

function standingsLayouts(rows: readonly StandingRow[], metric: string): TableLayout[] {
  const races = metric === "raceWins" || metric === "raceRunnerUps";
  const layout = (names: (name: string) => string): TableLayout =>
    races
      ? {
          headers: ["Rank", "Driver", "Wins", "2nd"],
          rows: rows.map((r) => [r.rank, names(r.driver), String(r.raceWins), String(r.raceRunnerUps)]),
          right: new Set([0, 2, 3]),
        }
      : {
          headers: ["Rank", "Driver", "Wins", "2nd", "Total"],
          rows: rows.map((r) => [
            r.rank,
            names(r.driver),
            String(r.wins),
            String(r.runnerUps),
            String(r.involved),
          ]),
          right: new Set([0, 2, 3, 4]),
        };
  return [layout((n) => n), layout(initialed)];
}

/**
 * Key figures as label and value columns; a value wraps under itself. When the labels leave too
 * little room (long usage lines in /help at 60 columns), each value goes on its own indented lines.
 */
function figureLines(figures: readonly Figure[], width: number, style: TextStyle): string[] {
  const labelWidth = Math.max(...figures.map((f) => [...f.label].length));
  const valueColumn = 2 + labelWidth + 2;
  const side = width - valueColumn >= Math.max(24, Math.floor(width / 3));
  return figures.flatMap((f) => {
    const options = { code: style.code, text: style.figure };
    if (side)
      return wrap(f.value, width, {
        first: `  ${pad(f.label, labelWidth)}  `,
        rest: " ".repeat(valueColumn),
        ...options,
      });
    return [
      ...wrap(f.label, width, { first: "  ", rest: "    " }),
      ...wrap(f.value, width, { first: "      ", ...options }),
    ];
  });
}

/**
 * Renders an answer as text for a terminal `width` columns wide: title, summary, figures, a Unicode
 * bar chart when the answer has chart data, a table that fits, notes. Prose wraps at spaces, tables
 * give up their least useful columns first, and no line is longer than the width (a word longer
 * than a whole line is the one thing ever split). `code` words lose their backticks.
 */
export function renderText(answer: Answer, options: TextOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? PIPED_WIDTH));
  const style = options.style ?? PLAIN_STYLE;
  const prose = (text: string, first = "", rest?: string, color: (t: string) => string = (t) => t) =>
    wrap(text, width, { first, ...(rest === undefined ? {} : { rest }), code: style.code, text: color });
  const heading = answer.tone === "error" ? style.error : style.title;
  const out: string[] = [...prose(answer.title, "", "", heading), ...prose(answer.summary)];
  if (answer.figures.length > 0) out.push("", ...figureLines(answer.figures, width, style));
  const chart = answer.chart ? renderTextChart(answer.chart, width) : [];
  if (chart.length > 0) out.push("", ...chart);
  const list = answer.list;
  if (list && list.rows.length > 0) {
    out.push("");
    if (list.kind === "finishes") {
      const shown = list.rows.slice(0, TEXT_MAX_ROWS);
      out.push(...layTable(finishLayouts(shown), width, style));
      if (list.rows.length > TEXT_MAX_ROWS) out.push(`  … and ${list.rows.length - TEXT_MAX_ROWS} more`);
      for (const r of shown.filter((row) => row.note)) out.push(...prose(`${r.label}: ${r.note}`, "  * "));
    } else {
      out.push(...layTable(standingsLayouts(list.rows.slice(0, TEXT_MAX_ROWS), list.metric), width, style));
      if (list.rows.length > TEXT_MAX_ROWS) out.push(`  … and ${list.rows.length - TEXT_MAX_ROWS} more`);
    }
  }
  if (answer.usage) out.push("", ...prose(answer.usage, "Usage: "));
  if (answer.choices && answer.choices.length > 0)
    out.push("", "Try:", ...answer.choices.flatMap((c) => prose(c.command, "  ", "    ", style.code)));
  if (answer.notes.length > 0)
    out.push("", ...answer.notes.flatMap((n) => prose(n, style.note("Note: "), "      ")));
  out.push(
    "",
    ...wrap(`Source: ${answer.footer.source} · data as of ${formatDate(answer.footer.asOf)}`, width, {
      text: style.dim,
    }),
  );
  return `${out.join("\n")}\n`;
}

/** The widest line of rendered text, in terminal columns (escape codes not counted). */
export function widestLine(text: string): number {
  return Math.max(0, ...text.split("\n").map(visibleWidth));
}
