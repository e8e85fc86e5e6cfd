import type { Dataset } from "../data/dataset.js";
import type { Answer } from "./answer.js";
import type { Command, CommandContext } from "./command.js";
import type { Invocation } from "./parse.js";
import { RecentMap } from "./recent-map.js";
import type { Outcome } from "./respond.js";

/**
 * How many distinct questions a cache keeps answers for; the least recently asked go first. A
 * channel's popular questions are a few dozen; each kept answer, with its Discord and Slack payloads
 * and their JSON, holds up to about 25 kB, so 128 of them stay within 3 MB.
 */
export const ANSWER_CACHE_SIZE = 128;

interface Entry {
  readonly command: Command;
  readonly outcome: Outcome;
}

/**
 * Answers already given, so a question asked again on the same data is not worked out again. A fan
 * channel asks the same few things over and over (`/closest`, `/leaders nextgen`), and a command is
 * a pure function of its values and its context (data, command list, platform, refresh time), so
 * the answer can be reused as it stands; answers are read-only values and nobody changes them.
 *
 * An answer is kept the second time its question is asked (recently): most questions are asked
 * once, and keeping those would only push the popular ones out and give the garbage collector long-
 * lived objects to move. Only answers and rejections (the user's to fix) are kept. A failure is ours:
 * it is never kept, so it is logged every time it happens. The whole cache is dropped when the data
 * changes (a reload or a refresh), so an answer never outlives the data it came from.
 */
export class AnswerCache {
  #data: Dataset | undefined;
  readonly #entries: RecentMap<string, Entry>;
  /** Questions asked once recently: only their keys, a few times as many as the answers kept. */
  readonly #askedOnce: RecentMap<string, true>;

  constructor(capacity = ANSWER_CACHE_SIZE) {
    this.#entries = new RecentMap(capacity);
    this.#askedOnce = new RecentMap(capacity * 4);
  }

  /** How many answers are kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The answer to `invocation` in `context`: the kept one, or `compute`'s (kept when it may be). */
  answer(context: CommandContext, invocation: Invocation, compute: () => Outcome): Outcome {
    if (this.#entries.capacity <= 0) return compute();
    if (context.data !== this.#data) {
      this.#entries.clear();
      this.#askedOnce.clear();
      this.#data = context.data;
    }
    const key = keyOf(context, invocation);
    const kept = key === undefined ? undefined : this.#entries.get(key);
    // The command object is checked too: a test or an embedder may register another command by that name.
    if (key !== undefined && kept && kept.command === invocation.command) return kept.outcome;
    const outcome = compute();
    if (key === undefined || outcome.status === "failed") return outcome;
    if (this.#askedOnce.get(key) === undefined) {
      this.#askedOnce.set(key, true);
      return outcome;
    }
    // Frozen, so code that tried to change a shared answer would fail when it is kept, not corrupt later asks.
    this.#entries.set(key, { command: invocation.command, outcome: deepFreeze(outcome) });
    keptAnswers.add(outcome.answer);
    return outcome;
  }
}

/** Freezes `value` and every object and array inside it; returns it. */
function deepFreeze<T>(value: T): T {
  // Typed arrays (a PNG's bytes) cannot be frozen; answers and payloads hold none, but must not break if one does.
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value))
    return value;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
  return value;
}

/**
 * The question as a string: everything the answer can depend on. Undefined (not cached) when a value
 * is not a plain string, number or boolean, since then the string would not tell two questions apart.
 */
function keyOf(context: CommandContext, invocation: Invocation): string | undefined {
  const values: [string, string | number | boolean][] = [];
  for (const name of Object.keys(invocation.values).sort()) {
    const value = invocation.values[name];
    if (value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
      return undefined;
    values.push([name, value]);
  }
  // JSON keeps every part apart whatever characters a typed value holds, and 3 apart from "3".
  return JSON.stringify([context.platform, context.refreshedAt ?? "", invocation.command.name, values]);
}

/** Answers an AnswerCache has kept: the only ones worth remembering renders for. */
const keptAnswers = new WeakSet<Answer>();

/**
 * A pure renderer (answer → payload) that remembers what it made for each kept answer, keyed by the
 * other arguments: a kept answer comes back as the same object, so its payloads are made once, and an
 * answer no longer kept anywhere takes its payloads with it (a WeakMap). Any other answer is rendered
 * afresh and nothing is kept for it, so a question asked once costs no more than before.
 */
export function rememberRenders<A extends readonly (string | number | undefined)[], R extends object>(
  render: (answer: Answer, ...args: A) => R,
): (answer: Answer, ...args: A) => R {
  const made = new WeakMap<Answer, Map<string, R>>();
  return (answer, ...args) => {
    if (!keptAnswers.has(answer)) return render(answer, ...args);
    let byArgs = made.get(answer);
    if (!byArgs) {
      byArgs = new Map();
      made.set(answer, byArgs);
    }
    const key = args.map(String).join("\u0000");
    const hit = byArgs.get(key);
    if (hit !== undefined) return hit;
    const payload = deepFreeze(render(answer, ...args));
    byArgs.set(key, payload);
    rememberedPayloads.add(payload);
    return payload;
  };
}

/** Payloads made by a remembered renderer: sent again and again, never changed. */
const rememberedPayloads = new WeakSet<object>();
/** Their JSON as UTF-8 bytes, made the first time one is sent. */
const jsonBytes = new WeakMap<object, Buffer>();

/**
 * `value` as JSON to send: for a remembered payload, UTF-8 bytes made once and written as they
 * stand every time its answer is sent (no serialising, encoding or copying per request); anything
 * else is serialised afresh, as text, and nothing is kept for it.
 */
export function toJson(value: unknown): string | Buffer {
  if (typeof value !== "object" || value === null || !rememberedPayloads.has(value))
    return JSON.stringify(value);
  let bytes = jsonBytes.get(value);
  if (bytes === undefined) {
    const text = JSON.stringify(value);
    // A buffer of its own: a small Buffer.from would be cut from Node's shared 8 kB pool and keep
    // all of it (and whatever else lands there) alive as long as the answer is kept.
    bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    bytes.write(text, "utf8");
    jsonBytes.set(value, bytes);
  }
  return bytes;
}
