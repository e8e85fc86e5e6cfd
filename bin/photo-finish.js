#!/usr/bin/env -S node --max-semi-space-size=1
// Entry point of the `photo-finish` bin: runs the compiled CLI (npm install builds it).
// A 1 MB young generation (PRODUCTION_NODE_FLAGS in src/paths.ts, also in `npm start`) keeps a bot
// with every SDK loaded about 12 MB smaller; its answers allocate little, so throughput holds.
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`photo-finish: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
