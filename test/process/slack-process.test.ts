import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { CHART_NEEDS_BASE_URL } from "../../src/platforms/slack/charts.js";
import type { SlackMessage } from "../../src/platforms/slack/render.js";
import { freePort } from "../helpers/server-process.js";
import { postToSlackEndpoint, slashCommandBody } from "../helpers/slack-requests.js";

const SECRET = "processtestsecret0123456789abcdef";

let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

/** Starts the real bin as `npm start` would, and resolves with the port it logged once listening. */
async function startBot(): Promise<{ port: number; stderr: () => string }> {
  // A fresh working folder, so a developer's .env cannot change what this test runs.
  const cwd = mkdtempSync(path.join(tmpdir(), "pf-slack-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-dummy-not-a-real-token",
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
  };
  const proc = spawn(process.execPath, [path.join(PACKAGE_ROOT, "bin/photo-finish.js")], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${stderr}`)), 20_000);
    proc.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /"port":(\d+)[^\n]*"msg":"HTTP server listening"/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ port: Number(match[1]), stderr: () => stderr });
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}:\n${stderr}`));
    });
  });
}

describe("photo-finish with Slack HTTP settings", () => {
  it("answers a signed slash command on 127.0.0.1 with only a signing secret and a dummy token", async () => {
    const { port, stderr } = await startBot();
    const body = slashCommandBody("/margin", "0.5 nextgen", "http://127.0.0.1:9/unused");
    const reply = await postToSlackEndpoint(`http://127.0.0.1:${port}/slack/events`, body, {
      secret: SECRET,
    });
    expect(reply.status, stderr()).toBe(200);
    const message = reply.json as SlackMessage;
    expect(message.response_type).toBe("in_channel");
    expect(message.text).toContain("38 of the 108");
    // Charts are off without PUBLIC_BASE_URL: the operator reads why in the log, once; the fan never does.
    expect(JSON.stringify(message)).not.toMatch(/PUBLIC_BASE_URL|No chart/);
    expect(stderr().split(CHART_NEEDS_BASE_URL)).toHaveLength(2);
    const unsigned = await postToSlackEndpoint(`http://127.0.0.1:${port}/slack/events`, body, {
      headers: {},
    });
    expect(unsigned.status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr()).toMatch(/"platform":"slack"[^\n]*"msg":"interaction"/);
    expect(stderr()).not.toContain("U0TESTUSER");
  });
});
