import { distance } from "fastest-levenshtein";
import type { Dataset } from "../data/dataset.js";
import { findEra } from "../query/scope.js";
import { type Command, emptyRawValues, findOption } from "./command.js";
import { UserError } from "./errors.js";
import { spell } from "./format.js";
import {
  accepts,
  coerceOption,
  looksLikeInteger,
  looksLikeSeconds,
  type OptionSpec,
  type RawValue,
} from "./options.js";

/** A command with validated option values, ready to run. */
export interface Invocation {
  readonly command: Command;
  readonly values: Readonly<Record<string, unknown>>;
}

/** One word of a command line; quoted words keep their spaces. */
interface Token {
  readonly text: string;
  readonly quoted: boolean;
  /** Set for `name:value` and `name=value`. */
  readonly name?: string;
  /** A separator ("vs", ",") ends a name without being one. */
  readonly separator?: boolean;
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "«": "»" };
const SEPARATOR_WORDS = new Set(["vs", "vs.", "v", "v.", "versus", "and", "&", "over", "against"]);
const NAME_TEXT_KINDS = new Set(["driver", "track", "text"]);
const MAX_LINE = 500;

/**
 * Splits a line like a shell would, but forgiving: quotes (straight or curly) group words,
 * `name:value` names an option, a comma separates, an apostrophe inside a word is just a letter.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    if (text[i] === ",") {
      tokens.push({ text: ",", quoted: false, separator: true });
      i++;
      continue;
    }
    let word = "";
    let quoted = false;
    let name: string | undefined;
    while (i < text.length && !/\s/.test(text[i] as string) && text[i] !== ",") {
      const ch = text[i] as string;
      const close = OPEN_QUOTES[ch];
      if (close && word === "") {
        const end = text.indexOf(close, i + 1);
        const stop = end === -1 ? text.length : end;
        word += text.slice(i + 1, stop);
        quoted = true;
        i = stop + 1;
        continue;
      }
      if ((ch === ":" || ch === "=") && name === undefined && !quoted && /^[a-z_][a-z0-9_-]*$/i.test(word)) {
        name = word.toLowerCase();
        word = "";
        i++;
        continue;
      }
      word += ch;
      i++;
    }
    if (name !== undefined) tokens.push({ text: word, quoted, name });
    else if (!quoted && SEPARATOR_WORDS.has(word.toLowerCase()))
      tokens.push({ text: word, quoted, separator: true });
    else tokens.push({ text: word, quoted });
  }
  return tokens;
}

/** Finds a command by name (with or without the slash); suggests the nearest on a miss. */
export function findCommand(commands: readonly Command[], name: string): Command {
  const wanted = name.replace(/^\//, "").toLowerCase();
  const found = commands.find((c) => c.name === wanted) ?? commands.find((c) => c.aliases.includes(wanted));
  if (found) return found;
  const nearest = [...commands].sort((a, b) => distance(wanted, a.name) - distance(wanted, b.name))[0];
  const hint = nearest && distance(wanted, nearest.name) <= 2 ? ` Did you mean /${nearest.name}?` : "";
  throw new UserError(`I don't know the command /${wanted}.${hint} Type /help for the list.`, {
    title: "Unknown command",
    choices: nearest && hint ? [{ label: `/${nearest.name}`, command: `/${nearest.name}` }] : [],
  });
}

/** Parses a whole line as typed in a terminal: `/closest 5 talladega 2023`. */
export function parseLine(line: string, commands: readonly Command[], data: Dataset): Invocation {
  const trimmed = line.trim();
  if (trimmed.length > MAX_LINE) throw new UserError(`That line is too long (over ${MAX_LINE} characters).`);
  const match = /^\/?(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match)
    throw new UserError("Type a command, for example /closest or /help.", { title: "Nothing to answer" });
  const command = findCommand(commands, match[1] as string);
  return { command, values: parseArguments(command, match[2] as string, data) };
}

function withUsage(command: Command, error: unknown): never {
  if (error instanceof UserError && error.usage === undefined)
    throw new UserError(error.message, { title: error.title, usage: command.usage, choices: error.choices });
  throw error;
}

/**
 * Parses the text after a command name, as Slack and terminals deliver it. Named options
 * (`era:nextgen`) go where they say; other words fill the options that can take them, in order.
 */
export function parseArguments(
  command: Command,
  text: string,
  data: Dataset,
): Readonly<Record<string, unknown>> {
  try {
    if (text.length > MAX_LINE) throw new UserError(`That is too long (over ${MAX_LINE} characters).`);
    const raw = emptyRawValues<RawValue>();
    const specs = Object.entries(command.options);
    const free: Token[] = [];
    for (const token of tokenize(text)) {
      if (token.name === undefined) {
        free.push(token);
        continue;
      }
      const spec = findOption(command, token.name);
      if (!spec) {
        const names = specs.map(([n]) => n).join(", ") || "none";
        throw new UserError(`/${command.name} has no option "${token.name}". Its options: ${names}.`);
      }
      if (Object.hasOwn(raw, token.name)) throw new UserError(`You gave ${token.name} twice.`);
      raw[token.name] = token.text;
    }
    assignPositional(command, specs, free, raw, data);
    return validateOptions(command, raw, data);
  } catch (error) {
    return withUsage(command, error);
  }
}

function assignPositional(
  command: Command,
  specs: [string, OptionSpec][],
  tokens: Token[],
  raw: Record<string, RawValue>,
  data: Dataset,
): void {
  const open = (name: string) => !Object.hasOwn(raw, name);
  const valueSpecs = specs.filter(([, spec]) => !NAME_TEXT_KINDS.has(spec.kind));
  const nameSlots = specs.filter(([, spec]) => NAME_TEXT_KINDS.has(spec.kind));
  // "vs" separates two names; for a command with one name at most ("/help versus") it is a word.
  const separates = nameSlots.length > 1;
  // Only driver and track names are guarded against stray values; /help's topic is free text.
  const takesNames = nameSlots.some(([, spec]) => spec.kind === "driver" || spec.kind === "track");
  const words: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.quoted || (token.separator && (separates || token.text === ","))) {
      words.push(token);
      continue;
    }
    // Multi-word keywords first ("next gen"), then single words.
    const pair = tokens[i + 1];
    const two = pair && !pair.separator && !pair.quoted ? `${token.text} ${pair.text}` : undefined;
    const taker = (text: string) =>
      valueSpecs.find(([name, spec]) => open(name) && accepts(spec, text, data));
    const forTwo = two ? taker(two) : undefined;
    if (two && forTwo && forTwo[1].kind === "era") {
      raw[forTwo[0]] = two;
      i++;
      continue;
    }
    const eraTwice = two
      ? valueSpecs.find(([, spec]) => spec.kind === "era" && accepts(spec, two, data))
      : undefined;
    if (two && eraTwice) conflict(eraTwice, raw[eraTwice[0]] as RawValue, two);
    const forOne = taker(token.text);
    if (forOne) {
      raw[forOne[0]] = token.text;
      continue;
    }
    // A value no open option takes but a filled one would is the same option given twice, never a name.
    const filled = valueSpecs.find(([, spec]) => accepts(spec, token.text, data));
    if (filled) conflict(filled, raw[filled[0]] as RawValue, token.text);
    if (!takesNames) {
      words.push(token.separator ? { text: token.text, quoted: false } : token);
      continue;
    }
    if (findEra(data, token.text))
      throw new UserError(`/${command.name} takes no era; you gave "${token.text}".`);
    if (isNumber(token.text) && !endsName(words.at(-1), token.text, nameSlots, data)) {
      // A margin the seconds option cannot read ("0.0005") gets that option's own reason.
      const seconds = valueSpecs.find(([name, spec]) => open(name) && spec.kind === "seconds");
      if (seconds) coerceOption(seconds[0], seconds[1], token.text, data);
      refuseNumber(command, token.text);
    }
    words.push(token.separator ? { text: token.text, quoted: false } : token);
  }
  const textSlots = nameSlots.filter(([name]) => open(name));
  const groups = groupWords(words);
  if (groups.length === 0) return;
  // A required value still missing is what a stray word most likely meant ("/margin abc").
  const missing = specs.find(
    ([name, spec]) => open(name) && spec.required && !NAME_TEXT_KINDS.has(spec.kind),
  );
  if (missing) coerceOption(missing[0], missing[1], (groups[0] as string[]).join(" "), data);
  if (textSlots.length === 0) {
    const leftover = groups.map((g) => g.join(" ")).join(" ");
    // A word no option accepts is most often a mistyped value: let the first open option say why.
    const firstOpen = specs.find(([name]) => open(name));
    if (firstOpen) coerceOption(firstOpen[0], firstOpen[1], leftover, data);
    throw new UserError(`I didn't understand "${leftover}".`);
  }
  const assigned = splitIntoSlots(groups, textSlots, data);
  if (!assigned) {
    const example =
      command.examples.find((e) => e.includes('"')) ?? `/${command.name} "Kyle Larson" "Chris Buescher"`;
    const whole = groups.flat().join(" ");
    const first = (textSlots[0] as [string, OptionSpec])[1];
    const index =
      first.kind === "driver" ? data.driverNames : first.kind === "track" ? data.trackNames : undefined;
    // One name where two are needed ("/versus Larson", "/versus Dale Earnhardt Jr") is one name, not a puzzle.
    if (groups.length < textSlots.length && index?.resolve(whole).kind === "match")
      throw new UserError(
        `/${command.name} needs ${spell(textSlots.length)} names, and “${whole}” is one. Add the other, e.g. ${example}.`,
      );
    throw new UserError(
      `I couldn't tell where one name ends and the next begins. Put each name in quotes, e.g. ${example}.`,
    );
  }
  assigned.forEach((text, index) => {
    raw[(textSlots[index] as [string, OptionSpec])[0]] = text;
  });
}

/** "5", "2023", "0.5", ".25s": a number, which no driver or track name is. */
function isNumber(text: string): boolean {
  return looksLikeInteger(text) || looksLikeSeconds(text) || /^\d*[.,]\d+$/.test(text.trim());
}

/** True when a number finishes a name the command takes, word for word ("Daytona 500", "Coca-Cola 600"). */
function endsName(
  previous: Token | undefined,
  text: string,
  slots: readonly [string, OptionSpec][],
  data: Dataset,
): boolean {
  if (!previous || previous.separator || previous.quoted) return false;
  const name = `${previous.text} ${text}`;
  return slots.some(([, spec]) => {
    const index =
      spec.kind === "driver" ? data.driverNames : spec.kind === "track" ? data.trackNames : undefined;
    const found = index?.resolve(name);
    return found?.kind === "match" && !found.corrected;
  });
}

/** What two values for one option are called: "two eras", "count twice". */
function twiceWhat(name: string, spec: OptionSpec): string {
  if (spec.kind === "era") return "two eras";
  if (spec.kind === "season") return "two seasons";
  return `${name} twice`;
}

/** The same option given twice ("/closest 5 nextgen all", "/leaders wins wins"): say so. */
function conflict([name, spec]: [string, OptionSpec], first: RawValue, second: string): never {
  throw new UserError(`You gave ${twiceWhat(name, spec)}, "${first}" and "${second}". Give one.`);
}

/** A number where no option takes one is never a name: say what the command takes instead. */
function refuseNumber(command: Command, text: string): never {
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed))
    throw new UserError(
      `/${command.name} takes no season. For ${trimmed}, try /season ${trimmed} or /closest ${trimmed}.`,
    );
  if (looksLikeSeconds(trimmed))
    throw new UserError(
      `/${command.name} takes no margin. For races decided by ${trimmed} s or less, try /margin ${trimmed}.`,
    );
  throw new UserError(`/${command.name} takes no number here; you gave ${trimmed}.`);
}

/** Words between separators and quotes form groups: `Kyle Larson vs "Chris Buescher"` → 2 groups. */
function groupWords(tokens: readonly Token[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) groups.push(current);
    current = [];
  };
  for (const token of tokens) {
    if (token.separator) flush();
    else if (token.quoted) {
      flush();
      if (token.text.trim() !== "") groups.push([token.text.trim()]);
    } else current.push(token.text);
  }
  flush();
  return groups;
}

/**
 * Fits word groups to name slots. With one slot everything is one name. With more, explicit groups
 * win; otherwise the split where every part is a known name is taken, if there is exactly one.
 */
function splitIntoSlots(
  groups: string[][],
  slots: [string, OptionSpec][],
  data: Dataset,
): string[] | undefined {
  if (slots.length === 1) return [groups.flat().join(" ")];
  if (groups.length === slots.length) return groups.map((g) => g.join(" "));
  if (groups.length > slots.length) return undefined;
  const words = groups.flat();
  if (words.length === slots.length) return words;
  if (slots.length !== 2) return undefined;
  const known = (text: string, spec: OptionSpec) => {
    const index = spec.kind === "driver" ? data.driverNames : data.trackNames;
    return index.resolve(text).kind === "match";
  };
  const splits: string[][] = [];
  for (let at = 1; at < words.length; at++) {
    const parts = [words.slice(0, at).join(" "), words.slice(at).join(" ")];
    if (parts.every((part, i) => known(part, (slots[i] as [string, OptionSpec])[1]))) splits.push(parts);
  }
  return splits.length === 1 ? splits[0] : undefined;
}

/** What a missing required option is, in words. */
const NEEDS: Record<OptionSpec["kind"], string> = {
  integer: "a number",
  seconds: "a margin in seconds",
  season: "a season",
  era: "an era",
  driver: "a driver's name",
  track: "a track",
  choice: "a choice",
  text: "some text",
};

/** The same, when a command needs several ("two drivers' names"). */
const NEEDS_MANY: Record<OptionSpec["kind"], string> = {
  integer: "numbers",
  seconds: "margins in seconds",
  season: "seasons",
  era: "eras",
  driver: "drivers' names",
  track: "tracks",
  choice: "choices",
  text: "pieces of text",
};

/**
 * Checks raw values against the command's declared options: required ones present, bounds kept,
 * defaults filled in. The one validation path for every platform.
 */
export function validateOptions(
  command: Command,
  raw: Readonly<Record<string, RawValue | undefined>>,
  data: Dataset,
): Readonly<Record<string, unknown>> {
  try {
    const values: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(command.options)) {
      const given = Object.hasOwn(raw, name) ? raw[name] : undefined;
      if (given === undefined || given === "") {
        if (spec.required) {
          const sameKind = Object.values(command.options).filter((o) => o.kind === spec.kind && o.required);
          const needs =
            sameKind.length > 1 ? `${spell(sameKind.length)} ${NEEDS_MANY[spec.kind]}` : NEEDS[spec.kind];
          throw new UserError(
            `/${command.name} needs ${needs}, e.g. ${command.examples[0] ?? `/${command.name}`}.`,
          );
        }
        if (spec.default !== undefined) values[name] = spec.default;
        continue;
      }
      values[name] = coerceOption(name, spec, given, data);
    }
    for (const name of Object.keys(raw)) {
      if (!findOption(command, name)) throw new UserError(`/${command.name} has no option "${name}".`);
    }
    return values;
  } catch (error) {
    return withUsage(command, error);
  }
}

/**
 * Writes values back as a short command line that parses to the same values (for paging, buttons
 * and suggestions): positional, with names quoted so no word of a name is read as a keyword.
 */
export function formatInvocation(command: Command, values: Readonly<Record<string, unknown>>): string {
  const parts = [`/${command.name}`];
  for (const [name, spec] of Object.entries(command.options)) {
    const value = values[name];
    if (value === undefined || value === spec.default) continue;
    if (spec.kind === "seconds") parts.push(String((value as number) / 1000));
    else if (NAME_TEXT_KINDS.has(spec.kind)) {
      const text = String(value).replace(/["“”]/g, "");
      parts.push(/^[\p{L}.'-]+$/u.test(text) ? text : `"${text}"`);
    } else parts.push(String(value));
  }
  return parts.join(" ");
}
