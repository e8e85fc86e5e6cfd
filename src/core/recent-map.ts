/** One held entry, linked to its neighbours in order of use. */
interface Entry<K, V> {
  readonly key: K;
  value: V;
  /** The entry used just before this one (towards the least recently used end). */
  older: Entry<K, V> | undefined;
  /** The entry used just after this one (towards the most recently used end). */
  newer: Entry<K, V> | undefined;
}

/**
 * A map that holds at most `capacity` entries and drops the least recently used first: the one
 * bound for every per-user or per-question memory the bot keeps (cooldowns, pseudonyms, answers), so
 * no traffic can grow the process without limit. Reading an entry counts as using it.
 *
 * The order of use is a linked list beside the Map, not the Map's own insertion order: finding a
 * Map's first entry skips every entry deleted since V8 last compacted it, and a full map that drops
 * one entry per new user (every request of a busy spell) then spent about 12 µs per call skipping
 * them, measured. Here every operation touches a fixed number of entries.
 */
export class RecentMap<K, V> {
  readonly #entries = new Map<K, Entry<K, V>>();
  #oldest: Entry<K, V> | undefined;
  #newest: Entry<K, V> | undefined;

  constructor(readonly capacity: number) {}

  /** How many entries are held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, marking it the most recently used. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#unlink(entry);
    this.#append(entry);
    return entry.value;
  }

  /** Sets `key` as the most recently used, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    const held = this.#entries.get(key);
    if (held !== undefined) {
      held.value = value;
      this.#unlink(held);
      this.#append(held);
      return;
    }
    if (this.capacity <= 0) return;
    if (this.#entries.size >= this.capacity && this.#oldest) this.#drop(this.#oldest);
    const entry: Entry<K, V> = { key, value, older: undefined, newer: undefined };
    this.#entries.set(key, entry);
    this.#append(entry);
  }

  /**
   * Forgets the least recently used entries for as long as `stale` says so of the oldest, stopping at
   * the first one it keeps; returns how many went. Lets a holder of timed entries drop the expired
   * ones in order without scanning the rest.
   */
  dropOldestWhile(stale: (value: V) => boolean): number {
    let dropped = 0;
    while (this.#oldest !== undefined && stale(this.#oldest.value)) {
      this.#drop(this.#oldest);
      dropped++;
    }
    return dropped;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.clear();
    this.#oldest = undefined;
    this.#newest = undefined;
  }

  #drop(entry: Entry<K, V>): void {
    this.#unlink(entry);
    this.#entries.delete(entry.key);
  }

  #unlink(entry: Entry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.#oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.#newest = entry.older;
    entry.older = undefined;
    entry.newer = undefined;
  }

  #append(entry: Entry<K, V>): void {
    entry.older = this.#newest;
    if (this.#newest) this.#newest.newer = entry;
    else this.#oldest = entry;
    this.#newest = entry;
  }
}
