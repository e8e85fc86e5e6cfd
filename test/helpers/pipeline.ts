import type { Logger } from "pino";
import type { CommandContext } from "../../src/core/command.js";
import { Cooldown, InteractionLimits } from "../../src/core/cooldown.js";
import { silentLogger } from "../../src/log.js";
import { Pipeline } from "../../src/pipeline/pipeline.js";
import type { AnswerReply, InboundRequest } from "../../src/pipeline/request.js";

/** A fixed pseudonym key, so tests can compare pseudonyms. */
export const TEST_USER_KEY = { key: Buffer.from("test-key-0123456789abcdef0123456"), stable: true } as const;

/** Limits nobody reaches: for tests that send many requests and are not about the cooldown. */
export function unlimited(): InteractionLimits {
  const none = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1, maxUsers: 10 };
  return new InteractionLimits(new Cooldown(none), new Cooldown(none));
}

/** A pipeline over one fixed context. */
export function pipelineFor(
  context: CommandContext,
  options: { log?: Logger; limits?: InteractionLimits } = {},
): Pipeline {
  return new Pipeline({
    runtime: { context: () => context },
    log: options.log ?? silentLogger(),
    userKey: TEST_USER_KEY,
    ...(options.limits ? { limits: options.limits } : {}),
  });
}

/** The reply to a request that carries an answer; throws (failing the test) for autocomplete's. */
export function answerReply(pipeline: Pipeline, request: InboundRequest): AnswerReply {
  const reply = pipeline.reply(request);
  if (!("answer" in reply)) throw new Error(`expected an answer, got ${reply.status}`);
  return reply;
}
