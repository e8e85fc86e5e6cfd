import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { publicKeyFromHex } from "../../src/platforms/discord/verify.js";
import { cleanEnv, runBin } from "../helpers/cli.js";
import { makeKeys } from "../helpers/discord.js";

// The eight points of small order on Ed25519 (orders 1, 2, 4 and 8), written out here from the
// literature (libsodium's blocklist), not taken from the code under test.
const SMALL_ORDER_KEYS = [
  `01${"00".repeat(31)}`, // the identity, order 1
  `ec${"ff".repeat(30)}7f`, // order 2 (y = −1)
  "00".repeat(32), // order 4
  `${"00".repeat(31)}80`, // order 4, the other x
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
];
// Encodings that are not the one canonical form of a point: y ≥ p, or x = 0 with the sign bit set.
const NON_CANONICAL_KEYS = [
  `ed${"ff".repeat(30)}7f`, // y = p
  `ee${"ff".repeat(30)}7f`, // y = p + 1, the identity again
  "ff".repeat(32),
  `01${"00".repeat(30)}80`, // the identity with "negative zero" x
];

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`configuration was accepted: ${JSON.stringify(env)}`);
}

describe("weak configuration is refused at start-up", () => {
  it.each(SMALL_ORDER_KEYS)("refuses DISCORD_PUBLIC_KEY %s, a point of small order", (hex) => {
    expect(configError({ DISCORD_PUBLIC_KEY: hex })).toMatch(/DISCORD_PUBLIC_KEY: .*small order/);
    expect(() => publicKeyFromHex(hex)).toThrow(/small order/);
  });

  it.each(NON_CANONICAL_KEYS)("refuses DISCORD_PUBLIC_KEY %s, a non-canonical encoding", (hex) => {
    expect(configError({ DISCORD_PUBLIC_KEY: hex })).toMatch(/DISCORD_PUBLIC_KEY: .*canonical/);
  });

  it("still accepts real keys", () => {
    for (let i = 0; i < 20; i++) {
      const { publicKeyHex } = makeKeys();
      expect(loadConfig({ DISCORD_PUBLIC_KEY: publicKeyHex }).DISCORD_PUBLIC_KEY).toBe(publicKeyHex);
    }
  });

  it.each(["0x50", "1e3", " 38124 ", "0", "65536", "-1", "80.0", "+80", "0080"])(
    "refuses PORT=%j: only plain decimal 1–65535",
    (port) => {
      expect(configError({ PORT: port })).toMatch(/PORT: /);
    },
  );

  it.each([
    ["1", 1],
    ["80", 80],
    ["38124", 38124],
    ["65535", 65535],
  ])("accepts PORT=%j", (port, expected) => {
    expect(loadConfig({ PORT: port }).PORT).toBe(expected);
  });

  it("defaults PORT to 3000 when unset or empty", () => {
    expect(loadConfig({}).PORT).toBe(3000);
    expect(loadConfig({ PORT: "" }).PORT).toBe(3000);
  });

  it("the process exits non-zero before listening, naming the variable", async () => {
    const result = await runBin([], {
      env: cleanEnv({ DISCORD_PUBLIC_KEY: `01${"00".repeat(31)}`, PORT: "0x50", HOST: "127.0.0.1" }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DISCORD_PUBLIC_KEY");
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).not.toContain("HTTP server listening");
  });
});
