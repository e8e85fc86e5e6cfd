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
});
