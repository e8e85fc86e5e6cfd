import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RecentMap } from "../../src/core/recent-map.js";

describe("RecentMap", () => {
  it("holds at most its capacity, dropping the least recently used (a read counts as a use)", () => {
    const map = new RecentMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // a is now more recent than b
    map.set("c", 3); // drops b
    expect(map.size).toBe(2);
    expect(map.get("b")).toBeUndefined();
    expect(map.get("a")).toBe(1);
    expect(map.get("c")).toBe(3);
    map.set("c", 30); // setting an existing key replaces it without dropping another
    expect(map.size).toBe(2);
    expect(map.get("a")).toBe(1);
    expect(map.get("c")).toBe(30);
  });

  it("drops stale entries from the least recently used end only, stopping at the first one kept", () => {
    const map = new RecentMap<string, number>(10);
    for (const [key, value] of [
      ["a", 1],
      ["b", 9],
      ["c", 2],
      ["d", 3],
    ] as const)
      map.set(key, value);
    expect(map.dropOldestWhile((v) => v < 5)).toBe(1); // a goes; b is kept, so c waits behind it
    expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([undefined, 2, 3]);
    expect(map.dropOldestWhile((v) => v < 5)).toBe(0); // b is now the oldest
    expect(map.size).toBe(3);
    map.get("b"); // c and d are now older than b
    expect(map.dropOldestWhile((v) => v < 5)).toBe(2);
    expect(map.size).toBe(1);
  });

  it("with capacity 0 holds nothing, and clear forgets everything", () => {
    const none = new RecentMap<string, number>(0);
    none.set("a", 1);
    expect(none.size).toBe(0);
    expect(none.get("a")).toBeUndefined();
    const some = new RecentMap<string, number>(3);
    some.set("a", 1);
    some.clear();
    expect(some.size).toBe(0);
    expect(some.get("a")).toBeUndefined();
  });

  it("behaves like a plain list kept in order of use, for any sequence of operations", () => {
    // The model: keys from least to most recently used, with their values.
    type Op =
      | { op: "get"; key: number }
      | { op: "set"; key: number; value: number }
      | { op: "drop"; below: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant("get" as const), key: fc.nat(30) }),
      fc.record({ op: fc.constant("set" as const), key: fc.nat(30), value: fc.nat(20) }),
      fc.record({ op: fc.constant("drop" as const), below: fc.nat(20) }),
    );
    fc.assert(
      // Capacities past 16 make the link arrays grow while entries are held; small ones evict often.
      fc.property(
        fc.oneof(fc.nat(5), fc.integer({ min: 17, max: 24 })),
        fc.array(op, { maxLength: 200 }),
        (capacity, ops) => {
          const map = new RecentMap<number, number>(capacity);
          let model: [number, number][] = [];
          for (const step of ops) {
            if (step.op === "get") {
              const at = model.findIndex(([key]) => key === step.key);
              const held = at >= 0 ? model.splice(at, 1)[0] : undefined;
              if (held) model.push(held);
              expect(map.get(step.key)).toBe(held?.[1]);
            } else if (step.op === "set") {
              model = model.filter(([key]) => key !== step.key);
              if (capacity > 0) {
                if (model.length >= capacity) model.shift();
                model.push([step.key, step.value]);
              }
              map.set(step.key, step.value);
            } else {
              let dropped = 0;
              while (model.length > 0 && (model[0] as [number, number])[1] < step.below) {
                model.shift();
                dropped++;
              }
              expect(map.dropOldestWhile((value) => value < step.below)).toBe(dropped);
            }
            expect(map.size).toBe(model.length);
          }
          // Reading every key in the model's order leaves the order as it was: the last check.
          for (const [key, value] of model) expect(map.get(key)).toBe(value);
        },
      ),
    );
  });
});
