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

const NONE: readonly number[] = [];

/**
 * A per-user sliding-window rate limit, so one person cannot flood a channel. Memory is bounded by
 * `maxUsers × limit` timestamps whatever the traffic, and a user whose window has passed is forgotten.
 */
export class Cooldown {
  /** Each user's command times in the window, oldest first. */
  readonly #seen: RecentMap<string, readonly number[]>;

  constructor(readonly options: CooldownOptions = DEFAULT_COOLDOWN) {
    this.#seen = new RecentMap(options.maxUsers);
  }

  /** Records a command from `user` at `now` if allowed; otherwise says how long to wait. */
  take(user: string, now: number = Date.now()): CooldownVerdict {
    const since = now - this.options.windowMs;
    this.forgetExpired(now);
    const previous = this.#seen.get(user) ?? NONE;
    const times = previous.some((t) => t <= since) ? previous.filter((t) => t > since) : previous;
    if (times.length >= this.options.limit) {
      this.#seen.set(user, times);
      return { ok: false, retryAfterMs: (times[0] as number) + this.options.windowMs - now };
    }
    // A new array of exactly the right length: push would reserve room for 16 more numbers, and a
    // busy minute remembers thousands of users. The least recently seen user goes once maxUsers are held.
    this.#seen.set(user, times.concat(now));
    return { ok: true };
  }

  /**
   * Forgets users whose every command is older than the window: they have their whole budget again,
   * so remembering them only holds memory after a busy spell. Least recently seen first, stopping
   * at the first user still inside it.
   */
  forgetExpired(now: number = Date.now()): number {
    const since = now - this.options.windowMs;
    return this.#seen.dropOldestWhile((times) => (times.at(-1) ?? since) <= since);
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

  /** Forgets users whose windows have passed, in both budgets (see Cooldown.forgetExpired). */
  forgetExpired(now: number = Date.now()): void {
    this.commands.forgetExpired(now);
    this.followUps.forgetExpired(now);
  }

  /** Records an interaction from `user` (or the anonymous bucket) against the budget its cost draws on. */
  take(user: string | undefined, cost: InteractionCost, now: number = Date.now()): CooldownVerdict {
    const key = user === undefined || user === "" ? ANONYMOUS_USER : user;
    return (cost === "command" ? this.commands : this.followUps).take(key, now);
  }
}
