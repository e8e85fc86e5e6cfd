import { spawnSync } from "node:child_process";

/**
 * Tests spawn the real `photo-finish` bin, which runs the compiled code: build it once first. Type
 * errors do not stop the build (tsc still emits); `npm test` type-checks separately and fails on them.
 */
export default function setup(): void {
  const result = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  if (result.error) throw result.error;
}
