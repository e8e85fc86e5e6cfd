import { open, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

/** The lock's name in the data folder. */
export const LOCK_FILE = ".update.lock";

/** Who holds the lock, as the lock file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

/** Another run holds the lock and did not let go within the wait. */
export class LockBusyError extends Error {
  override name = "LockBusyError";
  constructor(readonly holder: LockHolder | undefined) {
    super(
      holder
        ? `busy: another update holds the lock (pid ${holder.pid} on ${holder.host} since ${holder.since})`
        : "busy: another update holds the lock",
    );
  }
}

/** A held lock. */
export interface Lock {
  release(): Promise<void>;
}

/** How long to wait for the lock, and when a lock counts as abandoned. */
export interface LockOptions {
  /** How long to wait for another run to finish before giving up busy (0: try once). */
  readonly waitMs?: number;
  /**
   * A lock whose file has not been touched for this long is abandoned (its holder heartbeats every
   * quarter of it), as is one held by a process on this host that no longer exists.
   */
  readonly staleMs?: number;
  readonly pollMs?: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder's update lock: a file created exclusively (O_EXCL), so of several processes,
 * on one machine or several sharing the folder, exactly one gets it. Waits up to `waitMs` for a
 * holder to finish, then throws LockBusyError. A holder that died (no process on this host, or no
 * heartbeat for `staleMs`) does not block anyone for long: its lock is broken.
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<Lock> {
  const file = path.join(dir, LOCK_FILE);
  const waitMs = options.waitMs ?? 30_000;
  const staleMs = options.staleMs ?? 120_000;
  const pollMs = options.pollMs ?? 200;
  const deadline = Date.now() + waitMs;
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (;;) {
    try {
      const handle = await open(file, "wx");
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      const heartbeat = setInterval(() => {
        const now = new Date();
        utimes(file, now, now).catch(() => undefined);
      }, staleMs / 4);
      heartbeat.unref();
      return {
        async release() {
          clearInterval(heartbeat);
          const holder = await readHolder(file);
          // Never remove a lock someone else took after ours was (wrongly) judged stale.
          if (holder?.pid === me.pid && holder.host === me.host && holder.since === me.since)
            await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readHolder(file);
    const info = await stat(file).catch(() => undefined);
    const abandoned =
      info !== undefined &&
      (Date.now() - info.mtimeMs > staleMs ||
        (holder?.host === me.host && holder.pid !== me.pid && !alive(holder.pid)));
    if (abandoned) {
      // Move it aside rather than delete it: of two processes breaking it at once, one rename wins.
      await rename(file, `${file}.stale-${process.pid}`).then(
        () => rm(`${file}.stale-${process.pid}`, { force: true }),
        () => undefined,
      );
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(holder);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
