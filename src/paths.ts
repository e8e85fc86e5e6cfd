import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's root folder, found by walking up from this file, so the same code works from
 * `src/` (tests, tsx) and from `dist/src/` (the built bin).
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("photo-finish: cannot find package.json above the code");
    dir = parent;
  }
  return dir;
}

/** Root folder of the installed package. */
export const PACKAGE_ROOT = findPackageRoot();

/**
 * Node flags the bot runs with (npm start, the bin's shebang, shard processes, the benchmark): the
 * memory settings explained in bin/photo-finish.js. The three places are checked to agree by a test.
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = [
  "--max-semi-space-size=1",
  "--heap-growing-percent=10",
];

/**
 * V8 flags the bin sets at run time, before any of the bot's modules load (they only steer the
 * garbage collector, so they need no command line, and the shebang has no room left). Start-up runs
 * thousands of functions once (the Discord and Slack SDKs, data validation); flushing their bytecode
 * after 2 collections without use rather than 5, and their baseline code too, keeps about 2 MB less
 * heap alive, idle and after load (measured with full GCs). A flushed function that runs again is
 * simply compiled again; the hot path never goes unused long enough.
 */
export const RUNTIME_V8_FLAGS: readonly string[] = ["--bytecode-old-age=2", "--flush-baseline-code"];

/**
 * Environment the bot runs with, set by the same three places: glibc reads these only when a process
 * starts. Two malloc arenas instead of one per thread, and returning free memory above 128 kB to the
 * system, let the memory that chart threads used go back once they retire (measured: about 15 MB).
 */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_TRIM_THRESHOLD_: "131072",
};

/** The data folder that ships with the package. */
export const DEFAULT_DATA_DIR = path.join(PACKAGE_ROOT, "data");
