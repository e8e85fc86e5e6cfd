import type { Adapter, AdapterDeps } from "./adapter.js";

// PLACEHOLDER until the platform issue lands: refuses to start rather than pretend.
export function createDiscordGatewayAdapter(_deps: AdapterDeps): Adapter {
  throw new Error("discord-gateway adapter is not built yet");
}
