import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { HttpServer } from "../http/server.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import type { Runtime } from "../runtime.js";

/**
 * What every adapter is given: configuration, the data, a logger, the one pipeline every interaction
 * goes through, and the shared HTTP server.
 */
export interface AdapterDeps {
  readonly config: Config;
  readonly runtime: Runtime;
  readonly log: Logger;
  readonly pipeline: Pipeline;
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

/** What a platform's adapters are created with: the adapter deps, and how `photo-finish` was started. */
export interface PlatformDeps extends AdapterDeps {
  /** `--shards N|auto`: run the Discord gateway as shard processes (the only platform that shards). */
  readonly shards?: number | "auto";
}

/**
 * A chat platform as main sees it: one object per folder under src/platforms, listed once in
 * src/main.ts. Its module must stay light (no SDK import): SDKs load inside `create`, and only for
 * the platforms the configuration turns on.
 */
export interface PlatformModule {
  readonly name: string;
  /** Whether the configuration turns this platform on. */
  enabled(config: Config): boolean;
  /** Whether it needs the shared HTTP server (an endpoint, or files it serves). */
  needsHttp(config: Config): boolean;
  /** Creates its adapters; routes must be added to `deps.http` here or in `start()`, before it listens. */
  create(deps: PlatformDeps): Promise<Adapter[]>;
}
