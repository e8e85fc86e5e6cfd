import path from "node:path";
import { ShardingManager } from "discord.js";
import { PACKAGE_ROOT, PRODUCTION_ENV, PRODUCTION_NODE_FLAGS } from "../../paths.js";
import type { Adapter, AdapterDeps } from "../platform.js";

/** How many gateway shards to run: a number, or Discord's recommendation. */
export type ShardCount = number | "auto";

/** How long to wait for each shard's READY before start-up gives up. */
const SHARD_READY_TIMEOUT_MS = 60_000;

/**
 * The Discord gateway across processes, with discord.js's ShardingManager: one child process per
 * shard, each running this same bin, which sees the manager's environment and starts only the
 * gateway bot (see main). The parent keeps the HTTP endpoints and Slack.
 */
export function createDiscordShardsAdapter(deps: AdapterDeps, shards: ShardCount): Adapter {
  const log = deps.log.child({ adapter: "discord-shards" });
  const token = deps.config.DISCORD_TOKEN;
  if (!token) throw new Error("sharding the Discord gateway needs DISCORD_TOKEN");
  const manager = new ShardingManager(path.join(PACKAGE_ROOT, "bin", "photo-finish.js"), {
    token,
    totalShards: shards,
    mode: "process",
    respawn: true,
    execArgv: [...PRODUCTION_NODE_FLAGS],
  });
  manager.on("shardCreate", (shard) => {
    log.info({ shard: shard.id, of: manager.totalShards }, "Discord shard process started");
    shard.on("death", () => {
      if (manager.respawn) log.warn({ shard: shard.id }, "Discord shard process died; respawning");
      else log.info({ shard: shard.id }, "Discord shard process stopped");
    });
    shard.on("error", (error) => log.error({ err: error, shard: shard.id }, "Discord shard process error"));
  });
  return {
    name: "discord-shards",
    async start() {
      // Shard processes inherit this process's environment (ShardingManager takes no env of its own),
      // so they get the production malloc settings even when this process was started without them.
      for (const [name, value] of Object.entries(PRODUCTION_ENV)) process.env[name] ??= value;
      await manager.spawn({ timeout: SHARD_READY_TIMEOUT_MS });
      log.info({ shards: manager.totalShards }, "every Discord shard is ready");
    },
    async stop() {
      // Each shard gets SIGTERM and drains on its own (the same shutdown as a single process).
      manager.respawn = false;
      await Promise.allSettled(
        [...manager.shards.values()].map(
          (shard) =>
            new Promise<void>((resolve) => {
              const child = shard.process;
              if (!child || child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
