import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { commands } from "../../../commands/index.js";
import type { Answer } from "../../core/answer.js";
import type { Pipeline } from "../../pipeline/pipeline.js";
import type { InboundRequest } from "../../pipeline/request.js";
import type { Runtime } from "../../runtime.js";
import { completeLine } from "./complete.js";
import { PIPED_WIDTH, renderText } from "./render.js";
import { PLAIN_STYLE, type StyledStream, styleFor } from "./style.js";
import { wrap } from "./wrap.js";

/** The platform's name in requests and logs. */
export const TERMINAL = "terminal";

const QUIT = new Set(["/quit", "/exit", "quit", "exit", ":q"]);
const PROMPT = "photo-finish> ";
/** Lines of history kept between sessions. */
export const HISTORY_SIZE = 500;

/** Where the terminal bot reads and writes; tests pass their own streams. */
export interface ConsoleIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & StyledStream & { readonly columns?: number };
  /** A person at a terminal: prompt, history and tab completion. Otherwise one answer per line. */
  readonly interactive: boolean;
  /** The history file kept between sessions (interactive only); none when undefined. */
  readonly historyFile?: string;
}

/**
 * The history file under the user's state directory (XDG Base Directory): $XDG_STATE_HOME, else
 * ~/.local/state, then photo-finish/history.
 */
export function historyPath(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME?.trim() || path.join(homedir(), ".local", "state");
  return path.join(state, "photo-finish", "history");
}

/** Earlier sessions' lines, newest first as readline wants them; none if the file is unreadable. */
function loadHistory(file: string, log: Logger): string[] {
  try {
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    // Keep the file from growing without end: rewrite it with the lines kept once it doubles.
    if (lines.length > 2 * HISTORY_SIZE) writeFileSync(file, `${lines.slice(-HISTORY_SIZE).join("\n")}\n`);
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      log.debug({ err: error, file }, "history not read");
    return [];
  }
}

/** Appends a line to the history file; a read-only home only costs the history, never the answer. */
function saveHistory(file: string, line: string, log: Logger): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${line}\n`);
  } catch (error) {
    log.debug({ err: error, file }, "history not saved");
  }
}

/** General /help in a terminal also lists the terminal's own way out. */
function withTerminalHelp(answer: Answer, command: string | undefined): Answer {
  const general = command === "help" && answer.figures.some((f) => f.label.startsWith("/help"));
  if (!general) return answer;
  return {
    ...answer,
    figures: [
      ...answer.figures,
      { label: "/quit", value: "Leave Photo Finish (Ctrl-D, or Ctrl-C twice, works too)" },
    ],
  };
}

/**
 * The terminal bot: answers each line typed (or piped) with the same commands as the chat
 * platforms. Resolves when input ends or the user quits. At a terminal, answers are laid out for
 * its width (read again for every answer, so a resized window is followed) and styled if it
 * supports colour; piped output is plain and PIPED_WIDTH wide.
 */
export function runConsole(runtime: Runtime, pipeline: Pipeline, io: ConsoleIo, log: Logger): Promise<void> {
  const historyFile = io.interactive ? io.historyFile : undefined;
  const rl = createInterface({
    input: io.input,
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    history: historyFile ? loadHistory(historyFile, log) : [],
    ...(io.interactive ? { completer: (line: string) => completeLine(line, commands, runtime.data) } : {}),
  });
  const write = (text: string) => io.output.write(text);
  const style = io.interactive ? styleFor(io.output) : PLAIN_STYLE;
  const width = () => (io.interactive && io.output.columns ? io.output.columns : PIPED_WIDTH);
  if (io.interactive) {
    const { meta } = runtime.data;
    const welcome = [
      `Photo Finish: the closest finishes in NASCAR Cup history (data as of ${meta.asOf}).`,
      "Type /help for commands, /quit to leave.",
    ];
    write(
      `${welcome.flatMap((line, i) => wrap(line, width(), i === 0 ? { text: style.title } : {})).join("\n")}\n\n`,
    );
    rl.setPrompt(PROMPT);
    rl.prompt();
  }
  return new Promise((resolve) => {
    let first = true;
    let queue: Promise<unknown> = Promise.resolve();
    // Ctrl-C clears a half-typed line; on an empty line it asks once, and a second one quits.
    let quitArmed = false;
    rl.on("SIGINT", () => {
      if (rl.line.length > 0) {
        rl.write(null, { ctrl: true, name: "e" });
        rl.write(null, { ctrl: true, name: "u" });
        quitArmed = false;
        return;
      }
      if (quitArmed) {
        rl.close();
        return;
      }
      quitArmed = true;
      write("\n(Press Ctrl-C again to quit, or type /quit.)\n");
      rl.prompt();
    });
    // Any other key after that first Ctrl-C means the user stayed: the next one asks again.
    if (io.interactive)
      io.input.on("keypress", (_text: string, key: { ctrl?: boolean; name?: string } | undefined) => {
        if (!(key?.ctrl && key.name === "c")) quitArmed = false;
      });
    rl.on("line", (raw) => {
      quitArmed = false;
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) {
        if (io.interactive) rl.prompt();
        return;
      }
      if (historyFile) saveHistory(historyFile, line, log);
      if (QUIT.has(line.toLowerCase())) {
        rl.close();
        return;
      }
      const request: InboundRequest = {
        platform: TERMINAL,
        transport: io.interactive ? "tty" : "stdin",
        requestId: randomUUID(),
        user: "operator",
        receivedAt: performance.now(),
        kind: "command",
        line,
        log,
      };
      // One answer at a time, in the order typed: a piped burst of lines keeps its order.
      queue = queue.then(() =>
        pipeline.handle(request, async (reply) => {
          if (!("answer" in reply)) return { delivered: false };
          const answer = withTerminalHelp(reply.answer, reply.command);
          // Piped answers are separated by a blank line so a script can split them.
          write(
            `${first || io.interactive ? "" : "\n"}${renderText(answer, { width: width(), style })}${io.interactive ? "\n" : ""}`,
          );
          first = false;
          if (io.interactive) rl.prompt();
          return { delivered: true };
        }),
      );
    });
    rl.on("close", () => {
      void queue.then(() => {
        if (io.interactive) write("\n");
        resolve();
      });
    });
  });
}
