import type { Adapter, AdapterDeps } from "./adapter.js";

// PLACEHOLDER until the platform issue lands: refuses to start rather than pretend.
export function createSlackAdapter(_deps: AdapterDeps): Adapter {
  throw new Error("slack adapter is not built yet");
}
