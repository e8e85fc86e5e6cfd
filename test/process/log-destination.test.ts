import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { run } from "../helpers/cli.js";

/** The built logger module, as the bin loads it. */
const LOG_MODULE = path.join(PACKAGE_ROOT, "dist", "src", "log.js");
const LINES = 20_000;

describe("the process logger's stderr", () => {
  it("delivers every line, whole and in order, when the process exits right after a burst", async () => {
    // A burst far larger than one write, with multi-byte text, then an exit with writes still pending.
    const script = `
      const { createLogger } = await import(${JSON.stringify(LOG_MODULE)});
      const log = await createLogger({ level: "info", pretty: false });
      for (let i = 0; i < ${LINES}; i++) log.info({ i, driver: "Ricky Stenhouse Jr. · Daniel Suárez 🏁" }, "line");
      process.exit(0);
    `;
    const result = await run(process.execPath, ["--input-type=module", "-e", script], { timeoutMs: 25_000 });
    expect(result.code).toBe(0);
    const lines = result.stderr.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(LINES);
    const parsed = lines.map((line) => JSON.parse(line) as { i: number; driver: string; msg: string });
    expect(parsed.map((line) => line.i)).toEqual(Array.from({ length: LINES }, (_, i) => i));
    expect(new Set(parsed.map((line) => line.driver))).toEqual(
      new Set(["Ricky Stenhouse Jr. · Daniel Suárez 🏁"]),
    );
  });
});
