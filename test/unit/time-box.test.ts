import { afterEach, describe, expect, it, vi } from "vitest";
import { settleWithin, TimeBoxError, timeBox } from "../../src/core/time-box.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("timeBox", () => {
  it("resolves with the work's value and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const boxed = timeBox(Promise.resolve(42), 1_000, "late");
    await expect(boxed).resolves.toBe(42);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with the work's own error and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const error = new Error("broke");
    await expect(timeBox(Promise.reject(error), 1_000, "late")).rejects.toBe(error);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with a TimeBoxError carrying the message once the time is up", async () => {
    vi.useFakeTimers();
    const boxed = timeBox(new Promise<never>(() => {}), 1_000, "reply not delivered within 1000 ms");
    const outcome = boxed.then(
      () => "resolved",
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(TimeBoxError);
    expect((error as Error).message).toBe("reply not delivered within 1000 ms");
  });

  it("ignores the work settling after the time is up", async () => {
    vi.useFakeTimers();
    let finish: (value: string) => void = () => {};
    const boxed = timeBox(new Promise<string>((resolve) => (finish = resolve)), 10, "late");
    const outcome = boxed.then(
      (value) => value,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(10);
    finish("too late");
    expect(await outcome).toBeInstanceOf(TimeBoxError);
  });
});

describe("settleWithin", () => {
  it("is true when everything settles in time, rejections included, and false otherwise", async () => {
    vi.useFakeTimers();
    await expect(settleWithin([Promise.resolve(1), Promise.reject(new Error("x"))], 100)).resolves.toBe(true);
    const pending = settleWithin([new Promise(() => {})], 100);
    await vi.advanceTimersByTimeAsync(100);
    await expect(pending).resolves.toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
