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
  // A unit stays with its number: ".500 s" never ends one line and starts the next with "s".
  const glued: Word[] = [];
  for (const w of words) {
    const previous = glued.at(-1);
    const unit = w.map((c) => c.ch).join("");
    if (previous && /\d$/.test(previous.at(-1)?.ch ?? "") && /^s\b/.test(unit))
      glued[glued.length - 1] = [...previous, { ch: " ", code: false }, ...w];
    else glued.push(w);
  }
  return glued;
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
  const lines: Char[][] = [];
  let line: Char[] = [];
  let used = visibleWidth(first);
  const room = Math.max(1, width - Math.max(visibleWidth(first), visibleWidth(rest)));
  for (const word of wordsOf(prose)) {
    for (const piece of piecesOf(word, room)) {
      if (line.length > 0 && used + 1 + piece.length > width) {
        lines.push(line);
        line = [];
        used = visibleWidth(rest);
      }
      if (line.length > 0) {
        // The space between two code words stays inside the styled run.
        line.push({ ch: " ", code: (line.at(-1)?.code ?? false) && (piece[0]?.code ?? false) });
        used += 1;
      }
      line.push(...piece);
      used += piece.length;
    }
  }
  lines.push(line);
  return lines.map((chars, i) =>
    `${i === 0 ? first : rest}${chars.length > 0 ? styled(chars, styleCode, styleText) : ""}`.trimEnd(),
  );
}
