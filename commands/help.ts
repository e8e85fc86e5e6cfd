import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { findCommand } from "../src/core/parse.js";

/** `/help [command]`: every command with its usage, or one command in detail. */
export const help = defineCommand({
  name: "help",
  description: "How to use Photo Finish: every command, or one in detail",
  options: {
    command: { kind: "text", description: "A command to explain, e.g. margin" },
  },
  examples: ["/help", "/help margin"],
  run({ command }, { data, commands }) {
    if (command !== undefined) {
      const one = findCommand(commands, command.trim().split(/\s+/)[0] ?? "");
      return composeAnswer(data, {
        title: `/${one.name}`,
        summary: one.description,
        figures: Object.entries(one.options).map(([name, spec]) => ({
          label: `${name}${spec.required ? "" : " (optional)"}`,
          value: spec.description,
        })),
        notes: [
          `Usage: ${one.usage}`,
          `Examples: ${one.examples.join("  ·  ")}`,
          ...(one.aliases.length > 0
            ? [`Also answers to ${one.aliases.map((a) => `/${a}`).join(" and ")}.`]
            : []),
        ],
        ephemeral: true,
      });
    }
    return composeAnswer(data, {
      title: "Photo Finish: the closest finishes in NASCAR Cup history",
      summary: "Ask about races decided by a whisker. Names can be surnames, and typos are fine.",
      figures: commands.map((c) => ({ label: c.usage, value: c.description })),
      notes: [
        `Eras: ${data.eras.map((e) => `${e.id} (${e.to ? `${e.from.slice(0, 4)}–${e.to.slice(0, 4)}` : `${e.from.slice(0, 4)} on`})`).join(", ")}; all is the default.`,
        "Options can also be named: /closest count:5 era:nextgen track:talladega.",
        "Type /help <command> for details and examples.",
      ],
      ephemeral: true,
    });
  },
});
