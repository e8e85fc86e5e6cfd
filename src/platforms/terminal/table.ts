import { pad } from "./chart.js";
import { PLAIN_STYLE, type TextStyle } from "./style.js";

/** One way to show a table: its columns and rows. Richer layouts come first. */
export interface TableLayout {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns aligned right (numbers). */
  readonly right: ReadonlySet<number>;
  /** Written after a row's last cell ("◆ record"); counts towards the width. */
  readonly suffixes?: readonly string[];
}

const INDENT = "  ";
const ELLIPSIS = "…";

const length = (text: string) => [...text].length;

/** Cuts a cell to `width` characters, ending in "…" when anything was cut. */
function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join("")}${ELLIPSIS}`;
}

function naturalWidths(layout: TableLayout): number[] {
  return layout.headers.map((h, i) => Math.max(length(h), ...layout.rows.map((r) => length(r[i] ?? ""))));
}

/** The widest line a layout takes with these column widths and gap. */
function lineWidth(layout: TableLayout, widths: readonly number[], gap: number): number {
  const base = INDENT.length + widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  const suffix = Math.max(0, ...(layout.suffixes ?? []).map((s) => (s ? gap + length(s) : 0)));
  return base + suffix;
}

function draw(layout: TableLayout, widths: readonly number[], gap: number, style: TextStyle): string[] {
  const space = " ".repeat(gap);
  const line = (cells: readonly string[]) =>
    `${INDENT}${cells
      .map((c, i) => pad(cut(c, widths[i] ?? 0), widths[i] ?? 0, layout.right.has(i) ? "right" : "left"))
      .join(space)}`.trimEnd();
  return [
    line(layout.headers),
    style.dim(line(widths.map((w) => "─".repeat(w)))),
    ...layout.rows.map((row, i) => {
      const suffix = layout.suffixes?.[i];
      return suffix ? `${line(row)}${space}${style.note(suffix)}` : line(row);
    }),
  ];
}

/**
 * Lays a table out within `width` columns: the first layout that fits with two spaces between
 * columns, else the last (poorest) one with one space, cutting the widest text column with "…"
 * only if even that is too wide. Rows are never wrapped, so columns stay aligned.
 */
export function layTable(
  given: readonly TableLayout[],
  width: number,
  style: TextStyle = PLAIN_STYLE,
): string[] {
  // A line break or tab inside a cell would break the row in two: cells are one line each.
  const flat = (cells: readonly string[]) => cells.map((c) => c.replace(/\s+/g, " "));
  const layouts = given.map((l) => ({ ...l, headers: flat(l.headers), rows: l.rows.map(flat) }));
  for (const layout of layouts) {
    const widths = naturalWidths(layout);
    if (lineWidth(layout, widths, 2) <= width) return draw(layout, widths, 2, style);
  }
  const last = layouts.at(-1);
  if (!last) return [];
  const widths = naturalWidths(last);
  // Narrow the widest text column one character at a time; numbers only once text cannot give more.
  const narrowest = (i: number) => (last.right.has(i) ? 1 : 3);
  while (lineWidth(last, widths, 1) > width) {
    let widest = -1;
    for (const textFirst of [true, false]) {
      widths.forEach((w, i) => {
        if (textFirst && last.right.has(i)) return;
        if (w > narrowest(i) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
      });
      if (widest >= 0) break;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return draw(last, widths, 1, style);
}
