import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { CommandContext } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";
import { parseArguments } from "../../src/core/parse.js";
import type { Dataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";
import type { Pipeline } from "../../src/pipeline/pipeline.js";
import { slashCommandRequest } from "../../src/platforms/slack/interactions.js";
import { UMBRELLA_COMMAND } from "../../src/platforms/slack/manifest.js";
import { toSlackMessage } from "../../src/platforms/slack/render.js";
import { answerReply, pipelineFor, unlimited } from "../helpers/pipeline.js";
import { slackViolations } from "../helpers/slack-limits.js";

let data: Dataset;
let context: CommandContext;
let pipeline: Pipeline;

beforeAll(async () => {
  data = await loadDataset();
  context = { data, commands, platform: "slack" };
  pipeline = pipelineFor(context, { limits: unlimited() });
});

/** Words Slack users type after a command: values, keywords, names, quotes, separators, junk. */
const word = () =>
  fc.oneof(
    fc.constantFrom(
      "0.5",
      ".001",
      "10",
      "11",
      "0",
      "-3",
      "1e3",
      "0.0005",
      "2023",
      "1992",
      "3000",
      "nextgen",
      "next gen",
      "gen7",
      "all",
      "talladega",
      "Daytona",
      "Larson",
      "Buescher",
      "Busch",
      "Kyle Busch",
      "Suárez",
      "vs",
      "and",
      ",",
      '"',
      "“",
      "”",
      "'",
      "era:nextgen",
      "count:5",
      "seconds=0.1",
      "name:",
      ":",
      "=",
      "wins",
      "runnerups",
      "<@U123>",
      "&amp;",
      "*bold*",
    ),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 8 }),
  );

const slackText = fc.oneof(
  fc.array(word(), { maxLength: 8 }).map((words) => words.join(" ")),
  fc.string({ maxLength: 600 }),
);

const commandName = fc.constantFrom(...commands.map((c) => c.name));

describe("Slack free text, any command", () => {
  it("parses to options or a UserError, never another throw", () => {
    fc.assert(
      fc.property(commandName, slackText, (name, text) => {
        const command = commands.find((c) => c.name === name);
        if (!command) throw new Error(`no command ${name}`);
        try {
          const values = parseArguments(command, text, data);
          expect(typeof values).toBe("object");
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("is answered or rejected (never a failure) as a Slack message within every limit", () => {
    fc.assert(
      fc.property(fc.oneof(commandName, fc.constant(UMBRELLA_COMMAND)), slackText, (name, text) => {
        const reply = answerReply(
          pipeline,
          slashCommandRequest({ command: `/${name}`, text }, { transport: "http" }),
        );
        const message = toSlackMessage(reply.answer);
        expect(reply.status, `/${name} ${text}: ${reply.answer.summary}`).not.toBe("failed");
        expect(slackViolations(message)).toEqual([]);
        // Only answers go to the channel: a rejection is always private.
        expect(reply.status === "answered" || message.response_type === "ephemeral").toBe(true);
      }),
      { numRuns: 800 },
    );
  });
});
