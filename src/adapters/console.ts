import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { commands } from "../../commands/index.js";
import { answerLine } from "../core/respond.js";
import { renderText } from "../render/text.js";
import type { Runtime } from "../runtime.js";

const QUIT = new Set(["/quit", "/exit", "quit", "exit", ":q"]);
const PROMPT = "photo-finish> ";

/** Where the terminal bot reads and writes; tests pass their own streams. */
export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** A person at a terminal: prompt, history and tab completion. Otherwise one answer per line. */
  readonly interactive: boolean;
}

function complete(line: string): [string[], string] {
  const names = commands.map((c) => `/${c.name}`);
  const hits = names.filter((n) => n.startsWith(line.trim()));
  return [hits.length > 0 ? hits : names, line];
}

/**
 * The terminal bot: answers each line typed (or piped) with the same commands as the chat
 * platforms. Resolves when input ends or the user quits.
 */
export function runConsole(runtime: Runtime, io: ConsoleIo, log: Logger): Promise<void> {
  const rl = createInterface({
    input: io.input,
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
    historySize: 200,
    ...(io.interactive ? { completer: complete } : {}),
  });
  const write = (text: string) => io.output.write(text);
  if (io.interactive) {
    const { meta } = runtime.data;
    write(
      `Photo Finish: the closest finishes in NASCAR Cup history (data as of ${meta.asOf}).\nType /help for commands, /quit to leave.\n\n`,
    );
    rl.setPrompt(PROMPT);
    rl.prompt();
  }
  return new Promise((resolve) => {
    let first = true;
    rl.on("line", (raw) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) {
        if (io.interactive) rl.prompt();
        return;
      }
      if (QUIT.has(line.toLowerCase())) {
        rl.close();
        return;
      }
      const started = performance.now();
      const outcome = answerLine(runtime.context("terminal"), line, log, { platform: "terminal" });
      log.debug(
        {
          platform: "terminal",
          command: outcome.command,
          outcome: outcome.status,
          ms: performance.now() - started,
        },
        "interaction",
      );
      // Piped answers are separated by a blank line so a script can split them.
      write(
        `${first || io.interactive ? "" : "\n"}${renderText(outcome.answer)}${io.interactive ? "\n" : ""}`,
      );
      first = false;
      if (io.interactive) rl.prompt();
    });
    rl.on("close", () => {
      if (io.interactive) write("\n");
      resolve();
    });
  });
}
