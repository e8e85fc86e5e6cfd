import { styleText } from "node:util";

/**
 * Emphasis for terminal text: titles, key figures, notes, errors and `code` words. Plain when the
 * output is not a colour terminal, so piped output and NO_COLOR users get the same words, unstyled.
 */
export interface TextStyle {
  readonly title: (text: string) => string;
  readonly error: (text: string) => string;
  readonly figure: (text: string) => string;
  readonly note: (text: string) => string;
  /** A command or option word (written in `backticks` in the neutral answer). */
  readonly code: (text: string) => string;
  /** Secondary text: the footer, table rules. */
  readonly dim: (text: string) => string;
}

const same = (text: string) => text;

/** No emphasis at all: every function returns its text unchanged. */
export const PLAIN_STYLE: TextStyle = {
  title: same,
  error: same,
  figure: same,
  note: same,
  code: same,
  dim: same,
};

/** Emphasis through node:util's styleText (Node 20.12+), which writes the escape codes for us. */
export const COLOR_STYLE: TextStyle = {
  title: (text) => styleText("bold", text),
  error: (text) => styleText(["bold", "red"], text),
  figure: (text) => styleText("bold", text),
  note: (text) => styleText("yellow", text),
  code: (text) => styleText("cyan", text),
  dim: (text) => styleText("dim", text),
};

/** The part of a stream colour support depends on (a tty.WriteStream has both). */
export interface StyledStream {
  readonly isTTY?: boolean;
  hasColors?(): boolean;
}

/**
 * The style for a stream: colour only on a terminal that supports it. `hasColors()` reads NO_COLOR,
 * FORCE_COLOR and TERM the way every Node tool does, so a user's NO_COLOR is respected.
 */
export function styleFor(stream: StyledStream): TextStyle {
  return stream.isTTY === true && stream.hasColors?.() === true ? COLOR_STYLE : PLAIN_STYLE;
}
