import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Cooldown, InteractionLimits } from "../../src/core/cooldown.js";
import { cooldownAnswer } from "../../src/core/respond.js";
import { realContext } from "../helpers/data.js";

describe("Cooldown", () => {
  it("allows `limit` commands per window, then says how long to wait", () => {
    const cooldown = new Cooldown({ limit: 3, windowMs: 10_000, maxUsers: 100 });
    expect([0, 1, 2].map((t) => cooldown.take("u", t).ok)).toEqual([true, true, true]);
    expect(cooldown.take("u", 5_000)).toEqual({ ok: false, retryAfterMs: 5_000 });
    expect(cooldown.take("someone else", 5_000).ok).toBe(true);
    expect(cooldown.take("u", 10_001).ok).toBe(true);
  });

  it("remembers at most maxUsers users, forgetting the least recently seen", () => {
    const cooldown = new Cooldown({ limit: 1, windowMs: 60_000, maxUsers: 50 });
    for (let i = 0; i < 1000; i++) cooldown.take(`user-${i}`, i);
    expect(cooldown.size).toBe(50);
    expect(cooldown.take("user-999", 2000).ok).toBe(false); // still remembered
    expect(cooldown.take("user-0", 2000).ok).toBe(true); // forgotten long ago
  });

  it("forgets users whose window has passed, oldest first, and they have their whole budget again", () => {
    const cooldown = new Cooldown({ limit: 2, windowMs: 1_000, maxUsers: 100 });
    cooldown.take("early", 0);
    cooldown.take("early", 10);
    cooldown.take("late", 600);
    expect(cooldown.size).toBe(2);
    // At 1,010 every command of "early" is a window old; "late" is still inside its window.
    expect(cooldown.take("new", 1_010).ok).toBe(true);
    expect(cooldown.size).toBe(2);
    expect(cooldown.forgetExpired(2_100)).toBe(2);
    expect(cooldown.size).toBe(0);
    expect([cooldown.take("early", 2_100).ok, cooldown.take("early", 2_101).ok]).toEqual([true, true]);
    expect(cooldown.take("early", 2_102).ok).toBe(false);
  });

  it("forgets expired users in both budgets of the interaction limits", () => {
    const limits = new InteractionLimits(
      new Cooldown({ limit: 1, windowMs: 1_000, maxUsers: 10 }),
      new Cooldown({ limit: 1, windowMs: 5_000, maxUsers: 10 }),
    );
    limits.take("a", "command", 0);
    limits.take("b", "follow-up", 0);
    limits.forgetExpired(2_000);
    expect([limits.commands.size, limits.followUps.size]).toEqual([0, 1]);
    limits.forgetExpired(5_000);
    expect(limits.followUps.size).toBe(0);
  });

  it("never lets anyone past the limit within a window (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 100 })), {
          maxLength: 200,
        }),
        (events) => {
          const cooldown = new Cooldown({ limit: 4, windowMs: 20, maxUsers: 10 });
          const allowed: Record<string, number[]> = {};
          let now = 0;
          for (const [user, step] of events) {
            now += step % 7;
            if (!cooldown.take(user, now).ok) continue;
            allowed[user] = [...(allowed[user] ?? []), now];
          }
          for (const times of Object.values(allowed))
            for (const t of times)
              expect(times.filter((u) => u > t - 20 && u <= t).length).toBeLessThanOrEqual(4);
        },
      ),
    );
  });

  it("answers politely, privately, with the wait", async () => {
    const answer = cooldownAnswer(await realContext(), 2_500);
    expect(answer.ephemeral).toBe(true);
    expect(answer.summary).toContain("3 seconds");
  });
});
