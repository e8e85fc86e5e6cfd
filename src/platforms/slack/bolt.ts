/**
 * Bolt's App, its HTTP receiver and its log levels, loaded from their own files. Bolt's index also
 * loads every receiver and helper this bot never uses (the Express receiver with its ~60 modules, AWS
 * Lambda, the assistant): about 120 modules and 1.6 MB of heap held for the life of the process.
 * Bolt has no "exports" map, so these files are reachable by design; the Slack tests exercise all
 * three, and should a Bolt release move or close them off, the index is loaded instead.
 */
import { createRequire, Module } from "node:module";

// require, not import: Node and Vitest disagree on what a default import of a CommonJS file is.
const require = createRequire(import.meta.url);

/**
 * Bolt's App requires its Socket Mode receiver when it loads, and with it @slack/socket-mode and
 * its own copy of undici: about 4 MB of heap (measured) held for the life of a bot that answers
 * Slack over HTTP and never uses them. Until App constructs one (it does only in Socket Mode), a
 * stand-in takes the receiver's place in the module cache; constructing it loads the real receiver
 * and returns a real one, so Socket Mode works as before and HTTP mode never loads it.
 */
function deferSocketModeReceiver(): void {
  const file = require.resolve("@slack/bolt/dist/receivers/SocketModeReceiver.js");
  if (require.cache[file]) return;
  const loadReal = () => {
    if (require.cache[file] === standIn) delete require.cache[file];
    return (require(file) as typeof import("@slack/bolt/dist/receivers/SocketModeReceiver.js")).default;
  };
  class DeferredSocketModeReceiver {
    // Modules that loaded meanwhile keep this class (App's own check among them): a real receiver
    // counts as an instance of it too.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof loadReal();
    }
    constructor(...args: ConstructorParameters<ReturnType<typeof loadReal>>) {
      const Real = loadReal();
      // biome-ignore lint/correctness/noConstructorReturn: the stand-in hands back the real receiver.
      return new Real(...args);
    }
  }
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = { __esModule: true, default: DeferredSocketModeReceiver };
  require.cache[file] = standIn;
}

/** Bolt's parts from their own files; from its index should a release close them off. */
function loadBolt() {
  try {
    deferSocketModeReceiver();
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
