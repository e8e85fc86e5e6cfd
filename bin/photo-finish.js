#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072 node --max-semi-space-size=1 --heap-growing-percent=10
// Entry point of the `photo-finish` bin: runs the compiled CLI (npm install builds it; `npm start`
// does not rebuild, so the prompt comes up at once: run `npm run build` after editing src/).
// Memory settings (PRODUCTION_ENV and PRODUCTION_NODE_FLAGS in src/paths.ts, also in `npm start`): two
// malloc arenas that give free memory back, so chart threads leave nothing behind; a 1 MB young generation
// keeps a bot with every SDK loaded about 12 MB smaller; growing the old generation by 10% rather than
// V8's default (up to 4×) keeps a burst of requests from leaving the heap tens of MB larger. Answers
// allocate little, so neither costs throughput (measured side by side).
// CommonJS (bin/package.json), because libuv sizes its thread pool from UV_THREADPOOL_SIZE the
// first time the pool is used, and an ES module entry has used it (to read files) before its first
// line runs. The size is set before anything is imported; an operator's own setting wins.
"use strict";
const { availableParallelism } = require("node:os");
const { threadPoolSize } = require("./thread-pool.js");

process.env.UV_THREADPOOL_SIZE ??= String(threadPoolSize(availableParallelism()));

const { existsSync } = require("node:fs");
const { setFlagsFromString } = require("node:v8");
const { pathToFileURL } = require("node:url");
const path = require("node:path");

async function run() {
  const compiled = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
  if (!existsSync(compiled)) {
    process.stderr.write("photo-finish: not built yet; run `npm run build` (npm install does it too)\n");
    return 1;
  }
  // Code-flushing flags (RUNTIME_V8_FLAGS), set before the CLI and the SDKs load.
  const paths = path.join(__dirname, "..", "dist", "src", "paths.js");
  const { RUNTIME_V8_FLAGS } = await import(pathToFileURL(paths).href);
  for (const flag of RUNTIME_V8_FLAGS) setFlagsFromString(flag);
  const { main } = await import(pathToFileURL(compiled).href);
  return main(process.argv.slice(2));
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`photo-finish: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
