import type { InteractionCost } from "./button-action.js";
import { RecentMap } from "./recent-map.js";

/** What the cooldown says about one more command from a user. */
export type CooldownVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** Limits for a Cooldown. */
export interface CooldownOptions {
  /** Commands a user may run inside one window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Users remembered at most; the least recently seen are forgotten first, so memory stays bounded. */
  readonly maxUsers: number;
}

/** The default: five commands per user per ten seconds, ten thousand users remembered. */
export const DEFAULT_COOLDOWN: CooldownOptions = { limit: 5, windowMs: 10_000, maxUsers: 10_000 };

/**
 * A per-user sliding-window rate limit, so one person cannot flood a channel. Memory is bounded by
 * `maxUsers × limit` timestamps whatever the traffic.
 */
export class Cooldown {
  readonly #seen: RecentMap<string, number[]>;

  constructor(readonly options: CooldownOptions = DEFAULT_COOLDOWN) {
    this.#seen = new RecentMap(options.maxUsers);
  }

  /** Records a command from `user` at `now` if allowed; otherwise says how long to wait. */
  take(user: string, now: number = Date.now()): CooldownVerdict {
    const since = now - this.options.windowMs;
    const times = (this.#seen.get(user) ?? []).filter((t) => t > since);
    if (times.length >= this.options.limit) {
      this.#seen.set(user, times);
      return { ok: false, retryAfterMs: (times[0] as number) + this.options.windowMs - now };
    }
    times.push(now);
    // The least recently seen user is forgotten once maxUsers are remembered.
    this.#seen.set(user, times);
    return { ok: true };
  }

  /** Users currently remembered (for tests and health figures). */
  get size(): number {
    return this.#seen.size;
  }
}

/**
 * Follow-ups have their own, roomier budget: a fan can always page through a list they asked for,
 * even right after using up their commands, while a flood of clicks is still bounded.
 */
export const FOLLOW_UP_COOLDOWN: CooldownOptions = { limit: 20, windowMs: 10_000, maxUsers: 10_000 };

/** Fallback key for an interaction that names no user: it is still limited, all such together. */
export const ANONYMOUS_USER = "anonymous";

/**
 * The per-user limits of the whole process: commands and follow-ups counted apart. One instance
 * serves every platform (the pipeline holds it), so one person has one budget however they reach us.
 */
export class InteractionLimits {
  constructor(
    readonly commands: Cooldown = new Cooldown(),
    readonly followUps: Cooldown = new Cooldown(FOLLOW_UP_COOLDOWN),
  ) {}

  /** Records an interaction from `user` (or the anonymous bucket) against the budget its cost draws on. */
  take(user: string | undefined, cost: InteractionCost, now: number = Date.now()): CooldownVerdict {
    const key = user === undefined || user === "" ? ANONYMOUS_USER : user;
    return (cost === "command" ? this.commands : this.followUps).take(key, now);
  }
}
