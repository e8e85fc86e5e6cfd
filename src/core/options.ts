import type { Dataset } from "../data/dataset.js";
import { findEra } from "../query/scope.js";
import { UserError } from "./errors.js";

/** The kinds of option a command can declare; each maps to a Discord option type and a parser rule. */
export type OptionKind = "integer" | "seconds" | "season" | "era" | "driver" | "track" | "choice" | "text";

/** One declared option. Declared once; Discord registration, Slack hints and the parser all read it. */
export interface OptionSpec {
  readonly kind: OptionKind;
  readonly description: string;
  readonly required?: boolean;
  /** Bounds for integer, season and seconds (seconds in seconds: 0.001 – 10). */
  readonly min?: number;
  readonly max?: number;
  /** For `choice`: the accepted values and their display names. */
  readonly choices?: readonly {
    readonly value: string;
    readonly name: string;
    readonly aliases?: readonly string[];
  }[];
  /** Value used when the user gives none. */
  readonly default?: string | number;
  /** Placeholder in usage lines, e.g. `seconds`. Defaults to the option's name. */
  readonly placeholder?: string;
}

/** Options of a command, by name, in the order the usage line and positional parsing use. */
export type OptionMap = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S["kind"] extends "integer" | "season" | "seconds" ? number : string;

/** The validated values a command's `run` receives: required and defaulted options are present. */
export type OptionValues<O extends OptionMap> = {
  readonly [K in keyof O]: O[K] extends { required: true } | { default: string | number }
    ? ValueOf<O[K]>
    : ValueOf<O[K]> | undefined;
};

/** A raw option value as a platform delivers it: text from a command line, typed from Discord. */
export type RawValue = string | number | boolean;

/** Margins are timed to the thousandth: at most three decimals, "s" optional, comma as decimal point. */
const SECONDS_PATTERN = /^(\d+)?(?:[.,](\d{1,3}))?\s*(?:s|sec|secs|seconds?)?$/i;
const INTEGER_PATTERN = /^[+-]?\d+$/;

/** Reads seconds as integer thousandths without a float ever being compared: "0.5" → 500. */
export function parseSeconds(text: string): number | undefined {
  const match = SECONDS_PATTERN.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const whole = Number(match[1] ?? "0");
  const frac = Number((match[2] ?? "").padEnd(3, "0"));
  return whole * 1000 + frac;
}

/** True when the text looks like a seconds value rather than a count ("0.5", ".5", "1s"). */
export function looksLikeSeconds(text: string): boolean {
  return /[.,]\d|\ds(ec)?/i.test(text) && parseSeconds(text) !== undefined;
}

/** True when the text is a whole number. */
export function looksLikeInteger(text: string): boolean {
  return INTEGER_PATTERN.test(text.trim());
}

function findChoice(spec: OptionSpec, text: string) {
  const wanted = text.trim().toLowerCase();
  return spec.choices?.find((c) =>
    [c.value, c.name, ...(c.aliases ?? [])].some((name) => name.toLowerCase() === wanted),
  );
}

/** True when a word can fill this option positionally (used to assign unnamed words). */
export function accepts(spec: OptionSpec, text: string, data: Dataset): boolean {
  switch (spec.kind) {
    case "era":
      return findEra(data, text) !== undefined;
    case "choice":
      return findChoice(spec, text) !== undefined;
    case "season": {
      // A four-digit number is a season; small numbers are counts.
      return /^\d{4}$/.test(text.trim());
    }
    case "integer":
      return looksLikeInteger(text) && !/^\d{4}$/.test(text.trim());
    case "seconds":
      return looksLikeSeconds(text) || looksLikeInteger(text);
    default:
      return false;
  }
}

/**
 * Validates one raw value against its spec, the same way for every platform. Throws a UserError with
 * a plain sentence; the caller adds the usage line.
 */
export function coerceOption(name: string, spec: OptionSpec, raw: RawValue, data: Dataset): string | number {
  const text = String(raw).trim();
  switch (spec.kind) {
    case "integer":
    case "season": {
      const value = typeof raw === "number" ? raw : looksLikeInteger(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(value)) throw new UserError(`${name} should be a whole number, not "${text}".`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        if (spec.kind === "season")
          throw new UserError(
            `${value} is not in the data: it covers the ${spec.min} to ${spec.max} seasons.`,
          );
        throw new UserError(`${name} should be between ${spec.min} and ${spec.max}; you gave ${value}.`);
      }
      return value;
    }
    case "seconds": {
      if (typeof raw !== "number" && /\d*[.,]\d{4,}/.test(text))
        throw new UserError("Margins are timed to the thousandth of a second: use at most three decimals.");
      const ms = typeof raw === "number" ? Math.round(raw * 1000) : parseSeconds(text);
      if (ms === undefined || Number.isNaN(ms))
        throw new UserError(`${name} should be a number of seconds like 0.5 or .25, not "${text}".`);
      if (typeof raw === "number" && Math.abs(raw * 1000 - ms) > 1e-6)
        throw new UserError(`Margins are timed to the thousandth of a second: use at most three decimals.`);
      const minMs = Math.round((spec.min ?? 0) * 1000);
      const maxMs = Math.round((spec.max ?? Number.POSITIVE_INFINITY) * 1000);
      if (ms < minMs || ms > maxMs)
        throw new UserError(
          `${name} should be between ${spec.min} and ${spec.max} seconds; you gave ${text}.`,
        );
      return ms;
    }
    case "era": {
      const era = findEra(data, text);
      if (!era) {
        const names = data.eras.map((e) => `\`${e.id}\` (${e.name})`).join(" or ");
        throw new UserError(`"${text}" is not an era I know. Try ${names}.`);
      }
      return era.id;
    }
    case "choice": {
      const choice = findChoice(spec, text);
      if (!choice) {
        const names = (spec.choices ?? []).map((c) => `\`${c.value}\``).join(", ");
        throw new UserError(`${name} should be one of ${names}; you gave "${text}".`);
      }
      return choice.value;
    }
    case "driver":
    case "track":
    case "text": {
      if (text === "") throw new UserError(`${name} should not be empty.`);
      if (text.length > 100) throw new UserError(`That ${name} is too long to be a name.`);
      return text;
    }
  }
}
