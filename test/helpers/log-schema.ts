import { z } from "zod";

/**
 * The one interaction log line every platform writes, written out here (not imported from src) so a
 * field renamed or dropped in the code fails the tests: `ms` vs `latencyMs`, two messages, raw ids.
 */
export const interactionLogLine = z.strictObject({
  level: z.number(),
  time: z.number(),
  pid: z.number().optional(),
  hostname: z.string().optional(),
  msg: z.literal("interaction"),
  adapter: z.string().optional(),
  requestId: z.string().min(1),
  platform: z.enum(["discord", "slack", "terminal"]),
  transport: z.enum(["gateway", "http", "socket", "stdin", "tty"]),
  kind: z.enum(["command", "button", "autocomplete", "unsupported"]),
  command: z.string().optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  action: z.enum(["page", "choice", "chart"]).optional(),
  line: z.string().optional(),
  page: z.number().int().min(0).optional(),
  outcome: z.enum(["answered", "rejected", "failed", "suggested"]),
  reason: z.enum(["cooldown", "unreadable-button", "unknown-command", "unsupported"]).optional(),
  // A pseudonym: 16 hex digits, never a platform id.
  user: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
  latencyMs: z.number().min(0),
  delivered: z.boolean().optional(),
  chart: z.boolean().optional(),
  ephemeral: z.boolean().optional(),
});

/** The interaction lines among parsed log lines, each checked against the schema (throws if one is off). */
export function interactionLines(
  lines: readonly Record<string, unknown>[],
): z.infer<typeof interactionLogLine>[] {
  return lines.filter((l) => l.msg === "interaction").map((l) => interactionLogLine.parse(l));
}
