import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config.js";
import { loadDataset } from "../../src/data/load.js";
import { createSlackAdapter } from "../../src/platforms/slack/adapter.js";
import { Runtime } from "../../src/runtime.js";
import { adapterDeps } from "../helpers/adapter-deps.js";
import { type Sink, startSink } from "../helpers/slack-requests.js";

let sink: Sink;
let runtime: Runtime;
const log = pino({ level: "silent" });

beforeAll(async () => {
  sink = await startSink();
  runtime = new Runtime(await loadDataset(), undefined, log);
});

afterAll(async () => {
  if (sink) sink.body = undefined;
  await sink?.close();
});

const socketConfig = () =>
  configSchema.parse({
    SLACK_APP_TOKEN: "xapp-1-dummy-test-token",
    SLACK_BOT_TOKEN: "xoxb-dummy-test-token",
    // Both set: Socket Mode wins, as .env.example promises.
    SLACK_SIGNING_SECRET: "sockettestsecret0123456789abcdef",
  });

describe("Slack in Socket Mode", () => {
  it("is chosen when an app token is set, needs no HTTP server, and calls nothing until started", async () => {
    const adapter = createSlackAdapter(
      adapterDeps({ config: socketConfig(), runtime, log, http: undefined }),
      { slackApiUrl: `${sink.url}/api/` },
    );
    expect(adapter.name).toBe("slack-socket");
    await adapter.stop(); // stopping what never started is harmless
    expect(sink.requests).toEqual([]);
  });

  it("opens its connection with apps.connections.open, never auth.test, and fails start-up plainly when refused", async () => {
    const adapter = createSlackAdapter(
      adapterDeps({ config: socketConfig(), runtime, log, http: undefined }),
      { slackApiUrl: `${sink.url}/api/` },
    );
    // How Slack refuses a revoked or mistyped app token: an error to report, not to retry forever.
    sink.body = () => ({ ok: false, error: "invalid_auth" });
    await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
    await adapter.stop();
    const paths = sink.requests.map((r) => r.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p === "/api/apps.connections.open")).toBe(true);
  });

  it("refuses to start HTTP mode without the shared HTTP server", () => {
    const config = configSchema.parse({
      SLACK_SIGNING_SECRET: "httptestsecret0123456789abcdef",
      SLACK_BOT_TOKEN: "xoxb-dummy-test-token",
    });
    expect(() => createSlackAdapter(adapterDeps({ config, runtime, log, http: undefined }))).toThrow(
      /HTTP server/,
    );
  });
});
