/** Display formats shared by every platform, so a margin or a date reads the same everywhere. */

const MONTHS = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];

/** 1 → ".001", 500 → ".500", 1234 → "1.234" (the way timing and scoring writes margins). */
export function formatMargin(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const frac = String(ms % 1000).padStart(3, "0");
  return whole === 0 ? `.${frac}` : `${whole}.${frac}`;
}

/** "2024-05-05" → "May 5, 2024" (AP style, as the source article writes dates). */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = MONTHS[Number(match?.[2]) - 1];
  // Dates come validated from the data; anything else is shown as given rather than as "undefined".
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : iso;
}

/** 0.3452 → "34.5%" */
export function formatPercent(fraction: number): string {
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd" */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/** ["a"] → "a", ["a","b"] → "a and b", ["a","b","c"] → "a, b and c" (or "or" for choices) */
export function joinNames(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}

/** 1174 → "1,174": counts the way prose writes them. */
export function formatCount(n: number): string {
  // Digits grouped by hand: Intl's toLocaleString showed up in the request profile.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 win", "3 wins", "1,174 races" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Spells out small counts the way prose does ("five"), digits from ten on. */
export function spell(n: number): string {
  return ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][n] ?? String(n);
}

/**
 * Ends a sentence with one full stop, however it ends: a name that carries its own period
 * ("Ricky Stenhouse Jr.") is not followed by a second one. Every sentence that can end with a name
 * goes through here.
 */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * A part of a count with its verb, in English at every size: "5 of the 36 Cup races … were",
 * "1 of the 36 Cup races … was", "None of the 36 Cup races … was", "The one Cup race … was (not)".
 * `middle` goes between the subject and the verb (" in 2023 (2.8%)").
 */
export function partWas(count: number, total: number, one: string, many = `${one}s`, middle = ""): string {
  if (total === 1) return `The one ${one}${middle} ${count === 0 ? "was not" : "was"}`;
  const whole = `the ${formatCount(total)} ${many}`;
  const subject = count === 0 ? `None of ${whole}` : `${formatCount(count)} of ${whole}`;
  return `${subject}${middle} ${count <= 1 ? "was" : "were"}`;
}

/** "no timed finish", "1 timed finish", "3 timed finishes": a count that reads well at zero. */
export function countNoun(count: number, one: string, many = `${one}s`): string {
  return count === 0 ? `no ${one}` : plural(count, one, many);
}

/** "None of the…" → "none of the…", for a phrase that no longer starts its sentence. */
export function lowerFirst(text: string): string {
  return text.replace(/^(None|The one)\b/, (w) => w.toLowerCase());
}
