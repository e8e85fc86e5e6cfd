import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PACKAGE_ROOT } from "../../src/paths.js";

/** The real bin, as `npm start` and users run it (built by the global setup). */
export const BIN = path.join(PACKAGE_ROOT, "bin", "photo-finish.js");

/** An environment with no chat credentials, so the bot runs as the terminal bot. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !/^(DISCORD_|SLACK_|NASCAR_|ALERT_|PORT$|HOST$|LOG_LEVEL$|DATA_DIR$|DATA_REFRESH$|PUBLIC_BASE_URL$)/.test(
        key,
      )
    )
      env[key] = value;
  }
  return { ...env, ...extra };
}

/** What a finished process said. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion with optional stdin, in an empty temp folder (so no stray .env is
 * read) unless `cwd` names one, and collects its output.
 */
export function run(
  command: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? mkdtempSync(path.join(tmpdir(), "photo-finish-cwd-")),
      env: options.env ?? cleanEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    // Decoded as a stream: a character whose bytes straddle two chunks stays whole.
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Runs the `photo-finish` bin. */
export function runBin(args: readonly string[], options: Parameters<typeof run>[2] = {}): Promise<RunResult> {
  return run(process.execPath, [BIN, ...args], options);
}
