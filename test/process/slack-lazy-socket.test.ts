import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { run } from "../helpers/cli.js";

/** The built module that loads Bolt, as the bin loads it. */
const BOLT_MODULE = path.join(PACKAGE_ROOT, "dist", "src", "platforms", "slack", "bolt.js");

describe("Bolt's Socket Mode receiver", () => {
  it("is not loaded by an HTTP-mode bot, and is loaded and real once Socket Mode asks for it", async () => {
    // A fresh process: the module cache is the thing under test.
    const script = `
      import { createRequire } from "node:module";
      const require = createRequire(import.meta.url);
      const socketModules = () => Object.keys(require.cache).filter((f) => f.includes("/@slack/socket-mode/")).length;
      const { App } = await import(${JSON.stringify(BOLT_MODULE)});
      const before = socketModules();
      const app = new App({ socketMode: true, appToken: "xapp-1-A1-1-test", token: "xoxb-test", logLevel: "error" });
      const { default: SocketModeReceiver } = require("@slack/bolt/dist/receivers/SocketModeReceiver.js");
      console.log(JSON.stringify({ before, after: socketModules(), real: app.receiver instanceof SocketModeReceiver }));
      process.exit(0);
    `;
    const result = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: PACKAGE_ROOT,
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { before: number; after: number; real: boolean };
    expect(report.before).toBe(0);
    expect(report.after).toBeGreaterThan(0);
    expect(report.real).toBe(true);
  });
});
