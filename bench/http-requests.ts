import { createHmac, type KeyObject, sign } from "node:crypto";

/** A request ready to send: signed before the timed run, so the client's signing is not measured. */
export interface PreparedRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** One question as a fan asks it: the Slack command line and the same question as Discord options. */
export interface Question {
  readonly line: string;
  readonly name: string;
  readonly options: readonly { readonly name: string; readonly type: number; readonly value: unknown }[];
}

const INTEGER = 4;
const STRING = 3;
const NUMBER = 10;

/**
 * What fans ask most, the way a busy server asks it: the same few questions over and over. After
 * the first time each is answered from the answer cache, which is what a real channel gets too.
 */
export const POPULAR_QUESTIONS: readonly Question[] = [
  { line: "/closest", name: "closest", options: [] },
  {
    line: "/closest 5 nextgen",
    name: "closest",
    options: [
      { name: "count", type: INTEGER, value: 5 },
      { name: "era", type: STRING, value: "nextgen" },
    ],
  },
  {
    line: "/margin 0.5 nextgen",
    name: "margin",
    options: [
      { name: "seconds", type: NUMBER, value: 0.5 },
      { name: "era", type: STRING, value: "nextgen" },
    ],
  },
  { line: "/driver Buescher", name: "driver", options: [{ name: "name", type: STRING, value: "Buescher" }] },
  { line: "/leaders nextgen", name: "leaders", options: [{ name: "era", type: STRING, value: "nextgen" }] },
  { line: "/track talladega", name: "track", options: [{ name: "name", type: STRING, value: "talladega" }] },
  { line: "/season 2023", name: "season", options: [{ name: "year", type: INTEGER, value: 2023 }] },
  {
    line: "/versus Larson Buescher",
    name: "versus",
    options: [
      { name: "driver", type: STRING, value: "Larson" },
      { name: "other", type: STRING, value: "Buescher" },
    ],
  },
  {
    line: "/closest 3 talladega 2023",
    name: "closest",
    options: [
      { name: "count", type: INTEGER, value: 3 },
      { name: "track", type: STRING, value: "talladega" },
      { name: "season", type: INTEGER, value: 2023 },
    ],
  },
  { line: "/help", name: "help", options: [] },
];

/**
 * Questions that are all different (`/closest <count> <season>`, `/margin <seconds> <season>`), so
 * none can be answered from the cache: the figure for the work of answering itself.
 */
export function distinctQuestions(count: number): Question[] {
  const questions: Question[] = [];
  for (let season = 1993; season <= 2026 && questions.length < count; season++) {
    for (let n = 1; n <= 25 && questions.length < count; n++)
      questions.push({
        line: `/closest ${n} ${season}`,
        name: "closest",
        options: [
          { name: "count", type: INTEGER, value: n },
          { name: "season", type: INTEGER, value: season },
        ],
      });
    for (let hundredths = 1; hundredths <= 99 && questions.length < count; hundredths++)
      questions.push({
        line: `/margin ${hundredths / 100} ${season}`,
        name: "margin",
        options: [
          { name: "seconds", type: NUMBER, value: hundredths / 100 },
          { name: "season", type: INTEGER, value: season },
        ],
      });
  }
  return questions;
}

/**
 * Signs requests as Slack and Discord would, each from a new user so the per-user cooldown (5
 * commands in 10 s) never turns one away and every request does the full work.
 */
export class RequestSigner {
  #users = 0;

  constructor(
    private readonly slackSecret: string,
    private readonly discordKey: KeyObject,
  ) {}

  /** A signed Slack slash command for `question`. */
  slack(question: Question): PreparedRequest {
    const [command, ...rest] = question.line.split(" ");
    const body = new URLSearchParams({
      command: command as string,
      text: rest.join(" "),
      team_id: "T0BENCH",
      user_id: `U${(this.#users++).toString(36).toUpperCase()}`,
      channel_id: "C0BENCH",
      response_url: "http://127.0.0.1:9/unused",
      trigger_id: "1.2.3",
      api_app_id: "A0BENCH",
    }).toString();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac("sha256", this.slackSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    return {
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature,
      },
    };
  }

  /** A signed Discord interaction with these fields (type, data …) from a new user. */
  discordInteraction(interaction: Record<string, unknown>): PreparedRequest {
    const body = JSON.stringify({
      id: "1",
      application_id: "1",
      token: "t",
      version: 1,
      member: { user: { id: String(80351110224678912n + BigInt(this.#users++)), username: "bench" } },
      ...interaction,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      body,
      headers: {
        "content-type": "application/json",
        "x-signature-timestamp": timestamp,
        "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), this.discordKey).toString("hex"),
      },
    };
  }

  /** A signed Discord slash command for `question`. */
  discord(question: Question): PreparedRequest {
    return this.discordInteraction({
      type: 2,
      data: { id: "1", name: question.name, type: 1, options: question.options },
    });
  }

  /** A signed click on the Chart button of `line`'s answer. */
  chartClick(line: string): PreparedRequest {
    return this.discordInteraction({
      type: 3,
      message: { id: "700000000000000000" },
      data: { custom_id: `pf:c:${line}`, component_type: 2 },
    });
  }
}

/** `total` requests cycling through `questions`, signed by `make`. */
export function requestSet(
  questions: readonly Question[],
  total: number,
  make: (question: Question) => PreparedRequest,
): PreparedRequest[] {
  return Array.from({ length: total }, (_, i) => make(questions[i % questions.length] as Question));
}
