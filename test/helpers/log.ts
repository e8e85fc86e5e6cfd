import { type Logger, pino } from "pino";

/** A real pino logger whose JSON lines are kept in memory, to check what was logged. */
export function memoryLogger(): { log: Logger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void raw.push(line) });
  return { log, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
