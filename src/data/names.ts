import { distance } from "fastest-levenshtein";
import { compareStrings } from "../core/compare.js";

/** Anything that can be looked up by name: drivers and tracks. */
export interface Named {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** What a name lookup found: one match, a choice to offer, or nothing (with the nearest names). */
export type Resolution<T> =
  | {
      readonly kind: "match";
      readonly value: T /** true when a typo was corrected */;
      readonly corrected: boolean;
    }
  | { readonly kind: "ambiguous"; readonly candidates: readonly T[] }
  | { readonly kind: "unknown"; readonly suggestions: readonly T[] };

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const MAX_SUGGESTIONS = 3;

/**
 * Folds a name to the form lookups compare: no accents, no case, punctuation as spaces.
 * "Daniel Suárez" → "daniel suarez", "Truex Jr." → "truex jr".
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Sort keys of names already compared; names come from the data, so this stays about as small. */
const sortKeys = new Map<string, string>();
const MAX_SORT_KEYS = 4_096;

/**
 * Orders names alphabetically, the same on every machine: folded as lookups fold them (no accents,
 * no case), then by exact text. localeCompare would follow the host's locale and load ICU's
 * collation tables (about 1.6 MB resident) to order a handful of names.
 */
export function compareNames(a: string, b: string): number {
  return compareStrings(sortKeyOf(a), sortKeyOf(b)) || compareStrings(a, b);
}

function sortKeyOf(name: string): string {
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = normalizeName(name);
    if (sortKeys.size < MAX_SORT_KEYS) sortKeys.set(name, key);
  }
  return key;
}

/** How many typing mistakes a query of this length may hold and still count as that name. */
function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/** An entry's lookup keys: its own names first, then the shorter forms fans use. */
interface Keys {
  /** The name and aliases as written (suffix included): an exact hit here wins outright. */
  readonly primary: readonly string[];
  /** Derived forms: without a suffix, the surname, surname and suffix. */
  readonly secondary: readonly string[];
}

function keysOf(entry: Named, deriveSurname: boolean): Keys {
  const primary = new Set<string>();
  const secondary = new Set<string>();
  const add = (set: Set<string>, words: string[]) => {
    if (words.length === 0) return;
    set.add(words.join(" "));
    set.add(words.join(""));
  };
  for (const [index, text] of [entry.name, ...entry.aliases].entries()) {
    const words = normalizeName(text).split(" ").filter(Boolean);
    const bare = words.filter((w) => !SUFFIXES.has(w));
    add(primary, words);
    if (bare.length < words.length) add(secondary, bare);
    // A surname is only derived from the canonical name: nicknames ("Bad Brad") have none.
    if (deriveSurname && index === 0 && bare.length > 1) {
      const surname = bare.at(-1) as string;
      add(secondary, [surname]);
      const suffix = words.filter((w) => SUFFIXES.has(w));
      if (suffix.length > 0) add(secondary, [surname, ...suffix]);
    }
  }
  for (const key of primary) secondary.delete(key);
  return { primary: [...primary], secondary: [...secondary] };
}

/**
 * Looks names up the way a fan types them: by full name, surname, alias, without accents, case or
 * punctuation, and through small typos. Built once per dataset; lookups never scan races.
 */
export class NameIndex<T extends Named> {
  readonly #entries: readonly {
    readonly value: T;
    readonly keys: readonly string[];
    readonly suffixes: ReadonlySet<string>;
  }[];
  readonly #byPrimary = new Map<string, T[]>();
  readonly #bySecondary = new Map<string, T[]>();

  constructor(values: readonly T[], options: { deriveSurname: boolean }) {
    const index = (map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key) ?? [];
      if (!list.includes(value)) list.push(value);
      map.set(key, list);
    };
    this.#entries = values.map((value) => {
      const keys = keysOf(value, options.deriveSurname);
      for (const key of keys.primary) index(this.#byPrimary, key, value);
      for (const key of keys.secondary) index(this.#bySecondary, key, value);
      const suffixes = new Set(
        normalizeName(value.name)
          .split(" ")
          .filter((w) => SUFFIXES.has(w)),
      );
      return { value, keys: [...keys.primary, ...keys.secondary], suffixes };
    });
  }

  /** Resolves free text to one entry, a choice between several, or suggestions. */
  resolve(text: string): Resolution<T> {
    const query = normalizeName(text);
    if (query === "") return { kind: "unknown", suggestions: [] };

    const compact = query.replaceAll(" ", "");
    // A name as written beats any shorter form: "Dale Earnhardt" is the father, not "Dale Earnhardt Jr.".
    const exact =
      this.#byPrimary.get(query) ??
      this.#byPrimary.get(compact) ??
      this.#bySecondary.get(query) ??
      this.#bySecondary.get(compact);
    if (exact) return decide(exact, false);
    // A bare suffix ("Jr") names everyone who carries it: a choice, never a guess.
    if (SUFFIXES.has(query)) {
      const carriers = this.#entries.filter((e) => e.suffixes.has(query)).map((e) => e.value);
      if (carriers.length > 0) return decide(carriers, false);
    }

    // A number is never a name unless a name is that number (a race called "Daytona 500" is a key).
    if (/^\d+$/.test(compact)) return { kind: "unknown", suggestions: [] };

    if (query.length >= 3) {
      const prefixed = this.#entries.filter((e) => e.keys.some((k) => startsWithWords(k, query)));
      if (prefixed.length > 0) {
        // "vegas" is a word of "Las Vegas"; "Foo" only starts "Food City": that one is a guess, and says so.
        const whole = prefixed.some((e) => e.keys.some((k) => hasWholeWords(k, query)));
        return decide(
          prefixed.map((e) => e.value),
          !whole,
        );
      }
    }

    const scored = this.#score(query);
    const allowance = typoAllowance(query.length);
    // A typo fixes letters, never a whole word: "Ned Jarrett" is not "Dale Jarrett", "Coy Gibbs" not "Ty Gibbs".
    const typos = scored.filter((s) => s.typo <= allowance).sort((a, b) => a.typo - b.typo);
    const best = typos[0];
    if (best) {
      const tied = typos.filter((s) => s.typo === best.typo).map((s) => s.value);
      return decide(tied, true);
    }
    const bound = suggestionBound(query.length);
    const suggestions = scored
      .filter((s) => s.near <= bound)
      .sort((a, b) => a.near - b.near)
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => s.value);
    return { kind: "unknown", suggestions };
  }

  /**
   * Ranks entries for type-ahead (Discord autocomplete): exact and prefix matches first, then
   * substrings, then near misses. An empty query lists entries in their given order.
   */
  suggest(text: string, limit: number): T[] {
    const query = normalizeName(text);
    if (query === "") return this.#entries.slice(0, limit).map((e) => e.value);
    return this.#score(query)
      .filter((s) => s.prefix || s.contains || s.distance <= typoAllowance(query.length) + 1)
      .slice(0, limit)
      .map((s) => s.value);
  }

  /** Every entry, in the order given. */
  all(): T[] {
    return this.#entries.map((e) => e.value);
  }

  #score(query: string) {
    return this.#entries
      .map(({ value, keys }) => {
        let best = Number.POSITIVE_INFINITY;
        let typo = Number.POSITIVE_INFINITY;
        let near = Number.POSITIVE_INFINITY;
        let prefix = false;
        let contains = false;
        for (const key of keys) {
          if (startsWithWords(key, query)) prefix = true;
          if (key.includes(query)) contains = true;
          // Compare against the key cut to the query's length too, so "buesh" is near "buescher".
          const off = Math.min(distance(query, key), distance(query, key.slice(0, query.length)) + 1);
          best = Math.min(best, off);
          if (wordsAgree(query, key)) typo = Math.min(typo, off);
          // Surname first ("Bueschr Chrs") is still near the name it spells, for a suggestion.
          const flipped = key.includes(" ") ? distance(query, key.split(" ").reverse().join(" ")) : off;
          const closest = Math.min(off, flipped);
          // Worth suggesting only when most of the key survives: "wins" is two edits from "ims", and unrelated.
          if (closest * 2 < Math.min(query.length, key.length)) near = Math.min(near, closest);
        }
        return { value, distance: prefix ? 0 : best, typo, near, prefix, contains };
      })
      .sort(
        (a, b) =>
          Number(b.prefix) - Number(a.prefix) ||
          a.distance - b.distance ||
          Number(b.contains) - Number(a.contains) ||
          compareNames(a.value.name, b.value.name),
      );
  }
}

/**
 * How far off an unknown name may be for an entry to be offered as "Did you mean": one more edit
 * than a typo, so suggestions are near misses, never unrelated names.
 */
function suggestionBound(length: number): number {
  return typoAllowance(length) + 1;
}

/**
 * True when a typo could turn the query into the key word by word: each word of the query (when
 * both have as many words) is within half its length of the key's word, or starts it. Whole other
 * first names ("Ned" for "Dale") are different people, not typos.
 */
function wordsAgree(query: string, key: string): boolean {
  const queryWords = query.split(" ");
  const keyWords = key.split(" ");
  if (queryWords.length !== keyWords.length) return true;
  return queryWords.every((word, i) => {
    const other = keyWords[i] as string;
    return other.startsWith(word) || distance(word, other) <= Math.max(1, Math.floor(word.length / 2));
  });
}

/** True when every word of the query is a whole word of the key ("vegas" in "las vegas"). */
function hasWholeWords(key: string, query: string): boolean {
  const keyWords = new Set(key.split(" "));
  return query.split(" ").every((w) => keyWords.has(w));
}

/** True when every word of the query starts a word of the key, in order ("kyl bus" → "kyle busch"). */
function startsWithWords(key: string, query: string): boolean {
  if (key.startsWith(query)) return true;
  const keyWords = key.split(" ");
  const queryWords = query.split(" ");
  let at = 0;
  for (const word of queryWords) {
    while (at < keyWords.length && !(keyWords[at] as string).startsWith(word)) at++;
    if (at === keyWords.length) return false;
    at++;
  }
  return true;
}

function decide<T>(values: readonly T[], corrected: boolean): Resolution<T> {
  const unique = [...new Set(values)];
  if (unique.length === 1) return { kind: "match", value: unique[0] as T, corrected };
  return { kind: "ambiguous", candidates: unique };
}
