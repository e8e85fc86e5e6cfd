import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { configSchema } from "../../src/config.js";
import type { Dataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";
import { HttpServer } from "../../src/http/server.js";
import { createSlackAdapter } from "../../src/platforms/slack/adapter.js";
import { Runtime } from "../../src/runtime.js";
import { adapterDeps } from "./adapter-deps.js";
import { type Sink, startSink } from "./slack-requests.js";

/** The real Slack adapter in HTTP mode on the real shared server, on a free loopback port. */
export interface SlackEndpoint {
  /** `http://127.0.0.1:<port>/slack/events` */
  readonly url: string;
  /** Stands in for Slack's Web API and response_url: any call shows up here. */
  readonly sink: Sink;
  readonly runtime: Runtime;
  /** Every log line the process wrote, parsed. */
  readonly logLines: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts the Slack endpoint with a signing secret and a dummy token, logging into memory. */
export async function startSlackEndpoint(options: {
  readonly secret: string;
  readonly token: string;
  readonly level: "info" | "debug";
  readonly makeRuntime?: (data: Dataset, log: Logger) => Runtime;
}): Promise<SlackEndpoint> {
  const sink = await startSink();
  const logLines: Record<string, unknown>[] = [];
  const log = pino(
    { level: options.level },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    }),
  );
  const data = await loadDataset();
  const runtime = options.makeRuntime?.(data, log) ?? new Runtime(data, undefined, log);
  const config = configSchema.parse({ SLACK_SIGNING_SECRET: options.secret, SLACK_BOT_TOKEN: options.token });
  const http = new HttpServer(log);
  // Slack's Web API is pointed at the sink: a call to it (auth.test) would show up there.
  const adapter = createSlackAdapter(adapterDeps({ config, runtime, log, http }), {
    slackApiUrl: `${sink.url}/api/`,
  });
  await adapter.start();
  const address: AddressInfo = await http.listen(0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${address.port}/slack/events`,
    sink,
    runtime,
    logLines,
    async close() {
      await adapter.stop();
      await http.close();
      await sink.close();
    },
  };
}
