import { execFileSync } from "node:child_process";
import { generateKeyPairSync, pbkdf2, sign } from "node:crypto";
import { closeSync, constants, mkdtempSync, openSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publicKeyFromHex, verifyDiscordRequest } from "../../src/platforms/discord/verify.js";

/** Opens a FIFO for reading `count` times: each open waits in a pool thread until a writer comes. */
function blockThreadPool(count: number) {
  const fifo = path.join(mkdtempSync(path.join(tmpdir(), "photo-finish-pool-")), "stall");
  execFileSync("mkfifo", [fifo]);
  const readers: Promise<FileHandle>[] = Array.from({ length: count }, () => open(fifo, "r"));
  return {
    /** A writer arrives: every waiting open returns, and the pool is free again. */
    async release() {
      const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      for (const reader of await Promise.all(readers)) await reader.close();
      closeSync(writer);
    },
  };
}

describe("Discord signature checks when the thread pool is stalled", () => {
  it("are done on the event loop instead, well inside Discord's 3 s, with the same verdicts", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const key = publicKeyFromHex(
      publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex"),
    );
    const body = Buffer.from(JSON.stringify({ type: 1 }));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString("hex");
    const forged = `${signature.slice(0, -2)}${signature.endsWith("00") ? "01" : "00"}`;

    // More stalled opens than any pool this test runs with has threads.
    const stall = blockThreadPool(64);
    let poolAnswered = false;
    pbkdf2("x", "y", 1, 8, "sha256", () => {
      poolAnswered = true;
    });
    try {
      const started = performance.now();
      const verdicts = await Promise.all([
        verifyDiscordRequest(key, { signature, timestamp }, body),
        verifyDiscordRequest(key, { signature: forged, timestamp }, body),
      ]);
      expect(verdicts).toEqual([undefined, "mismatch"]);
      expect(performance.now() - started).toBeLessThan(1_000);
      // The pool really was stalled the whole time: a job queued before the checks never ran.
      expect(poolAnswered).toBe(false);
    } finally {
      await stall.release();
    }
  });
});
