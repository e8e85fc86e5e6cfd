/**
 * The one time-box for promises (start-up, the gateway's READY, chart drawing, shutdown grace).
 * A promise cannot be cancelled, so a time-box only stops waiting: the work carries on in the
 * background, and the caller decides what the late result means (usually nothing).
 */

/** Thrown by timeBox when the work did not settle in time; the message says what and how long. */
export class TimeBoxError extends Error {
  override name = "TimeBoxError";
}

/**
 * Resolves or rejects as `work` does, or rejects with a TimeBoxError `message` after `ms`. The timer
 * is always cleared, so a finished time-box never keeps the process alive.
 */
export function timeBox<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  // One promise and one timer, settled by whichever comes first: this runs for every interaction,
  // and Promise.race with a second promise cost about 1 kB and a few microseconds each time.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeBoxError(message)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Waits for every promise to settle, or for `ms`; resolves true when all settled in time. Never rejects. */
export async function settleWithin(work: Iterable<Promise<unknown>>, ms: number): Promise<boolean> {
  try {
    await timeBox(Promise.allSettled(work), ms, "");
    return true;
  } catch {
    return false;
  }
}
