import type { Answer, FinishRow, StandingRow } from "../core/answer.js";
import { formatDate } from "../core/format.js";
import { pad, renderTextChart } from "./text-chart.js";

/** Terminal output has no hard limit, but a wall of rows helps nobody: longer lists are cut here. */
export const TEXT_MAX_ROWS = 50;

function table(headers: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => pad(c, widths[i] ?? 0, right.has(i) ? "right" : "left")).join("  ")}`.trimEnd();
  return [line(headers), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)];
}

function finishTable(rows: readonly FinishRow[]): string[] {
  const withOutcome = rows.some((r) => r.outcome);
  const headers = ["#", "Margin", "Race", "Date", "Winner", "Runner-up", ...(withOutcome ? ["Result"] : [])];
  const body = rows.map((r, i) => [
    r.rank ?? String(i + 1),
    r.margin,
    r.label,
    r.dateText,
    r.winner,
    r.runnerUp,
    ...(withOutcome ? [r.outcome === "won" ? "won" : "2nd"] : []),
  ]);
  const lines = table(headers, body, new Set([0, 1]));
  rows.forEach((r, i) => {
    if (r.record) lines[i + 2] += "  ◆ record";
  });
  return lines;
}

function standingsTable(rows: readonly StandingRow[], metric: string): string[] {
  if (metric === "raceWins" || metric === "raceRunnerUps")
    return table(
      ["Rank", "Driver", "Wins", "2nd"],
      rows.map((r) => [r.rank, r.driver, String(r.raceWins), String(r.raceRunnerUps)]),
      new Set([0, 2, 3]),
    );
  return table(
    ["Rank", "Driver", "Wins", "2nd", "Total"],
    rows.map((r) => [r.rank, r.driver, String(r.wins), String(r.runnerUps), String(r.involved)]),
    new Set([0, 2, 3, 4]),
  );
}

/**
 * Renders an answer as plain text for a terminal: title, summary, figures, a Unicode bar chart when
 * the answer has chart data, an aligned table, notes.
 */
export function renderText(answer: Answer): string {
  const out: string[] = [answer.title, answer.summary];
  if (answer.figures.length > 0) {
    const width = Math.max(...answer.figures.map((f) => [...f.label].length));
    out.push("", ...answer.figures.map((f) => `  ${pad(f.label, width)}  ${f.value}`));
  }
  const chart = answer.chart ? renderTextChart(answer.chart) : [];
  if (chart.length > 0) out.push("", ...chart);
  const list = answer.list;
  if (list && list.rows.length > 0) {
    out.push("");
    if (list.kind === "finishes") out.push(...finishTable(list.rows.slice(0, TEXT_MAX_ROWS)));
    else out.push(...standingsTable(list.rows.slice(0, TEXT_MAX_ROWS), list.metric));
    if (list.rows.length > TEXT_MAX_ROWS) out.push(`  … and ${list.rows.length - TEXT_MAX_ROWS} more`);
    if (list.kind === "finishes") {
      const noted = list.rows.slice(0, TEXT_MAX_ROWS).filter((r) => r.note);
      for (const r of noted) out.push(`  * ${r.label}: ${r.note}`);
    }
  }
  if (answer.usage) out.push("", `Usage: ${answer.usage}`);
  if (answer.choices && answer.choices.length > 0)
    out.push("", "Try:", ...answer.choices.map((c) => `  ${c.command}`));
  if (answer.notes.length > 0) out.push("", ...answer.notes.map((n) => `Note: ${n}`));
  out.push("", `Source: ${answer.footer.source} · data as of ${formatDate(answer.footer.asOf)}`);
  return `${out.join("\n")}\n`;
}
