import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "is not a real calendar date",
    },
  );

/** Margins are written with exactly three decimals, as timing and scoring publishes them. */
const seconds = z
  .string()
  .regex(/^\d{1,3}\.\d{3}$/, "must be seconds with three decimals, e.g. 0.001")
  .transform((s) => Number(s.replace(".", "")));
const margin = seconds.refine((ms) => ms > 0, { message: "must be greater than zero" });
/** An optional seconds column: empty, or three decimals (one clear message either way). */
function optionalSeconds(positive: boolean) {
  return z.string().transform((text, ctx) => {
    if (text === "") return undefined;
    if (!/^\d{1,3}\.\d{3}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "must be empty or seconds with three decimals, e.g. 0.001" });
      return z.NEVER;
    }
    const ms = Number(text.replace(".", ""));
    if (positive && ms <= 0) {
      ctx.addIssue({ code: "custom", message: "must be greater than zero" });
      return z.NEVER;
    }
    return ms;
  });
}

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lower-case slug like kyle-larson");
const nonEmpty = z.string().trim().min(1, "must not be empty");
const optionalText = z.string().transform((s) => (s.trim() === "" ? undefined : s.trim()));
const whole = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, `must be a ${what}`)
    .transform(Number);

/** The columns of data/races.csv, in order. */
export const RACE_COLUMNS = [
  "id",
  "season",
  "round",
  "date",
  "track",
  "race_name",
  "winner",
  "runner_up",
  "finish",
  "margin",
  "line_gap",
  "result_source",
  "margin_source",
  "note",
  "source_url",
] as const;

/** One row of data/races.csv, before cross-references are checked. */
export const raceRowSchema = z
  .object({
    id: z.string().regex(/^\d{4}-\d{2}$/, "must be <season>-<round, two digits>, e.g. 2024-12"),
    season: z
      .string()
      .regex(/^\d{4}$/, "must be a four-digit year")
      .transform(Number),
    round: whole("race number from 1"),
    date: isoDate,
    track: slug,
    race_name: nonEmpty,
    winner: nonEmpty,
    runner_up: nonEmpty,
    finish: z
      .enum(["timed", "caution", ""], { message: "must be timed, caution or empty (not known)" })
      .transform((f) => (f === "" ? ("unknown" as const) : f)),
    margin: optionalSeconds(true),
    line_gap: optionalSeconds(false),
    result_source: slug,
    margin_source: z.union([z.literal("").transform(() => undefined), slug]),
    note: optionalText,
    source_url: z.union([
      z.literal("").transform(() => undefined),
      z.url({ message: "must be the URL of a report that confirms the row" }),
    ]),
  })
  .superRefine((row, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (row.finish === "timed" && row.margin === undefined)
      issue("margin", "is required when finish is timed");
    if (row.finish !== "timed" && row.margin !== undefined)
      issue("margin", "is only for timed finishes (use line_gap for a gap at the line)");
    if (row.finish === "timed" && row.line_gap !== undefined)
      issue("line_gap", "is only for finishes that were not timed (the margin is the gap)");
    if ((row.finish !== "unknown" || row.line_gap !== undefined) && row.margin_source === undefined)
      issue("margin_source", "must name where the finish and margin come from");
    if (row.id !== `${row.season}-${String(row.round).padStart(2, "0")}`)
      issue("id", `must be ${row.season}-${String(row.round).padStart(2, "0")} (season and round)`);
  });

const named = z.object({ id: slug, name: nonEmpty, aliases: z.array(nonEmpty) });

export const driversFileSchema = z.object({ drivers: z.array(named).min(1) });
export const tracksFileSchema = z.object({
  tracks: z
    .array(named.extend({ venue: slug.optional(), layout: z.enum(["dirt", "road"]).optional() }))
    .min(1),
});

/** A season's margin completeness: every race (`all`), none, or every finish up to a margin. */
const marginCompleteness = z.union([
  z.literal("all").transform(() => Number.POSITIVE_INFINITY),
  z.literal("none").transform(() => 0),
  margin,
]);

export const datasetFileSchema = z.object({
  title: nonEmpty,
  asOf: isoDate,
  article: z.object({ name: nonEmpty, file: nonEmpty, asOf: isoDate }),
  sources: z.array(z.object({ id: slug, name: nonEmpty, detail: nonEmpty, url: z.url() })).min(1),
  seasons: z
    .array(
      z.object({
        season: z.number().int().min(1949),
        races: z.number().int().min(1).max(60),
        scheduled: z.number().int().min(1).max(60),
        from: isoDate,
        through: isoDate,
        margins: marginCompleteness,
      }),
    )
    .min(1),
  eras: z
    .array(
      z.object({
        id: slug,
        name: nonEmpty,
        short: nonEmpty,
        from: isoDate,
        to: isoDate.optional(),
        aliases: z.array(nonEmpty),
        description: nonEmpty,
      }),
    )
    .min(1),
});

export type RaceRow = z.output<typeof raceRowSchema>;
export type DatasetFile = z.output<typeof datasetFileSchema>;
