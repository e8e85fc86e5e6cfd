import type { Answer } from "../core/answer.js";

// PLACEHOLDER until the Slack issue lands.
export function toSlackMessage(_answer: Answer, _page = 0): object {
  throw new Error("the Slack renderer is not built yet");
}
