/** Marks the end of the order-of-use list (no slot). */
const NONE = -1;

/**
 * A map that holds at most `capacity` entries and drops the least recently used first: the one
 * bound for every per-user or per-question memory the bot keeps (cooldowns, pseudonyms, answers), so
 * no traffic can grow the process without limit. Reading an entry counts as using it.
 *
 * The order of use is a doubly linked list of slot numbers beside the Map, not the Map's own
 * insertion order: finding a Map's first entry skips every entry deleted since V8 last compacted it,
 * and a full map that drops one entry per new user (every request of a busy spell) then spent about
 * 12 µs per call skipping them, measured. Links are numbers in arrays, not an object per entry: a
 * busy spell would otherwise leave thousands of dead link objects in the old generation (measured:
 * a V8 heap about 6 MB larger after the bench's load).
 */
export class RecentMap<K, V> {
  /** Key → slot. */
  readonly #slots = new Map<K, number>();
  readonly #keys: (K | undefined)[] = [];
  readonly #values: (V | undefined)[] = [];
  /** Per slot: the slot used just before it (towards the least recently used end), or NONE. */
  #older: Int32Array = new Int32Array(0);
  /** Per slot: the slot used just after it, or NONE. */
  #newer: Int32Array = new Int32Array(0);
  /** Slots given back by dropped entries, reused before new ones. */
  readonly #free: number[] = [];
  #oldest = NONE;
  #newest = NONE;

  constructor(readonly capacity: number) {}

  /** How many entries are held now. */
  get size(): number {
    return this.#slots.size;
  }

  /** The value for `key`, marking it the most recently used. */
  get(key: K): V | undefined {
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    this.#touch(slot);
    return this.#values[slot];
  }

  /** Sets `key` as the most recently used, dropping the least recently used entry when full. */
  set(key: K, value: V): void {
    const held = this.#slots.get(key);
    if (held !== undefined) {
      this.#values[held] = value;
      this.#touch(held);
      return;
    }
    if (this.capacity <= 0) return;
    if (this.#slots.size >= this.capacity) this.#drop(this.#oldest);
    const slot = this.#free.pop() ?? this.#newSlot();
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#slots.set(key, slot);
    this.#append(slot);
  }

  /**
   * Forgets the least recently used entries for as long as `stale` says so of the oldest, stopping at
   * the first one it keeps; returns how many went. Lets a holder of timed entries drop the expired
   * ones in order without scanning the rest.
   */
  dropOldestWhile(stale: (value: V) => boolean): number {
    let dropped = 0;
    while (this.#oldest !== NONE && stale(this.#values[this.#oldest] as V)) {
      this.#drop(this.#oldest);
      dropped++;
    }
    return dropped;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#slots.clear();
    this.#keys.length = 0;
    this.#values.length = 0;
    this.#free.length = 0;
    this.#older = new Int32Array(0);
    this.#newer = new Int32Array(0);
    this.#oldest = NONE;
    this.#newest = NONE;
  }

  /** A slot never used yet; the link arrays double when full, up to the capacity. */
  #newSlot(): number {
    const slot = this.#keys.length;
    if (slot >= this.#older.length) {
      const size = Math.min(this.capacity, Math.max(16, this.#older.length * 2));
      const older = new Int32Array(size);
      const newer = new Int32Array(size);
      older.set(this.#older);
      newer.set(this.#newer);
      this.#older = older;
      this.#newer = newer;
    }
    this.#keys.push(undefined);
    this.#values.push(undefined);
    return slot;
  }

  #drop(slot: number): void {
    this.#unlink(slot);
    this.#slots.delete(this.#keys[slot] as K);
    // Let go of the key and value at once: the slot may wait a long time for reuse.
    this.#keys[slot] = undefined;
    this.#values[slot] = undefined;
    this.#free.push(slot);
  }

  #touch(slot: number): void {
    if (slot === this.#newest) return;
    this.#unlink(slot);
    this.#append(slot);
  }

  #unlink(slot: number): void {
    const older = this.#older[slot] as number;
    const newer = this.#newer[slot] as number;
    if (older === NONE) this.#oldest = newer;
    else this.#newer[older] = newer;
    if (newer === NONE) this.#newest = older;
    else this.#older[newer] = older;
  }

  #append(slot: number): void {
    this.#older[slot] = this.#newest;
    this.#newer[slot] = NONE;
    if (this.#newest === NONE) this.#oldest = slot;
    else this.#newer[this.#newest] = slot;
    this.#newest = slot;
  }
}
