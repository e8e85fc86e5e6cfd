import fc from "fast-check";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loggerOptions } from "../../src/log.js";
import { CENSOR, redactSecrets } from "../../src/log-redact.js";

const SECRET = "s3cr3t-value-0123456789";

/** The bot's logger options over an in-memory destination: what it would write, line by line. */
function logged(write: (log: pino.Logger) => void): string {
  const lines: string[] = [];
  write(pino(loggerOptions("debug"), { write: (line: string) => void lines.push(line) }));
  return lines.join("");
}

describe("secrets in log lines", () => {
  const cases: Record<string, Record<string, unknown>> = {
    "a token": { token: SECRET },
    "a token one object down": { route: { applicationId: "1", token: SECRET } },
    "the Discord token in the configuration": { config: { DISCORD_TOKEN: SECRET, PORT: 3000 } },
    "the Discord public key": { config: { DISCORD_PUBLIC_KEY: SECRET } },
    "the Slack bot token": { config: { SLACK_BOT_TOKEN: SECRET } },
    "the Slack signing secret": { config: { SLACK_SIGNING_SECRET: SECRET } },
    "the Slack app token": { config: { SLACK_APP_TOKEN: SECRET } },
    "the pseudonym key": { config: { USER_HASH_KEY: SECRET } },
    "an authorization header": { headers: { authorization: `Bot ${SECRET}` } },
    "an Authorization header one object down": { req: { headers: { Authorization: `Bearer ${SECRET}` } } },
    "Slack's signature header": { headers: { "x-slack-signature": `v0=${SECRET}` } },
    "Discord's signature header": { req: { headers: { "x-signature-ed25519": SECRET } } },
    "a token among the headers": { headers: { token: SECRET } },
    "the token in a Discord callback URL": {
      request: { url: `https://discord.com/api/v10/interactions/123/${SECRET}/callback` },
    },
  };
  for (const [what, fields] of Object.entries(cases))
    it(`blanks ${what}, and keeps the rest of the line`, () => {
      const text = logged((log) => log.info({ ...fields, platform: "discord" }, "something happened"));
      expect(text).not.toContain(SECRET);
      expect(text).toContain(CENSOR);
      expect(JSON.parse(text)).toMatchObject({ platform: "discord", msg: "something happened" });
    });

  it("blanks secrets in the lines of child loggers too", () => {
    const text = logged((log) =>
      log
        .child({ adapter: "x" })
        .child({ requestId: "1" })
        .warn({ route: { token: SECRET } }, "hello"),
    );
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({ adapter: "x", requestId: "1", route: { token: CENSOR } });
  });

  it("keeps an error's type, message, stack and cause when one of its fields is blanked", () => {
    const error = Object.assign(new TypeError("Discord said no", { cause: new Error("socket hang up") }), {
      token: SECRET,
    });
    const text = logged((log) => log.error({ err: error }, "follow-up failed"));
    expect(text).not.toContain(SECRET);
    const line = JSON.parse(text) as { err: { type: string; message: string; stack: string; token: string } };
    // pino's error serializer adds the cause's message: the cause survived the copy.
    expect(line.err).toMatchObject({
      type: "TypeError",
      message: "Discord said no: socket hang up",
      token: CENSOR,
    });
    expect(line.err.stack).toContain("TypeError: Discord said no");
    expect(error.token).toBe(SECRET);
  });

  it("looks inside errors where SDKs keep the request that failed", () => {
    const inner = Object.assign(new Error("request failed"), {
      config: { headers: { Authorization: `Bearer ${SECRET}` } },
    });
    const outer = Object.assign(new Error("An HTTP protocol error occurred"), {
      original: inner,
      url: `https://discord.com/api/v10/webhooks/42/${SECRET}/messages/@original`,
    });
    const text = logged((log) => log.error({ err: outer }, "Slack call failed"));
    expect(text).not.toContain(SECRET);
    expect(text).toContain("/webhooks/42/[redacted]/messages/@original");
  });

  it("hands back the very object when it holds no secret, and never changes the one it is given", () => {
    const plain = { platform: "slack", options: { count: 5, era: "nextgen" }, latencyMs: 1.2 };
    expect(redactSecrets(plain)).toBe(plain);
    const secretive = { route: { token: SECRET }, platform: "discord" };
    const redacted = redactSecrets(secretive);
    expect(redacted).not.toBe(secretive);
    expect(secretive.route.token).toBe(SECRET);
    expect(redacted).toEqual({ route: { token: CENSOR }, platform: "discord" });
  });

  it("never lets a token through at the top or one object down, whatever surrounds it (property)", () => {
    const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__");
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(key, value), key, fc.boolean(), (others, holder, nested) => {
        const fields = nested
          ? { ...others, [holder]: { ...others, token: SECRET } }
          : { ...others, token: SECRET };
        expect(logged((log) => log.info(fields, "line"))).not.toContain(SECRET);
      }),
    );
  });
});
