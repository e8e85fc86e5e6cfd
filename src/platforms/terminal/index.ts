import type { Logger } from "pino";
import type { Pipeline } from "../../pipeline/pipeline.js";
import type { Runtime } from "../../runtime.js";

/**
 * The terminal bot on this process's stdin and stdout: what `photo-finish` runs when no chat
 * platform is configured. Resolves when input ends or the user quits.
 */
export async function runTerminal(runtime: Runtime, pipeline: Pipeline, log: Logger): Promise<void> {
  const { historyPath, runConsole } = await import("./console.js");
  await runConsole(
    runtime,
    pipeline,
    {
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      historyFile: historyPath(),
    },
    log,
  );
}
