import { normalizeName } from "../data/names.js";
import type { NamedEntry } from "./dataset-files.js";

/**
 * Matches the names a results feed uses to the dataset's drivers or tracks: normalized exact match
 * on the canonical name or any alias (data/README.md), never a fuzzy guess, so a new driver is added
 * and reported rather than mistaken for a similar name.
 */
export class NameBook {
  readonly #byKey = new Map<string, NamedEntry[]>();
  readonly #ids = new Set<string>();

  constructor(readonly entries: NamedEntry[]) {
    for (const entry of entries) this.#index(entry);
  }

  #index(entry: NamedEntry): void {
    this.#ids.add(entry.id);
    for (const text of [entry.name, ...(entry.aliases ?? [])]) {
      const key = normalizeName(text);
      const list = this.#byKey.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      this.#byKey.set(key, list);
    }
  }

  /** The entries a feed name matches: none, one, or (a data problem) several. */
  find(name: string): readonly NamedEntry[] {
    return this.#byKey.get(normalizeName(name)) ?? [];
  }

  /** Adds a new entry under a free id made from its name; returns it. */
  add(name: string, aliases: string[]): NamedEntry {
    const base = slugOf(name) || "unnamed";
    let id = base;
    for (let n = 2; this.#ids.has(id); n++) id = `${base}-${n}`;
    const entry: NamedEntry = { id, name: name.trim(), aliases };
    this.entries.push(entry);
    this.#index(entry);
    return entry;
  }
}

/** "Shane van Gisbergen" → "shane-van-gisbergen" (the data's id style). */
export function slugOf(name: string): string {
  return normalizeName(name).replace(/ /g, "-");
}

const TRACK_SUFFIX =
  /\s+(motor speedway|international speedway|superspeedway|speedway|international raceway|raceway park|raceway|motorsports park|motor raceway)$/i;

/** The everyday short name of a track NASCAR names in full: "Iowa Speedway" → "Iowa". */
export function shortTrackName(name: string): string {
  const short = name.trim().replace(TRACK_SUFFIX, "").trim();
  return short === "" ? name.trim() : short;
}
