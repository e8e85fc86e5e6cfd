import type { Logger } from "pino";
import type { Config } from "../../src/config.js";
import type { HttpServer } from "../../src/http/server.js";
import { Pipeline } from "../../src/pipeline/pipeline.js";
import { userKeyFrom } from "../../src/pipeline/user-id.js";
import type { AdapterDeps } from "../../src/platforms/platform.js";
import type { Runtime } from "../../src/runtime.js";

/** What main gives an adapter: the same, with one pipeline of its own for the test. */
export function adapterDeps(deps: {
  config: Config;
  runtime: Runtime;
  log: Logger;
  http: HttpServer | undefined;
}): AdapterDeps {
  return {
    ...deps,
    pipeline: new Pipeline({ runtime: deps.runtime, log: deps.log, userKey: userKeyFrom(deps.config) }),
  };
}
