#!/usr/bin/env node
// Entry point of the `photo-finish` bin: runs the compiled CLI (npm install builds it).
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
