import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT, PRODUCTION_NODE_FLAGS } from "../../src/paths.js";

/** The node flags a command line passes before the script, in order. */
function flagsOf(commandLine: string): string[] {
  return commandLine
    .trim()
    .split(/\s+/)
    .filter((word) => word.startsWith("--"));
}

describe("the bot's Node flags", () => {
  it("are the same for npm start, the bin's shebang, shard processes and the benchmark", () => {
    const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const shebang =
      readFileSync(path.join(PACKAGE_ROOT, "bin", "photo-finish.js"), "utf8").split("\n")[0] ?? "";
    expect(shebang.startsWith("#!/usr/bin/env -S node ")).toBe(true);
    expect(flagsOf(pkg.scripts.start ?? "")).toEqual([...PRODUCTION_NODE_FLAGS]);
    expect(flagsOf(shebang)).toEqual([...PRODUCTION_NODE_FLAGS]);
    expect(PRODUCTION_NODE_FLAGS.length).toBeGreaterThan(0);
  });
});
