import { type CommandContext, findOption } from "../core/command.js";
import type { OptionInput } from "./request.js";

/** How many suggestions are worked out; platforms show fewer if their limit is lower. */
export const SUGGESTIONS_MAX = 25;

/**
 * Values for the option being typed (the focused one), best first: driver and track names, or
 * command names for /help's topic. Not cut to any platform's limits: the renderer does that.
 */
export function suggestValues(
  context: CommandContext,
  commandName: string,
  options: readonly OptionInput[],
): string[] {
  const focused = options.find((o) => o.focused);
  const command = context.commands.find((c) => c.name === commandName);
  const spec = focused && command ? findOption(command, focused.name) : undefined;
  if (!focused || !spec) return [];
  const typed = String(focused.value ?? "");
  switch (spec.kind) {
    case "driver":
      return context.data.driverNames.suggest(typed, SUGGESTIONS_MAX).map((d) => d.name);
    case "track":
      return context.data.trackNames.suggest(typed, SUGGESTIONS_MAX).map((t) => t.name);
    case "text": {
      // The one free-text option is /help's topic: offer command names, those starting with the text first.
      const wanted = typed.trim().replace(/^\//, "").toLowerCase();
      const all = context.commands.map((c) => c.name);
      return [
        ...all.filter((n) => n.startsWith(wanted)),
        ...all.filter((n) => !n.startsWith(wanted) && n.includes(wanted)),
      ];
    }
    default:
      return [];
  }
}
