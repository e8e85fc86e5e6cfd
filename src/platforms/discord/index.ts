import type { Config } from "../../config.js";
import type { Adapter, AdapterDeps, PlatformModule } from "../platform.js";

/** The gateway bot, with DISCORD_API_URL as its REST base when set (a proxy or a test stand-in). */
export async function createGateway(deps: AdapterDeps): Promise<Adapter> {
  const { createDiscordGatewayAdapter } = await import("./gateway.js");
  const api = deps.config.DISCORD_API_URL;
  return createDiscordGatewayAdapter(deps, api ? { rest: { api } } : {});
}

/**
 * Discord: the gateway bot (DISCORD_TOKEN), as shard processes with `--shards`, and the HTTP
 * interactions endpoint (DISCORD_PUBLIC_KEY). Each loads discord.js (or nothing but verification
 * code, for HTTP) only when turned on.
 */
export const discordPlatform: PlatformModule = {
  name: "discord",
  enabled: (config: Config) => Boolean(config.DISCORD_TOKEN || config.DISCORD_PUBLIC_KEY),
  needsHttp: (config: Config) => Boolean(config.DISCORD_PUBLIC_KEY),
  async create(deps) {
    const adapters: Adapter[] = [];
    if (deps.config.DISCORD_TOKEN && deps.shards !== undefined) {
      const { createDiscordShardsAdapter } = await import("./shards.js");
      adapters.push(createDiscordShardsAdapter(deps, deps.shards));
    } else if (deps.config.DISCORD_TOKEN) adapters.push(await createGateway(deps));
    if (deps.config.DISCORD_PUBLIC_KEY) {
      const { createDiscordHttpAdapter } = await import("./http.js");
      adapters.push(createDiscordHttpAdapter(deps));
    }
    return adapters;
  },
};
