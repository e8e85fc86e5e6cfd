import type { Answer } from "../core/answer.js";

// PLACEHOLDER until the Discord issue lands.
export function toDiscordResponse(_answer: Answer, _page = 0): object {
  throw new Error("the Discord renderer is not built yet");
}
