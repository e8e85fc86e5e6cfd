import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { UserError } from "../../src/core/errors.js";
import { parseLine } from "../../src/core/parse.js";
import { answerLine } from "../../src/core/respond.js";
import { loadDataset } from "../../src/data/load.js";
import {
  buttonInteraction,
  commandInteraction,
  type DiscordEndpoint,
  fromUser,
  startDiscordEndpoint,
} from "../helpers/discord.js";

// What the per-user limits count, and option names that happen to be names of Object.prototype.
let endpoint: DiscordEndpoint;
beforeAll(async () => {
  endpoint = await startDiscordEndpoint();
});
afterAll(async () => {
  await endpoint?.close();
});

interface Reply {
  type: number;
  data: { flags?: number; embeds: { title?: string; description?: string; footer?: { text: string } }[] };
}

async function ask(interaction: unknown): Promise<Reply> {
  const { status, json } = await endpoint.post(interaction);
  expect(status).toBe(200);
  return json as Reply;
}

const title = (reply: Reply) => reply.data.embeds[0]?.title;

describe("the cooldown counts new commands, not follow-ups", () => {
  it("a fan who used up the cooldown can still page the list they asked for and pick a choice", async () => {
    const fan = "910000000000000001";
    const replies: Reply[] = [];
    for (let i = 0; i < 5; i++) replies.push(await ask(fromUser(commandInteraction("about"), fan)));
    expect(replies.map(title)).not.toContain("One moment");
    // The sixth command in ten seconds is refused: the cooldown is in force for this fan.
    expect(title(await ask(fromUser(commandInteraction("about"), fan)))).toBe("One moment");
    const page = await ask(fromUser(buttonInteraction("pf:p:2:/margin 0.5 nextgen"), fan));
    expect(page.type).toBe(7);
    expect(title(page)).not.toBe("One moment");
    const choice = await ask(fromUser(buttonInteraction('pf:r:/driver "Kyle Busch"'), fan));
    expect(title(choice)).not.toBe("One moment");
    expect(title(choice)).toContain("Kyle Busch");
  });

  it("a flood of page clicks is still bounded", async () => {
    const fan = "910000000000000002";
    const titles: (string | undefined)[] = [];
    for (let i = 0; i < 30; i++)
      titles.push(title(await ask(fromUser(buttonInteraction("pf:p:2:/margin 0.5 nextgen"), fan))));
    expect(titles).toContain("One moment");
    expect(titles[0]).not.toBe("One moment");
  });

  it("interactions without a user are limited too, under one shared key", async () => {
    const anonymous = () => {
      const { member: _member, ...rest } = commandInteraction("about");
      return rest;
    };
    const titles: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++) titles.push(title(await ask(anonymous())));
    expect(titles[0]).not.toBe("One moment");
    expect(titles).toContain("One moment");
  });
});

describe("option names that are also names on every JavaScript object", () => {
  async function rejection(line: string): Promise<string> {
    const data = await loadDataset();
    try {
      parseLine(line, commands, data);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as Error).message;
    }
    throw new Error(`${line} was accepted`);
  }

  it.each(["constructor", "toString", "hasOwnProperty", "valueOf"])(
    "/closest %s:1 is an unknown option, not one given twice",
    async (name) => {
      const message = await rejection(`/closest ${name}:1`);
      // Names are read without case: the message may show the name lower-cased.
      expect(message.toLowerCase()).toContain(`no option "${name.toLowerCase()}"`);
      expect(message).not.toMatch(/twice/);
    },
  );

  it("/closest __proto__:1 is refused plainly (an option name starts with a letter, so it is a word)", async () => {
    const outcome = answerLine(endpoint.runtime.context("discord"), "/closest __proto__:1");
    expect(outcome.status).toBe("rejected");
    expect(outcome.answer.summary).not.toMatch(/twice/);
    expect(outcome.answer.summary).toContain("__proto__");
  });

  it.each(["constructor", "__proto__", "toString"])(
    "a Discord option named %s is refused as unknown, never crashes",
    async (name) => {
      const reply = await ask(commandInteraction("closest", [{ name, type: 4, value: 1 }]));
      expect(reply.data.flags).toBe(64);
      expect(reply.data.embeds[0]?.description ?? "").toContain(`no option "${name}"`);
    },
  );
});
