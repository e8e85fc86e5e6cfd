import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  SlashCommandBuilder,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Dataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";
import { buildCommandJson } from "../../src/platforms/discord/command-json.js";
import { registerDiscordCommands } from "../../src/platforms/discord/register.js";

let data: Dataset;
beforeAll(async () => {
  data = await loadDataset();
});

/** Rebuilds one command through discord.js's builders, whose setters validate every name, range and choice. */
function throughBuilder(json: ReturnType<typeof buildCommandJson>[number]) {
  const builder = new SlashCommandBuilder().setName(json.name).setDescription(json.description);
  for (const option of (json.options ?? []) as APIApplicationCommandBasicOption[]) {
    const common = <
      T extends { setName(n: string): T; setDescription(d: string): T; setRequired(r: boolean): T },
    >(
      o: T,
    ) =>
      o
        .setName(option.name)
        .setDescription(option.description)
        .setRequired(option.required ?? false);
    switch (option.type) {
      case ApplicationCommandOptionType.Integer:
        builder.addIntegerOption((o) => {
          common(o);
          if (option.min_value !== undefined) o.setMinValue(option.min_value);
          if (option.max_value !== undefined) o.setMaxValue(option.max_value);
          return o;
        });
        break;
      case ApplicationCommandOptionType.Number:
        builder.addNumberOption((o) => {
          common(o);
          if (option.min_value !== undefined) o.setMinValue(option.min_value);
          if (option.max_value !== undefined) o.setMaxValue(option.max_value);
          return o;
        });
        break;
      case ApplicationCommandOptionType.String:
        builder.addStringOption((o) => {
          common(o);
          if (option.autocomplete) o.setAutocomplete(true);
          if (option.choices) o.addChoices(...option.choices);
          if (option.max_length !== undefined) o.setMaxLength(option.max_length);
          return o;
        });
        break;
      default:
        throw new Error(`unexpected option type ${option.type}`);
    }
  }
  return builder.toJSON();
}

describe("Discord command registration JSON", () => {
  it("lists every command of the registry, with every option", () => {
    const json = buildCommandJson(commands, data.eras);
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const command of commands) {
      const registered = json.find((c) => c.name === command.name);
      expect(registered?.description).toBe(command.description);
      const options = (registered?.options ?? []) as APIApplicationCommandBasicOption[];
      expect(options.map((o) => o.name).sort()).toEqual(Object.keys(command.options).sort());
      for (const option of options) {
        const spec = command.options[option.name];
        if (!spec) throw new Error(`${command.name} registers an undeclared option ${option.name}`);
        expect(option.description).toBe(spec.description);
        expect(option.required ?? false).toBe(spec.required === true);
        const expectedType = {
          integer: ApplicationCommandOptionType.Integer,
          season: ApplicationCommandOptionType.Integer,
          seconds: ApplicationCommandOptionType.Number,
          era: ApplicationCommandOptionType.String,
          choice: ApplicationCommandOptionType.String,
          driver: ApplicationCommandOptionType.String,
          track: ApplicationCommandOptionType.String,
          text: ApplicationCommandOptionType.String,
        }[spec.kind];
        expect(option.type, `${command.name}.${option.name}`).toBe(expectedType);
        const at = `${command.name}.${option.name}`;
        const registered = option as {
          min_value?: number;
          max_value?: number;
          choices?: { value: string }[];
          autocomplete?: boolean;
        };
        // Bounds exactly as the option declares them (none when it declares none).
        expect([registered.min_value, registered.max_value], at).toEqual([spec.min, spec.max]);
        // A fixed list for eras and choices, and none for anything else.
        const choices =
          spec.kind === "era"
            ? data.eras.map((e) => e.id)
            : spec.kind === "choice"
              ? spec.choices?.map((c) => c.value)
              : undefined;
        expect(
          registered.choices?.map((c) => c.value),
          at,
        ).toEqual(choices);
        // Names and the help topic are typed freely, with suggestions.
        expect(registered.autocomplete === true, at).toBe(["driver", "track", "text"].includes(spec.kind));
      }
      // Discord refuses a command whose required options do not come first.
      const required = options.map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it("registers seconds as a number from 0.001 to 10 and counts within their range", () => {
    const json = buildCommandJson(commands, data.eras);
    const seconds = (json.find((c) => c.name === "margin")?.options ?? []).find((o) => o.name === "seconds");
    expect(seconds).toMatchObject({
      type: ApplicationCommandOptionType.Number,
      min_value: 0.001,
      max_value: 10,
    });
    const count = (json.find((c) => c.name === "closest")?.options ?? []).find((o) => o.name === "count");
    expect(count).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 25 });
  });

  it("passes discord.js's builder validation and comes out the same", () => {
    for (const command of buildCommandJson(commands, data.eras)) {
      const built = throughBuilder(command);
      expect(built).toMatchObject({
        name: command.name,
        description: command.description,
        options: command.options,
      });
    }
  });
});

describe("photo-finish discord:register", () => {
  let server: Server;
  let api: string;
  let status = 200;
  const seen: { method: string; url: string; auth: string | undefined; body: unknown }[] = [];

  beforeAll(async () => {
    // A stand-in for Discord's API on loopback: records what registration sends, echoes the commands.
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString() || "null");
      seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization, body });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status === 200 ? body : { message: "401: Unauthorized", code: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sink = () => {
    let text = "";
    const stream = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  };
  const env = {
    DISCORD_TOKEN: "MTIz.test.token",
    DISCORD_APPLICATION_ID: "123456789012345678",
  };

  it("puts the registry's commands to the development server when DISCORD_GUILD_ID is set", async () => {
    seen.length = 0;
    status = 200;
    const out = sink();
    const code = await registerDiscordCommands({
      env: { ...env, DISCORD_GUILD_ID: "876543210987654321" },
      api,
      out: out.stream,
      err: sink().stream,
    });
    expect(code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: "PUT",
      url: "/v10/applications/123456789012345678/guilds/876543210987654321/commands",
      auth: "Bot MTIz.test.token",
    });
    expect(seen[0]?.body).toEqual(JSON.parse(JSON.stringify(buildCommandJson(commands, data.eras))));
    expect(out.text()).toContain(`Registered ${commands.length} commands to server 876543210987654321`);
  });

  it("registers globally without DISCORD_GUILD_ID", async () => {
    seen.length = 0;
    status = 200;
    const out = sink();
    expect(await registerDiscordCommands({ env, api, out: out.stream, err: sink().stream })).toBe(0);
    expect(seen[0]?.url).toBe("/v10/applications/123456789012345678/commands");
    expect(out.text()).toContain("globally");
  });

  it("exits 1 and says why when Discord refuses the token", async () => {
    status = 401;
    const err = sink();
    expect(await registerDiscordCommands({ env, api, out: sink().stream, err: err.stream })).toBe(1);
    expect(err.text()).toContain("401");
    expect(err.text()).toContain("DISCORD_TOKEN");
  });

  it("exits 1 without contacting anyone when credentials are missing", async () => {
    seen.length = 0;
    const err = sink();
    expect(await registerDiscordCommands({ env: {}, api, out: sink().stream, err: err.stream })).toBe(1);
    expect(seen).toHaveLength(0);
    expect(err.text()).toContain("DISCORD_APPLICATION_ID");
  });
});
