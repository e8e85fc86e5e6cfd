import { createHash, createHmac, randomBytes } from "node:crypto";
import { RecentMap } from "../core/recent-map.js";

/**
 * Pseudonymous user ids: one keyed hash (HMAC-SHA256) for every platform, so log lines about one
 * person can be grouped and their limits kept, without the log ever holding the id (platform ids are
 * guessable; the key is not).
 *
 * The key is USER_HASH_KEY when set. Otherwise it is derived from the platform secrets the process
 * is configured with (SLACK_SIGNING_SECRET, DISCORD_TOKEN, SLACK_APP_TOKEN, SLACK_BOT_TOKEN), so every
 * replica with the same configuration, and every restart, gives a user the same pseudonym; rotating
 * those secrets changes the pseudonyms (set USER_HASH_KEY to keep them). With no secret at all (the
 * terminal, or only the public DISCORD_PUBLIC_KEY) the key is random per process: a public value
 * would let anyone reverse the hash by trying known ids.
 */

/** The settings the key is drawn from (a subset of Config). */
export interface UserKeySettings {
  readonly USER_HASH_KEY?: string | undefined;
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly DISCORD_TOKEN?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
  readonly SLACK_BOT_TOKEN?: string | undefined;
}

/** A key for pseudonyms, and whether it is stable across restarts and replicas. */
export interface UserKey {
  readonly key: Buffer;
  readonly stable: boolean;
}

/** Labels the derivation, so this key can never equal any other use of the same secrets. */
const DERIVATION_LABEL = "photo-finish user pseudonym v1";

/** The pseudonym key for a configuration (see the module comment for the rule). */
export function userKeyFrom(settings: UserKeySettings): UserKey {
  if (settings.USER_HASH_KEY) return { key: Buffer.from(settings.USER_HASH_KEY, "utf8"), stable: true };
  const secrets = [
    settings.SLACK_SIGNING_SECRET,
    settings.DISCORD_TOKEN,
    settings.SLACK_APP_TOKEN,
    settings.SLACK_BOT_TOKEN,
  ].filter((s): s is string => Boolean(s));
  if (secrets.length === 0) return { key: randomBytes(32), stable: false };
  const hash = createHash("sha256").update(DERIVATION_LABEL);
  for (const secret of secrets) hash.update("\0").update(secret);
  return { key: hash.digest(), stable: true };
}

/**
 * The pseudonym of a user: 16 hex digits of HMAC-SHA256(key, platform:scope:id). Platform and scope
 * keep ids from different platforms or workspaces apart; undefined when there is no id.
 */
export function pseudonym(
  key: Buffer,
  platform: string,
  id: string | undefined,
  scope: string | undefined = undefined,
): string | undefined {
  if (id === undefined || id === "") return undefined;
  // Only the first 8 bytes are turned into text: slicing a 64-digit string would keep all of it alive
  // behind every pseudonym the cooldown and the pseudonym memory hold.
  return createHmac("sha256", key)
    .update(`${platform}:${scope ?? ""}:${id}`)
    .digest()
    .toString("hex", 0, 8);
}

/** How many recent users' pseudonyms a pseudonymizer remembers. */
const REMEMBERED_USERS = 4_096;

/**
 * `pseudonym` with a bounded memory of recent users: one fan's commands and clicks arrive in runs, so
 * most requests skip the HMAC. The least recently seen user goes first once the memory is full.
 */
export function pseudonymizer(
  key: Buffer,
  remembered = REMEMBERED_USERS,
): (platform: string, id: string | undefined, scope?: string) => string | undefined {
  const known = new RecentMap<string, string>(remembered);
  return (platform, id, scope) => {
    if (id === undefined || id === "") return undefined;
    const subject = `${platform}:${scope ?? ""}:${id}`;
    const hit = known.get(subject);
    if (hit !== undefined) return hit;
    const made = pseudonym(key, platform, id, scope) as string;
    known.set(subject, made);
    return made;
  };
}
