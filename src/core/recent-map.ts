/**
 * A map that holds at most `capacity` entries and drops the least recently used first: the one
 * bound for every per-user or per-question memory the bot keeps (cooldowns, pseudonyms, answers), so
 * no traffic can grow the process without limit. Reading an entry counts as using it.
 */
export class RecentMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  /** How many entries are held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, marking it the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting moves the entry to the young end.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Sets `key` as the most recently used, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    if (this.capacity <= 0) return;
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#entries.set(key, value);
  }

  /**
   * Forgets the least recently used entries for as long as `stale` says so of the oldest, stopping at
   * the first one it keeps; returns how many went. Lets a holder of timed entries drop the expired
   * ones in order without scanning the rest.
   */
  dropOldestWhile(stale: (value: V) => boolean): number {
    let dropped = 0;
    for (const [key, value] of this.#entries) {
      if (!stale(value)) break;
      this.#entries.delete(key);
      dropped++;
    }
    return dropped;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear();
  }
}
