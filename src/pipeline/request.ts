import type { Logger } from "pino";
import type { Answer } from "../core/answer.js";
import type { ButtonAction } from "../core/button-action.js";
import type { Platform } from "../core/command.js";
import type { RawValue } from "../core/options.js";
import type { OutcomeStatus } from "../core/respond.js";

/** One option value as a platform delivers it already split (Discord); `focused` marks autocomplete's. */
export interface OptionInput {
  readonly name: string;
  readonly value?: RawValue;
  readonly focused?: boolean;
}

/**
 * Who sent a request. A chat user is named by the platform's id (and, where ids are only unique
 * within one, its workspace); the pipeline turns it into a pseudonym at once and never logs it.
 * `"operator"` is the person running the process (the terminal): not limited, not logged as a user.
 */
export type RequestUser =
  | { readonly id?: string | undefined; readonly scope?: string | undefined }
  | "operator";

/** What every request carries, whatever its kind. */
interface RequestBase {
  readonly platform: Platform;
  /** How it arrived, for the log: "gateway", "http", "socket", "stdin". */
  readonly transport: string;
  /** The platform's id for this interaction (ties the log to the platform's side), or a fresh UUID. */
  readonly requestId: string;
  readonly user: RequestUser;
  /** performance.now() when the request reached the process; latency is measured from here. */
  readonly receivedAt?: number;
  /** The adapter's logger; the pipeline adds the request id. */
  readonly log?: Logger;
}

/**
 * A request in the pipeline's terms: what a platform's inbound reader makes of the wire. A command
 * is a line as typed (terminal, Slack) or a name and options already split (Discord); a button
 * carries the action its platform codec decoded (undefined when it could not be read); autocomplete
 * names the command and the options typed so far.
 */
export type InboundRequest = RequestBase &
  (
    | { readonly kind: "command"; readonly line: string }
    | { readonly kind: "command"; readonly name: string; readonly options: readonly OptionInput[] }
    | { readonly kind: "button"; readonly action: ButtonAction | undefined }
    | { readonly kind: "autocomplete"; readonly name: string; readonly options: readonly OptionInput[] }
    /** Something the platform delivered that the bot has no meaning for (a modal, a new type). */
    | { readonly kind: "unsupported"; readonly type: string }
  );

/** The kinds of request. */
export type RequestKind = InboundRequest["kind"];

/** Why a request was answered without running what it asked for. */
export type RejectReason = "cooldown" | "unreadable-button" | "unknown-command" | "unsupported";

/** What the pipeline decided for one request; the adapter turns it into the platform's payload. */
export type Reply = {
  readonly kind: RequestKind;
  /** The command that ran (or was asked for), for the log. */
  readonly command: string | undefined;
  /** The option values (parsed when they parsed), for the log. */
  readonly options: Readonly<Record<string, unknown>> | undefined;
  readonly reason?: RejectReason;
  /** This request's logger: the adapter's, with the request id. */
  readonly log: Logger;
} & (
  | {
      readonly status: OutcomeStatus;
      readonly answer: Answer;
      /** The button's action, when a readable button was clicked (and not refused by the cooldown). */
      readonly action?: ButtonAction;
      /** The page of the answer to show (0-based): the button's page, else the first. */
      readonly page: number;
    }
  | {
      readonly status: "suggested" | "failed";
      /** Values for the option being typed, best first, not yet cut to any platform's limits. */
      readonly suggestions: readonly string[];
    }
);

/** A reply that carries an answer (everything but autocomplete). */
export type AnswerReply = Extract<Reply, { readonly answer: Answer }>;

/** What the adapter reports back after sending, for the log line. */
export interface Delivery {
  /** False when the platform refused the payload or could not be reached. */
  readonly delivered?: boolean;
  /** True when the answer went out with its chart. */
  readonly chart?: boolean;
  readonly ephemeral?: boolean;
}
