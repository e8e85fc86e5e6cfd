import type { Command } from "../../core/command.js";
import type { Dataset } from "../../data/dataset.js";

/** Commands only the terminal has: they complete and show in /help like the others. */
export const TERMINAL_COMMANDS = ["/quit"] as const;

/** Longest name, in words, a completion looks back over ("Martin Truex Jr."). */
const MAX_NAME_WORDS = 4;

/** Driver names as people type them: full name and surname (with any suffix). */
function driverWords(data: Dataset): string[] {
  return [...data.drivers.values()].flatMap((d) => {
    const at = d.name.indexOf(" ");
    return [d.name, ...(at > 0 ? [d.name.slice(at + 1)] : [])];
  });
}

/**
 * What the words after a command can be, read from the command's declared options and the loaded
 * data: drivers, tracks, eras, choices such as `by`, and for /help the command names. Aliases come
 * second: offered only when no proper name fits, so "next" completes to `nextgen`, not to a choice
 * between `nextgen` and `next-gen`.
 */
function valuesFor(
  command: Command,
  data: Dataset,
  commands: readonly Command[],
): { names: string[]; aliases: string[] } {
  const names: string[] = [];
  const aliases: string[] = [];
  if (command.name === "help") names.push(...commands.map((c) => c.name));
  for (const spec of Object.values(command.options)) {
    if (spec.kind === "driver") {
      names.push(...driverWords(data));
      aliases.push(...[...data.drivers.values()].flatMap((d) => d.aliases));
    } else if (spec.kind === "track") {
      names.push(...[...data.tracks.values()].map((t) => t.name));
      aliases.push(...[...data.tracks.values()].flatMap((t) => t.aliases));
    } else if (spec.kind === "era") {
      names.push(...data.eras.map((e) => e.id));
      aliases.push(...data.eras.flatMap((e) => e.aliases));
    } else if (spec.kind === "choice") {
      names.push(...(spec.choices ?? []).map((c) => c.value));
      aliases.push(...(spec.choices ?? []).flatMap((c) => c.aliases ?? []));
    }
  }
  return { names: [...new Set(names)], aliases: [...new Set(aliases)] };
}

/**
 * Completes a terminal line: command names on the first word, then the values the command takes.
 * Returns readline's pair: the completions and the end of the line they complete. Every completion
 * starts with exactly what was typed (readline inserts the rest), so matching ignores case but the
 * typed letters are kept; a name with spaces completes from its first word ("kyle la" → "kyle larson").
 */
export function completeLine(line: string, commands: readonly Command[], data: Dataset): [string[], string] {
  if (!/\s/.test(line.trimStart())) {
    const typed = line.trimStart();
    const names = [...commands.map((c) => `/${c.name}`), ...TERMINAL_COMMANDS];
    const hits = names.filter((n) => n.startsWith(typed.toLowerCase()));
    return [hits.map((n) => typed + n.slice(typed.length)), typed];
  }
  const name = line.trimStart().split(/\s/)[0]?.replace(/^\//, "").toLowerCase();
  const command = commands.find((c) => c.name === name);
  if (!command) return [[], line];
  const values = valuesFor(command, data, commands);
  // Try the longest stretch of trailing words first, so "Kyle La" completes as one name.
  for (let words = MAX_NAME_WORDS; words >= 1; words--) {
    const match = new RegExp(`(?:^|\\s)(["“']?\\S+(?:\\s+\\S+){${words - 1}})$`).exec(line);
    const typed = match?.[1];
    if (!typed || (words > 1 && typed.startsWith("/"))) continue;
    const quote = /^["“']/.test(typed) ? typed.charAt(0) : "";
    const fragment = typed.slice(quote.length).toLowerCase();
    const fits = (v: string) => v.toLowerCase().startsWith(fragment) && (words === 1 || v.includes(" "));
    const named = values.names.filter(fits);
    const hits = named.length > 0 ? named : values.aliases.filter(fits);
    if (hits.length === 0) continue;
    const close = quote === "“" ? "”" : quote;
    return [
      [...new Set(hits.map((v) => `${typed}${v.slice(fragment.length)}${quote ? close : ""}`))].sort(),
      typed,
    ];
  }
  // After a space, offer the short lists (eras, choices, help topics); never every driver at once.
  if (/\s$/.test(line)) {
    const short = values.names.filter((v) => !v.includes(" "));
    if (short.length <= 20) return [short.sort(), ""];
  }
  return [[], line];
}
