import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT, PRODUCTION_ENV, PRODUCTION_NODE_FLAGS, RUNTIME_V8_FLAGS } from "../../src/paths.js";

/** The environment assignments and node flags a command line sets before the script. */
function settingsOf(commandLine: string): { env: Record<string, string>; flags: string[] } {
  const words = commandLine.trim().split(/\s+/);
  const env: Record<string, string> = {};
  for (const word of words) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (assignment) env[assignment[1] as string] = assignment[2] as string;
  }
  return { env, flags: words.filter((word) => word.startsWith("--")) };
}

describe("the bot's process settings", () => {
  it("are the same for npm start, the bin's shebang, shard processes and the benchmark", () => {
    const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const shebang =
      readFileSync(path.join(PACKAGE_ROOT, "bin", "photo-finish.js"), "utf8").split("\n")[0] ?? "";
    expect(shebang.startsWith("#!/usr/bin/env -S ")).toBe(true);
    // Linux reads at most 255 bytes of a shebang line (127 before 5.1): keep it well inside.
    expect(shebang.length).toBeLessThan(128);
    const start = settingsOf(pkg.scripts.start ?? "");
    const bin = settingsOf(shebang);
    expect(start).toEqual(bin);
    expect(start.flags).toEqual([...PRODUCTION_NODE_FLAGS]);
    expect(start.env).toEqual({ ...PRODUCTION_ENV });
    expect(PRODUCTION_NODE_FLAGS.length).toBeGreaterThan(0);
  });

  it("set at run time are flags this Node's V8 knows (it ignores unknown ones without a word)", () => {
    const known = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(RUNTIME_V8_FLAGS.length).toBeGreaterThan(0);
    for (const flag of RUNTIME_V8_FLAGS) {
      const name = flag.replace(/^--/, "").replace(/=.*$/, "");
      expect(known, flag).toMatch(new RegExp(`^\\s+--${name} `, "m"));
    }
  });
});
