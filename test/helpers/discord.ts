import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config.js";
import { loadDataset } from "../../src/data/load.js";
import { HttpServer } from "../../src/http/server.js";
import { silentLogger } from "../../src/log.js";
import { createDiscordHttpAdapter, type DiscordHttpOptions } from "../../src/platforms/discord/http.js";
import { Runtime } from "../../src/runtime.js";
import { adapterDeps } from "./adapter-deps.js";

/** A Discord application's key pair, made fresh per test run: the test plays Discord. */
export interface SigningKeys {
  readonly privateKey: KeyObject;
  /** The 64-hex public key as the developer portal shows it. */
  readonly publicKeyHex: string;
}

export function makeKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  // SPKI DER for Ed25519 is a 12-byte header followed by the raw 32-byte key.
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(12);
  return { privateKey, publicKeyHex: raw.toString("hex") };
}

/** Signs like Discord: Ed25519 over timestamp + raw body, hex encoded. */
export function signBody(keys: SigningKeys, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
}

/**
 * A signed interaction as Discord sends it: the JSON body and its headers, signed with `keys` at
 * `timestamp` (now, unless a test needs a stale one).
 */
export function signedInteraction(
  keys: SigningKeys,
  interaction: unknown,
  timestamp = Math.floor(Date.now() / 1000),
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(interaction);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signBody(keys, String(timestamp), body),
      "x-signature-timestamp": String(timestamp),
    },
  };
}

/** The real HTTP adapter on the real shared server, on a free loopback port. */
export interface DiscordEndpoint {
  readonly url: string;
  readonly keys: SigningKeys;
  readonly runtime: Runtime;
  close(): Promise<void>;
  /** POSTs a signed interaction; `timestamp` overrides the clock (for stale-request tests). */
  post(
    interaction: unknown,
    options?: { timestamp?: number; headers?: Record<string, string>; body?: string },
  ): Promise<{ status: number; json: unknown }>;
  /** POSTs a signed click on a button; the raw answer (a chart comes back as multipart). */
  click(customId: string): Promise<{ status: number; type: string; body: Buffer }>;
}

export async function startDiscordEndpoint(
  options: { readonly env?: Record<string, string>; readonly http?: DiscordHttpOptions } = {},
): Promise<DiscordEndpoint> {
  const keys = makeKeys();
  const log = silentLogger();
  const runtime = new Runtime(await loadDataset(), undefined, log);
  const http = new HttpServer(log);
  const config = loadConfig({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, HOST: "127.0.0.1", ...options.env });
  const adapter = createDiscordHttpAdapter(adapterDeps({ config, runtime, log, http }), options.http);
  await adapter.start();
  const address: AddressInfo = await http.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${address.port}/discord/interactions`;
  return {
    url,
    keys,
    runtime,
    async close() {
      await adapter.stop();
      await http.close();
    },
    async click(customId) {
      const response = await fetch(url, {
        method: "POST",
        ...signedInteraction(keys, buttonInteraction(customId)),
      });
      return {
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        body: Buffer.from(await response.arrayBuffer()),
      };
    },
    async post(interaction, options = {}) {
      const body = options.body ?? JSON.stringify(interaction);
      const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
      const headers = options.headers ?? {
        "content-type": "application/json",
        "x-signature-ed25519": signBody(keys, timestamp, body),
        "x-signature-timestamp": timestamp,
      };
      const res = await fetch(url, { method: "POST", headers, body });
      const text = await res.text();
      return { status: res.status, json: text === "" ? undefined : JSON.parse(text) };
    },
  };
}

let sequence = 0;
const base = () => ({
  id: String(100000000000000000n + BigInt(++sequence)),
  application_id: "200000000000000000",
  token: `token-${sequence}`,
  version: 1,
  channel_id: "300000000000000000",
  guild_id: "400000000000000000",
  // A different fan each time, so the per-user cooldown only bites where a test means it to.
  member: {
    user: { id: String(500000000000000000n + BigInt(sequence)), username: "fan" },
    roles: [],
    permissions: "0",
  },
});

/** The same interaction as sent by one particular user. */
export function fromUser<T extends object>(interaction: T, userId: string): T {
  return { ...interaction, member: { user: { id: userId, username: "fan" }, roles: [], permissions: "0" } };
}

/** Option as Discord sends it (type: 3 string, 4 integer, 10 number). */
export interface RawOption {
  readonly name: string;
  readonly type: number;
  readonly value: string | number;
  readonly focused?: boolean;
}

export function pingInteraction() {
  return { ...base(), type: 1 };
}

export function commandInteraction(name: string, options: readonly RawOption[] = []) {
  return { ...base(), type: 2, data: { id: "600000000000000000", name, type: 1, options } };
}

export function autocompleteInteraction(name: string, options: readonly RawOption[]) {
  return { ...base(), type: 4, data: { id: "600000000000000000", name, type: 1, options } };
}

export function buttonInteraction(customId: string) {
  return {
    ...base(),
    type: 3,
    message: { id: "700000000000000000" },
    data: { custom_id: customId, component_type: 2 },
  };
}
