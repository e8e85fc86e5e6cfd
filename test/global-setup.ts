import { execFileSync } from "node:child_process";

/** Tests spawn the real `photo-finish` bin, which runs the compiled code: build it once first. */
export default function setup(): void {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
