import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { HttpServer } from "../http/server.js";
import type { Runtime } from "../runtime.js";

/** What every adapter is given: configuration, the data, a logger, and the shared HTTP server. */
export interface AdapterDeps {
  readonly config: Config;
  readonly runtime: Runtime;
  readonly log: Logger;
  /** Present when an HTTP feature is on; routes must be added before it listens. */
  readonly http: HttpServer | undefined;
}

/** One connection to one platform, started and stopped by main. */
export interface Adapter {
  readonly name: string;
  /** Connects (or registers routes); resolves once the adapter can answer. */
  start(): Promise<void>;
  /** Stops taking new work and lets in-flight interactions finish. */
  stop(): Promise<void>;
}
