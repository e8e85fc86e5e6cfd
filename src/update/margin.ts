/**
 * What NASCAR's `margin_of_victory` string says about a finish. The feed writes it in several forms:
 * "0.007", ".138", "0.3" (trailing zeros dropped: 0.300), "11.685", "Caution" / "Under Caution"
 * (no timed margin; rain-shortened races too), "" (not run, or not updated yet), or no key at all
 * (seasons before 2018).
 */
export type MarginReading =
  /** A timed finish, in thousandths of a second (integers, so never a float compare). */
  | { readonly kind: "timed"; readonly ms: number }
  /** Ended under caution (or shortened): there is no margin of victory. */
  | { readonly kind: "caution" }
  /** Empty string: the race has not run, or the feed has not been updated since. */
  | { readonly kind: "pending" }
  /** The key is missing (the feed has no margins before 2018). */
  | { readonly kind: "absent" }
  /** Something else: the importer refuses the race and names the value. */
  | { readonly kind: "invalid"; readonly raw: string };

const CAUTION = /^(under\s+)?caution$/i;
/** Seconds with up to three decimals; the leading zero is optional (".138"). */
const SECONDS = /^(\d{0,3})(?:\.(\d{1,3}))?$/;

/** Reads a `margin_of_victory` value as the feed sends it (any type: the key may be absent or odd). */
export function parseMargin(value: unknown): MarginReading {
  if (value === undefined || value === null) return { kind: "absent" };
  if (typeof value !== "string") return { kind: "invalid", raw: JSON.stringify(value) };
  const text = value.trim();
  if (text === "") return { kind: "pending" };
  if (CAUTION.test(text)) return { kind: "caution" };
  const match = SECONDS.exec(text);
  if (!match || (match[1] === "" && match[2] === undefined)) return { kind: "invalid", raw: value };
  const whole = Number(match[1] || "0");
  const thousandths = Number((match[2] ?? "").padEnd(3, "0"));
  const ms = whole * 1000 + thousandths;
  // A dead heat is not a margin of victory: the data requires a margin greater than zero.
  if (ms === 0) return { kind: "invalid", raw: value };
  return { kind: "timed", ms };
}

/** Writes thousandths of a second the way races.csv holds them: seconds with exactly three decimals. */
export function formatSeconds(ms: number): string {
  const whole = Math.floor(ms / 1000);
  return `${whole}.${String(ms % 1000).padStart(3, "0")}`;
}
