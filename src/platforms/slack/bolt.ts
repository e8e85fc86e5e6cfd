/**
 * Bolt's App, its HTTP receiver and its log levels, loaded from their own files. Bolt's index also
 * loads every receiver and helper this bot never uses (the Express receiver with its ~60 modules, AWS
 * Lambda, the assistant): about 120 modules and 1.6 MB of heap held for the life of the process.
 * Bolt has no "exports" map, so these files are reachable by design; the Slack tests exercise all
 * three, and should a Bolt release move or close them off, the index is loaded instead.
 */
import { createRequire } from "node:module";

// require, not import: Node and Vitest disagree on what a default import of a CommonJS file is.
const require = createRequire(import.meta.url);

/** Bolt's parts from their own files; from its index should a release close them off. */
function loadBolt() {
  try {
    const appModule = require("@slack/bolt/dist/App.js") as typeof import("@slack/bolt/dist/App.js");
    const receiverModule =
      require("@slack/bolt/dist/receivers/HTTPReceiver.js") as typeof import("@slack/bolt/dist/receivers/HTTPReceiver.js");
    return { App: appModule.default, HTTPReceiver: receiverModule.default, LogLevel: appModule.LogLevel };
  } catch {
    return require("@slack/bolt") as typeof import("@slack/bolt");
  }
}

const bolt = loadBolt();
export const App = bolt.App;
export type App = InstanceType<typeof App>;
export const HTTPReceiver = bolt.HTTPReceiver;
export type HTTPReceiver = InstanceType<typeof HTTPReceiver>;
export const LogLevel = bolt.LogLevel;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];
