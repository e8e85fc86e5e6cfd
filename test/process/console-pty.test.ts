import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { BIN, cleanEnv } from "../helpers/cli.js";

/** The terminal bot in a real pseudo-terminal (python3's pty module), typed into key by key. */
const PTY = path.join(PACKAGE_ROOT, "test", "helpers", "run_in_pty.py");
const PROMPT = "photo-finish> ";

interface Session {
  /** Everything the terminal has shown so far, escape codes removed, "\r" dropped. */
  screen(): string;
  /** The same, as sent: escape codes and all. */
  raw(): string;
  type(keys: string): void;
  /** Resolves once the screen shows `text` `times` times in all (a prompt, an answer). */
  waitFor(text: string, times?: number): Promise<void>;
  /** Resolves once the screen shows `text` once more than it does now. */
  waitForMore(text: string): Promise<void>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * The environment of a person's terminal: CI runners set CI (Node then reports no colour) and may set
 * NO_COLOR or FORCE_COLOR; a test that means a person at a terminal says exactly what it sets.
 */
function personalTerminal(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = cleanEnv({ TERM: "xterm-256color" });
  for (const key of ["CI", "NO_COLOR", "FORCE_COLOR", "COLORTERM"]) delete env[key];
  return { ...env, ...extra };
}

function open(columns: number, env: Record<string, string>): Session {
  const child = spawn("python3", [PTY, String(columns), process.execPath, BIN], {
    cwd: mkdtempSync(path.join(tmpdir(), "pf-pty-cwd-")),
    env: personalTerminal(env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  running.push(child);
  let raw = "";
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    raw += chunk.toString();
    for (const check of [...waiters]) check();
  });
  const screen = () => stripVTControlCharacters(raw).replace(/\r/g, "");
  const session: Session = {
    screen,
    raw: () => raw,
    type: (keys) => child.stdin.write(keys),
    waitForMore: async () => {},
    waitFor: (text, times = 1) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`never saw ${JSON.stringify(text)} ×${times}:\n${screen()}`)),
          15_000,
        );
        const check = () => {
          if (count(screen(), text) < times) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve();
        };
        waiters.push(check);
        check();
      }),
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  session.waitForMore = (text) => session.waitFor(text, count(screen(), text) + 1);
  return session;
}

describe("the terminal bot over a real pseudo-terminal", () => {
  it("Tab completes drivers, eras, `by` values and /help topics from the data and the registry", async () => {
    const state = mkdtempSync(path.join(tmpdir(), "pf-state-"));
    const s = open(100, { XDG_STATE_HOME: state, NO_COLOR: "1" });
    await s.waitFor(PROMPT);
    // Each Tab is answered (the line redrawn) before the next key, as a person would type.
    s.type("/driver Lars\t");
    await s.waitForMore("Larson");
    s.type("\r");
    await s.waitFor("Kyle Larson since 1993");
    await s.waitFor(PROMPT, 2);
    s.type("/leaders next\t");
    await s.waitForMore("nextgen");
    s.type(" run\t");
    await s.waitForMore("runnerUps");
    s.type("\r");
    await s.waitFor("Most runner-up finishes by .500 s or less");
    await s.waitFor(PROMPT, 3);
    s.type("/help vers\t");
    await s.waitForMore("versus");
    s.type("\r");
    await s.waitFor("/versus <driver>");
    await s.waitFor(PROMPT, 4);
    s.type("/qu\t");
    await s.waitForMore("/quit");
    s.type("\r");
    expect(await s.exited).toBe(0);
  });

  it("Ctrl-C clears a half-typed line; Ctrl-C twice on an empty line quits with status 0", async () => {
    const state = mkdtempSync(path.join(tmpdir(), "pf-state-"));
    const s = open(80, { XDG_STATE_HOME: state, NO_COLOR: "1" });
    await s.waitFor(PROMPT);
    s.type("/closest 3");
    await s.waitFor("/closest 3");
    s.type("\u0003/about\r");
    await s.waitFor("About Photo Finish");
    await s.waitFor(PROMPT, 3);
    // Only "/about" was answered: the cleared text never reached the bot.
    expect(s.screen()).not.toMatch(/^3 closest|Not quite|Unknown command/m);
    s.type("\u0003");
    await s.waitFor("Press Ctrl-C again to quit");
    s.type("\u0003");
    expect(await s.exited).toBe(0);
  });

  it("keeps history between sessions in $XDG_STATE_HOME/photo-finish/history", async () => {
    const state = mkdtempSync(path.join(tmpdir(), "pf-state-"));
    const first = open(80, { XDG_STATE_HOME: state, NO_COLOR: "1" });
    await first.waitFor(PROMPT);
    first.type("/season 2023\r");
    await first.waitFor(PROMPT, 2);
    first.type("/quit\r");
    expect(await first.exited).toBe(0);
    expect(readFileSync(path.join(state, "photo-finish", "history"), "utf8")).toBe("/season 2023\n/quit\n");

    const second = open(80, { XDG_STATE_HOME: state, NO_COLOR: "1" });
    await second.waitFor(PROMPT);
    // Up twice: past /quit to the question asked in the first session, then Enter runs it again.
    second.type("\u001b[A\u001b[A\r");
    await second.waitFor("2023", 1);
    await second.waitFor(PROMPT, 2);
    second.type("\u0004");
    expect(await second.exited).toBe(0);
    expect(second.screen()).toMatch(/2023/);
  });

  it("lays answers out for the terminal's width, lists /quit in /help, and uses colour unless NO_COLOR", async () => {
    const state = mkdtempSync(path.join(tmpdir(), "pf-state-"));
    const s = open(60, { XDG_STATE_HOME: state });
    await s.waitFor(PROMPT);
    s.type("/help\r");
    await s.waitFor(PROMPT, 2);
    s.type("/margin 0.5 all\r");
    await s.waitFor(PROMPT, 3);
    s.type("/quit\r");
    expect(await s.exited).toBe(0);
    const lines = s.screen().split("\n");
    expect(lines.filter((l) => [...l].length > 60)).toEqual([]);
    expect(s.screen()).toMatch(/^ {2}\/quit\b/m);
    // Bold and dim (SGR 1 and 2) come from the style; readline's own cursor codes are not colour.
    const colourful = open(60, { XDG_STATE_HOME: state });
    const plain = open(60, { XDG_STATE_HOME: state, NO_COLOR: "1" });
    for (const session of [colourful, plain]) {
      await session.waitFor(PROMPT);
      session.type("/margin abc\r");
      await session.waitFor(PROMPT, 2);
      session.type("/quit\r");
      expect(await session.exited).toBe(0);
    }
    expect(colourful.raw()).toContain("\u001b[1m");
    expect(plain.raw()).not.toContain("\u001b[1m");
    expect(plain.raw()).not.toContain("\u001b[2m");
    expect(plain.screen()).toContain("Not quite");
  });
});
