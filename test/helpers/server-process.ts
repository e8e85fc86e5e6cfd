import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, cleanEnv } from "./cli.js";

/** A real `photo-finish` process serving HTTP on loopback, with its logs collected. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything written to stderr so far (JSON log lines). */
  logs(): string;
  /** Parsed log lines so far. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Waits until a log line matches. */
  waitForLog(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

/**
 * A port that was free a moment ago on 127.0.0.1. PORT must be 1–65535 (0, "any free port", is
 * refused as configuration), so tests ask the kernel for a free one first.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the bin with the given environment on 127.0.0.1 and a free port; resolves once it logs
 * `readyLog` (by default, that the HTTP server listens).
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { args?: readonly string[]; readyLog?: string; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, ...(options.args ?? [])], {
    cwd: mkdtempSync(path.join(tmpdir(), "photo-finish-server-")),
    env: cleanEnv({ PORT: String(await freePort()), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const waiters: (() => void)[] = [];
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const logLines = () =>
    stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitForLog = async (predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = logLines().find(predicate);
      if (found) return found;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no matching log line; exit ${child.exitCode}; logs:\n${stderr}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  const listening = await waitForLog(
    (l) => l.msg === (options.readyLog ?? "HTTP server listening"),
    options.timeoutMs,
  );
  return {
    child,
    baseUrl: `http://127.0.0.1:${listening.port}`,
    logs: () => stderr,
    logLines,
    exited,
    waitForLog,
  };
}
