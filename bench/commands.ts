import { commands } from "../commands/index.js";
import type { Answer } from "../src/core/answer.js";
import type { CommandContext, Platform } from "../src/core/command.js";
import { answerLine } from "../src/core/respond.js";
import type { Dataset } from "../src/data/dataset.js";
import { toDiscordResponse } from "../src/platforms/discord/render.js";
import { toSlackMessage } from "../src/platforms/slack/render.js";
import { renderText } from "../src/platforms/terminal/render.js";
import { percentile, timeMany } from "./stats.js";

/** The command lines each dataset is measured with: every command, filtered and not. */
export const BENCH_LINES = [
  "/closest",
  "/closest 25 nextgen",
  "/closest 5 talladega 2023",
  "/driver Buescher",
  "/driver Larsen all",
  "/margin 0.5 nextgen",
  "/margin 10",
  "/track Daytona",
  "/season 2023",
  "/season 2021",
  "/margin 0.1 2020",
  "/driver Jeff Gordon",
  "/race latest",
  "/race 2024 kansas 1",
  "/versus Larson Buescher",
  "/leaders all involved",
  "/help",
  "/about",
] as const;

const RENDERERS: Record<string, { platform: Platform; render: (answer: Answer) => unknown }> = {
  text: { platform: "terminal", render: renderText },
  discord: { platform: "discord", render: (answer) => toDiscordResponse(answer) },
  slack: { platform: "slack", render: (answer) => toSlackMessage(answer) },
};

/** One command line on one platform: cold (first call on fresh data), then warm p50 and p99. */
export interface CommandFigure {
  readonly dataset: string;
  readonly races: number;
  readonly line: string;
  readonly platform: string;
  readonly coldMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Times parse → query → render for every line and platform on one dataset. */
export function benchCommands(name: string, data: Dataset, iterations: number): CommandFigure[] {
  const figures: CommandFigure[] = [];
  for (const line of BENCH_LINES) {
    for (const [platform, { platform: kind, render }] of Object.entries(RENDERERS)) {
      const context: CommandContext = { data, commands, platform: kind };
      const once = () => {
        const outcome = answerLine(context, line);
        if (outcome.status === "failed") throw new Error(`${line} failed in the benchmark`);
        render(outcome.answer);
      };
      // Derived figures are memoised per dataset; clear them so the first call shows the cold cost.
      data.memo.clear();
      const start = performance.now();
      once();
      const coldMs = performance.now() - start;
      const times = timeMany(once, iterations);
      figures.push({
        dataset: name,
        races: data.races.length,
        line,
        platform,
        coldMs,
        p50Ms: percentile(times, 50),
        p99Ms: percentile(times, 99),
      });
    }
  }
  return figures;
}
