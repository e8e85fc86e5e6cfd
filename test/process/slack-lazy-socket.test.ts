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
      const receiverFile = "@slack/bolt/dist/receivers/SocketModeReceiver.js";
      const { App } = await import(${JSON.stringify(BOLT_MODULE)});
      const before = socketModules();
      // What any module loaded meanwhile holds: the stand-in class.
      const { default: StandIn } = require(receiverFile);
      // No token check: it would call slack.com (authorize is what the adapter passes instead).
      const app = new App({ socketMode: true, appToken: "xapp-1-A1-1-test", authorize: async () => ({ botToken: "xoxb-test" }), logLevel: "error" });
      const { default: SocketModeReceiver } = require(receiverFile);
      console.log(JSON.stringify({
        before,
        after: socketModules(),
        real: app.receiver instanceof SocketModeReceiver && SocketModeReceiver !== StandIn,
        standInRecognisesIt: app.receiver instanceof StandIn,
      }));
      process.exit(0);
    `;
    const result = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: PACKAGE_ROOT,
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      before: number;
      after: number;
      real: boolean;
      standInRecognisesIt: boolean;
    };
    expect(report.before).toBe(0);
    expect(report.after).toBeGreaterThan(0);
    expect(report.real).toBe(true);
    expect(report.standInRecognisesIt).toBe(true);
  });
});
