/** One thing wrong with the data, precise enough to fix without searching: file, row, field. */
export interface DataProblem {
  readonly file: string;
  /** 1-based line in a CSV file (the header is line 1); absent for JSON files. */
  readonly row?: number;
  readonly field: string;
  readonly message: string;
}

/** Thrown when the data cannot be loaded; lists every problem found, not just the first. */
export class DataError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(`Invalid data:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "DataError";
  }
}

/** "data/races.csv row 7, field margin: must be ..." */
export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.row === undefined ? "" : ` row ${p.row}`}, field ${p.field}: ${p.message}`;
}
