import { commands } from "../../commands/index.js";
import type { CommandContext } from "../../src/core/command.js";
import { answerLine, type Outcome } from "../../src/core/respond.js";
import type { Dataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";

let cached: Promise<Dataset> | undefined;

/** The real data files, loaded once per test file. */
export function realData(): Promise<Dataset> {
  cached ??= loadDataset();
  return cached;
}

/** A terminal command context over the real data. */
export async function realContext(): Promise<CommandContext> {
  return { data: await realData(), commands, platform: "terminal" };
}

/** Answers one command line against the real data. */
export async function ask(line: string): Promise<Outcome> {
  return answerLine(await realContext(), line);
}
