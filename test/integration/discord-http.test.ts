import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseLine } from "../../src/core/parse.js";
import { answerInvocation } from "../../src/core/respond.js";
import { decodeButton } from "../../src/platforms/discord/custom-id.js";
import { toDiscordResponse } from "../../src/platforms/discord/render.js";
import { SIGNATURE_MAX_AGE_SECONDS } from "../../src/platforms/discord/verify.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  type DiscordEndpoint,
  fromUser,
  makeKeys,
  pingInteraction,
  type RawOption,
  signBody,
  startDiscordEndpoint,
} from "../helpers/discord.js";
import { expectWithinDiscordLimits } from "../helpers/discord-limits.js";

interface Embed {
  title: string;
  description: string;
  fields?: { name: string; value: string }[];
  footer: { text: string };
}
interface Reply {
  type: number;
  data: {
    embeds: Embed[];
    components: {
      type: number;
      components: { type: number; label: string; custom_id: string; disabled?: boolean }[];
    }[];
    flags?: number;
    choices?: { name: string; value: string }[];
  };
}

let endpoint: DiscordEndpoint;
beforeAll(async () => {
  endpoint = await startDiscordEndpoint();
});
afterAll(async () => {
  await endpoint.close();
});

async function ask(interaction: unknown): Promise<Reply> {
  const { status, json } = await endpoint.post(interaction);
  expect(status).toBe(200);
  return json as Reply;
}

const str = (name: string, value: string): RawOption => ({ name, type: 3, value });
const field = (reply: Reply, name: string) =>
  reply.data.embeds[0]?.fields?.find((f) => f.name === name)?.value;

describe("Discord HTTP interactions endpoint", () => {
  it("answers PING with PONG", async () => {
    expect(await ask(pingInteraction())).toEqual({ type: 1 });
  });

  it("answers every registry example exactly as the shared command layer does", async () => {
    const context = endpoint.runtime.context("discord");
    for (const command of commands) {
      for (const example of command.examples) {
        const invocation = parseLine(example, commands, context.data);
        // Typed as Discord sends them: integers as integers, seconds as a number of seconds.
        const options: RawOption[] = Object.entries(invocation.values).flatMap(([name, value]) => {
          const spec = command.options[name];
          if (!spec || value === undefined) return [];
          if (spec.kind === "seconds") return [{ name, type: 10, value: (value as number) / 1000 }];
          if (spec.kind === "integer" || spec.kind === "season")
            return [{ name, type: 4, value: value as number }];
          return [str(name, String(value))];
        });
        const reply = await ask(commandInteraction(command.name, options));
        const expected = toDiscordResponse(answerInvocation(context, invocation).answer);
        expect(reply, example).toEqual(expected);
        expect(reply.type, example).toBe(4);
        expectWithinDiscordLimits(reply.data);
      }
    }
  });

  it("/driver Buescher lists his three close wins and his runner-up", async () => {
    const reply = await ask(commandInteraction("driver", [str("name", "Buescher"), str("era", "nextgen")]));
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBeUndefined();
    const embed = reply.data.embeds[0] as Embed;
    expect(embed.title).toContain("Chris Buescher");
    expect(field(reply, "Close wins (.500 s), 2022–2024")).toMatch(/^3 /);
    expect(embed.description.match(/\*\*Chris Buescher\*\* over/g)).toHaveLength(3);
    expect(embed.description.match(/ · won/g)).toHaveLength(3);
    expect(embed.description.match(/ · 2nd/g)).toHaveLength(1);
    expect(embed.footer.text).toContain("Data as of June 28, 2026");
  });

  it("/margin 0.5 nextgen gives 38 of 108 races through 2024, 35.2%, and pages the list", async () => {
    const reply = await ask(
      commandInteraction("margin", [{ name: "seconds", type: 10, value: 0.5 }, str("era", "nextgen")]),
    );
    const embed = reply.data.embeds[0] as Embed;
    expect(embed.description).toContain("38 of the 108");
    expect(embed.description).toContain("35.2%");
    expect(field(reply, "Share of all races")).toBe("35.2% (38 of 108)");
    expect(embed.footer.text).toContain("Page 1 of 4");
    const next = reply.data.components[0]?.components[1];
    expect(next?.label).toContain("Next");
    // The wire form is 1-based; the neutral action it decodes to is 0-based.
    expect(next?.custom_id).toBe("pf:p:2:/margin 0.5 nextgen");
    expect(decodeButton(next?.custom_id ?? "")).toEqual({
      kind: "page",
      page: 1,
      line: "/margin 0.5 nextgen",
    });
  });

  it("turns the page in place (type 7) when Next is clicked", async () => {
    const reply = await ask(buttonInteraction("pf:p:2:/margin 0.5 nextgen"));
    expect(reply.type).toBe(7);
    const embed = reply.data.embeds[0] as Embed;
    expect(embed.footer.text).toContain("Page 2 of 4");
    expect(embed.description).toContain(`**11.**`);
    expect(embed.description).not.toContain("**1.**");
    expect(reply.data.flags).toBeUndefined();
    const [prev, next] = reply.data.components[0]?.components ?? [];
    expect(prev?.custom_id).toBe("pf:p:1:/margin 0.5 nextgen");
    expect(next?.custom_id).toBe("pf:p:3:/margin 0.5 nextgen");
  });

  it("asks which Busch, privately, with a button for each", async () => {
    const reply = await ask(commandInteraction("driver", [str("name", "Busch")]));
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
    const buttons = reply.data.components.flatMap((r) => r.components);
    expect(buttons.map((b) => b.label).sort()).toEqual(["Kurt Busch", "Kyle Busch"]);

    const kyle = buttons.find((b) => b.label === "Kyle Busch");
    const picked = await ask(buttonInteraction(kyle?.custom_id ?? ""));
    expect(picked.type).toBe(4);
    expect(picked.data.flags).toBeUndefined();
    expect(picked.data.embeds[0]?.title).toContain("Kyle Busch");
  });

  it("suggests names for an unknown driver, privately", async () => {
    const reply = await ask(commandInteraction("driver", [str("name", "Bueschr Chrs")]));
    expect(reply.data.flags).toBe(64);
    expect(reply.data.embeds[0]?.description).toContain("Did you mean Chris Buescher?");
    const buttons = reply.data.components.flatMap((r) => r.components);
    expect(buttons.map((b) => decodeButton(b.custom_id))).toEqual([
      { kind: "choice", line: '/driver "Chris Buescher"' },
    ]);
  });

  it("rejects out-of-range values privately with the usage line", async () => {
    const reply = await ask(commandInteraction("closest", [{ name: "count", type: 4, value: 99 }]));
    expect(reply.data.flags).toBe(64);
    expect(reply.data.embeds[0]?.description).toContain("between 1 and 25");
    expect(reply.data.embeds[0]?.description).toContain("Usage: `/closest");
  });

  it("explains a command it no longer has and a button it cannot read", async () => {
    const command = await ask(commandInteraction("podium", []));
    expect(command.data.flags).toBe(64);
    expect(command.data.embeds[0]?.description).toContain("/podium");
    const button = await ask(buttonInteraction("someone-elses-button"));
    expect(button.type).toBe(4);
    expect(button.data.flags).toBe(64);
    expect(button.data.embeds[0]?.title).toContain("expired");
  });

  it("keeps the old page and answers privately when a page button's command no longer parses", async () => {
    const reply = await ask(buttonInteraction("pf:p:2:/margin banana"));
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
  });

  it("answers a user who asks too fast with a private 'one moment', other users unaffected", async () => {
    const flood = Array.from({ length: 8 }, () =>
      fromUser(commandInteraction("about"), "900000000000000001"),
    );
    const replies = [];
    for (const interaction of flood) replies.push(await ask(interaction));
    const limited = replies.filter((r) => r.data.embeds[0]?.title === "One moment");
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((r) => r.data.flags === 64)).toBe(true);
    expect(replies[0]?.data.embeds[0]?.title).not.toBe("One moment");
    const other = await ask(fromUser(commandInteraction("about"), "900000000000000002"));
    expect(other.data.embeds[0]?.title).not.toBe("One moment");
  });

  it("answers signed but odd-shaped interactions politely, never with a 500", async () => {
    const odd = [
      { type: 2, data: null },
      { type: 2, data: { name: 42 } },
      { type: 2, data: { name: "driver", options: "Buescher" } },
      { type: 2, data: { name: "driver", options: [null, { name: "name", value: { nested: true } }] } },
      { type: 3, data: { custom_id: 7 } },
      { type: 4, data: { name: "driver", options: [{ name: "name", focused: true }] } },
      { type: 5, data: {} },
      { type: 99, member: { user: null } },
    ];
    for (const payload of odd) {
      const { status, json } = await endpoint.post({ id: "1", token: "t", version: 1, ...payload });
      expect(status, JSON.stringify(payload)).toBe(200);
      expect([4, 8]).toContain((json as Reply).type);
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(2, 3, 4), fc.jsonValue(), async (type, data) => {
        const { status, json } = await endpoint.post({ type, data, member: data });
        expect(status).toBe(200);
        // A message (4) or suggestions (8); either way within Discord's limits.
        expect([4, 8]).toContain((json as Reply).type);
        expectWithinDiscordLimits((json as Reply).data);
      }),
      { numRuns: 60 },
    );
  });

  describe("autocomplete", () => {
    it("puts Chris Buescher first for 'bues', at most 25 choices", async () => {
      const reply = await ask(
        autocompleteInteraction("driver", [{ name: "name", type: 3, value: "bues", focused: true }]),
      );
      expect(reply.type).toBe(8);
      expect(reply.data.choices?.[0]).toEqual({ name: "Chris Buescher", value: "Chris Buescher" });
      expect(reply.data.choices?.length).toBeLessThanOrEqual(25);
    });

    it("offers at most 25 drivers for an empty query, every value a name the parser resolves", async () => {
      const reply = await ask(
        autocompleteInteraction("versus", [
          str("driver", "Larson"),
          { name: "other", type: 3, value: "", focused: true },
        ]),
      );
      const choices = reply.data.choices ?? [];
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(endpoint.runtime.data.driverNames.resolve(choice.value).kind).toBe("match");
      }
    });

    it("completes tracks and help topics", async () => {
      const track = await ask(
        autocompleteInteraction("track", [{ name: "name", type: 3, value: "talla", focused: true }]),
      );
      expect(track.data.choices?.[0]?.name).toContain("Talladega");
      const help = await ask(
        autocompleteInteraction("help", [{ name: "command", type: 3, value: "ma", focused: true }]),
      );
      expect(help.data.choices?.map((c) => c.value)).toEqual(["margin"]);
    });

    it("answers an option without suggestions with an empty list", async () => {
      const reply = await ask(
        autocompleteInteraction("closest", [{ name: "count", type: 4, value: 3, focused: true }]),
      );
      expect(reply).toEqual({ type: 8, data: { choices: [] } });
    });
  });

  describe("signature verification", () => {
    const body = JSON.stringify(pingInteraction());
    const now = () => Math.floor(Date.now() / 1000);

    it("refuses a request without signature headers", async () => {
      const res = await endpoint.post(undefined, { body, headers: { "content-type": "application/json" } });
      expect(res.status).toBe(401);
    });

    it("refuses a malformed signature", async () => {
      const ts = String(now());
      const res = await endpoint.post(undefined, {
        body,
        headers: { "x-signature-ed25519": "not-hex", "x-signature-timestamp": ts },
      });
      expect(res.status).toBe(401);
    });

    it("refuses a signature from another key", async () => {
      const ts = String(now());
      const res = await endpoint.post(undefined, {
        body,
        headers: { "x-signature-ed25519": signBody(makeKeys(), ts, body), "x-signature-timestamp": ts },
      });
      expect(res.status).toBe(401);
    });

    it("refuses a body changed after signing", async () => {
      const ts = String(now());
      const res = await endpoint.post(undefined, {
        body: body.replace('"type":1', '"type":2'),
        headers: { "x-signature-ed25519": signBody(endpoint.keys, ts, body), "x-signature-timestamp": ts },
      });
      expect(res.status).toBe(401);
    });

    it(`accepts a timestamp inside ${SIGNATURE_MAX_AGE_SECONDS} s and refuses one outside`, async () => {
      const fresh = await endpoint.post(pingInteraction(), {
        timestamp: now() - SIGNATURE_MAX_AGE_SECONDS + 30,
      });
      expect(fresh.status).toBe(200);
      const stale = await endpoint.post(pingInteraction(), {
        timestamp: now() - SIGNATURE_MAX_AGE_SECONDS - 30,
      });
      expect(stale.status).toBe(401);
      const future = await endpoint.post(pingInteraction(), {
        timestamp: now() + SIGNATURE_MAX_AGE_SECONDS + 30,
      });
      expect(future.status).toBe(401);
    });

    it("answers a signed body that is not an interaction with 400", async () => {
      const res = await endpoint.post(undefined, { body: "not json" });
      expect(res.status).toBe(400);
    });
  });
});
