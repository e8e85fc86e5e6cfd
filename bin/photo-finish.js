#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072 node --max-semi-space-size=1 --heap-growing-percent=10
// Entry point of the `photo-finish` bin: runs the compiled CLI (npm install builds it; `npm start`
// does not rebuild, so the prompt comes up at once: run `npm run build` after editing src/).
// Memory settings (PRODUCTION_ENV and PRODUCTION_NODE_FLAGS in src/paths.ts, also in `npm start`): two
// malloc arenas that give free memory back, so chart threads leave nothing behind; a 1 MB young generation
// keeps a bot with every SDK loaded about 12 MB smaller; growing the old generation by 10% rather than
// V8's default (up to 4×) keeps a burst of requests from leaving the heap tens of MB larger. Answers
// allocate little, so neither costs throughput (measured side by side).
// Code-flushing flags (RUNTIME_V8_FLAGS) are set here, before the CLI and the SDKs load.
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

const compiled = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write("photo-finish: not built yet; run `npm run build` (npm install does it too)\n");
  process.exit(1);
}
const { RUNTIME_V8_FLAGS } = await import(new URL("../dist/src/paths.js", import.meta.url).href);
for (const flag of RUNTIME_V8_FLAGS) setFlagsFromString(flag);
const { main } = await import(compiled.href);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`photo-finish: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
