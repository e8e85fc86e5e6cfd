import type { Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "pino";
import { LogLevel } from "./bolt.js";

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Bolt's logger interface on top of our pino logger, so Bolt's own warnings (a bad signature, a
 * dropped Socket Mode connection) land in the same JSON lines as ours instead of on stdout. Bolt
 * sets levels and names on the logger it is given; the process log level stays ours to decide.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  const write = (level: "debug" | "info" | "warn" | "error", parts: unknown[]) => {
    const error = parts.find((p): p is Error => p instanceof Error);
    const text = parts
      .filter((p) => p !== error)
      .map((p) => (typeof p === "string" ? p : safeStringify(p)))
      .join(" ");
    if (error) child[level]({ err: error }, text || error.message);
    else child[level](text);
  };
  return {
    debug: (...parts: unknown[]) => write("debug", parts),
    info: (...parts: unknown[]) => write("info", parts),
    warn: (...parts: unknown[]) => write("warn", parts),
    error: (...parts: unknown[]) => write("error", parts),
    setLevel: () => {},
    getLevel: () => {
      const level = log.level;
      if (level === "error" || level === "fatal" || level === "silent") return LogLevel.ERROR;
      if (level === "warn") return LogLevel.WARN;
      if (level === "info") return LogLevel.INFO;
      return LogLevel.DEBUG;
    },
    setName: () => {},
  };
}
