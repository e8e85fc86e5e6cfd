import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { threadPoolSize } from "../../bin/thread-pool.js";
import { BIN, cleanEnv } from "../helpers/cli.js";
import { freePort } from "../helpers/server-process.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/**
 * Starts the bot's Discord endpoint with `poolSize` in UV_THREADPOOL_SIZE (or none), has it check
 * 12 signatures at once so every pool thread starts, and counts the process's threads.
 */
async function threadsWith(poolSize: string | undefined): Promise<number> {
  const key = generateKeyPairSync("ed25519").publicKey;
  const hex = key.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  const port = await freePort();
  const env = cleanEnv({ PORT: String(port), HOST: "127.0.0.1", DISCORD_PUBLIC_KEY: hex });
  delete env.UV_THREADPOOL_SIZE;
  if (poolSize !== undefined) env.UV_THREADPOOL_SIZE = poolSize;
  const child = spawn(process.execPath, [BIN], { env, stdio: ["ignore", "ignore", "pipe"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("HTTP server listening")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the bot exited ${code} before listening`)));
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const statuses = await Promise.all(
    Array.from({ length: 12 }, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
        method: "POST",
        body: JSON.stringify({ type: 1 }),
        headers: { "x-signature-ed25519": "ab".repeat(64), "x-signature-timestamp": timestamp },
      });
      return response.status;
    }),
  );
  expect(statuses.every((status) => status === 401)).toBe(true);
  const threads = readdirSync(`/proc/${child.pid}/task`).length;
  child.kill("SIGKILL");
  return threads;
}

describe("libuv's thread pool", () => {
  it("is sized for the machine before anything uses it, and an operator's UV_THREADPOOL_SIZE wins", async () => {
    const size = threadPoolSize(availableParallelism());
    const unset = await threadsWith(undefined);
    // The same process with that size asked for explicitly, and with libuv's default of 4.
    expect(await threadsWith(String(size))).toBe(unset);
    expect((await threadsWith("4")) - unset).toBe(4 - size);
  }, 30_000);

  it("gets one thread fewer than the cores, at least 2 and at most 4", () => {
    expect([1, 2, 3, 4, 5, 8, 64].map(threadPoolSize)).toEqual([2, 2, 2, 3, 4, 4, 4]);
  });
});
