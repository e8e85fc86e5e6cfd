import { spawnSync } from "node:child_process";
import path from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { median } from "./stats.js";

function wall(args: string[], command = process.execPath, input?: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: PACKAGE_ROOT,
    input,
    stdio: [input === undefined ? "ignore" : "pipe", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}`);
  return performance.now() - start;
}

/**
 * What the README's own commands cost, wrappers included: `npx photo-finish ask` (npx resolves the
 * bin first) and `npm start --silent` given `/quit` (from start to exit, so at least the time to the
 * prompt; nothing is compiled on start).
 */
export function benchWrappers(runs: number): { npxAskMs: number; npmStartMs: number } {
  const npx: number[] = [];
  const start: number[] = [];
  wall(["photo-finish", "ask", "/closest 5"], "npx");
  for (let i = 0; i < runs; i++) {
    npx.push(wall(["photo-finish", "ask", "/closest 5"], "npx"));
    start.push(wall(["start", "--silent"], "npm", "/quit\n"));
  }
  return { npxAskMs: median(npx), npmStartMs: median(start) };
}

/** `photo-finish ask` wall time next to bare `node -e 0`, alternating runs so noise hits both alike. */
export function benchAsk(runs: number): { askMs: number; nodeMs: number; ratio: number } {
  const bin = path.join(PACKAGE_ROOT, "bin", "photo-finish.js");
  const ask: number[] = [];
  const bare: number[] = [];
  wall(["-e", "0"]);
  wall([bin, "ask", "/closest 5"]);
  for (let i = 0; i < runs; i++) {
    bare.push(wall(["-e", "0"]));
    ask.push(wall([bin, "ask", "/closest 5"]));
  }
  const askMs = median(ask);
  const nodeMs = median(bare);
  return { askMs, nodeMs, ratio: askMs / nodeMs };
}
