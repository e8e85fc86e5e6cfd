import { stripVTControlCharacters } from "node:util";

/** Columns of a line as a terminal shows it: characters, not UTF-16 units, and no escape codes. */
export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/** One character of prose, and whether it was inside a `code` span in the neutral answer. */
interface Char {
  readonly ch: string;
  readonly code: boolean;
}

/** A word: the characters between spaces (a code span and the comma after it are one word). */
type Word = readonly Char[];

/** Splits prose into words; text between backticks is marked as code and the backticks dropped. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let word: Char[] = [];
  text.split(/(`[^`\n]+`)/).forEach((part, i) => {
    // Odd parts are the code spans the split captured.
    const code = i % 2 === 1;
    for (const ch of code ? part.slice(1, -1) : part) {
      if (/\s/.test(ch)) {
        if (word.length > 0) words.push(word);
        word = [];
      } else word.push({ ch, code });
    }
  });
  if (word.length > 0) words.push(word);
  return words;
}

/** A word longer than a whole line is cut into line-sized pieces: the only split a word ever gets. */
function piecesOf(word: Word, room: number): Word[] {
  if (word.length <= room) return [word];
  const pieces: Word[] = [];
  for (let at = 0; at < word.length; at += room) pieces.push(word.slice(at, at + room));
  return pieces;
}

/** A word with its code runs and plain runs styled apart. */
function styled(word: Word, code: (t: string) => string, text: (t: string) => string): string {
  let out = "";
  let run = "";
  let inCode = word[0]?.code ?? false;
  for (const c of word) {
    if (c.code !== inCode) {
      out += inCode ? code(run) : text(run);
      run = "";
      inCode = c.code;
    }
    run += c.ch;
  }
  return out + (run ? (inCode ? code(run) : text(run)) : "");
}

/** How prose is laid out: the first line's prefix, later lines' indent, and styles. */
export interface WrapOptions {
  /** Printed before the first line ("Note: ", "  * "); counts towards the width. */
  readonly first?: string;
  /** Printed before every later line; defaults to spaces as wide as `first`. */
  readonly rest?: string;
  /** Styles a code word. */
  readonly code?: (text: string) => string;
  /** Styles every other word. */
  readonly text?: (text: string) => string;
}

/**
 * Word-wraps prose to `width` columns at spaces, never inside a word unless the word alone is wider
 * than a line. Backtick code spans lose their backticks (and may be styled). Returns the lines.
 */
export function wrap(prose: string, width: number, options: WrapOptions = {}): string[] {
  const first = options.first ?? "";
  const rest = options.rest ?? " ".repeat(visibleWidth(first));
  const styleCode = options.code ?? ((t: string) => t);
  const styleText = options.text ?? ((t: string) => t);
  const lines: string[] = [];
  let line = first;
  let used = visibleWidth(first);
  let empty = true;
  const room = (prefix: string) => Math.max(1, width - visibleWidth(prefix));
  for (const word of wordsOf(prose)) {
    for (const piece of piecesOf(word, Math.min(room(first), room(rest)))) {
      const length = piece.length;
      if (!empty && used + 1 + length > width) {
        lines.push(line);
        line = rest;
        used = visibleWidth(rest);
        empty = true;
      }
      line += (empty ? "" : " ") + styled(piece, styleCode, styleText);
      used += (empty ? 0 : 1) + length;
      empty = false;
    }
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}
