import { spawnSync } from "node:child_process";
import path from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { median } from "./stats.js";

function wall(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return performance.now() - start;
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
