import type { Adapter, AdapterDeps } from "./adapter.js";

// PLACEHOLDER until the platform issue lands: refuses to start rather than pretend.
export function createDiscordHttpAdapter(_deps: AdapterDeps): Adapter {
  throw new Error("discord-http adapter is not built yet");
}
