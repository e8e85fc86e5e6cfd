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
const margin = z
  .string()
  .regex(/^\d{1,2}\.\d{3}$/, "must be seconds with three decimals, e.g. 0.001")
  .transform((s) => Number(s.replace(".", "")))
  .refine((ms) => ms > 0, { message: "must be greater than zero" });

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lower-case slug like kyle-larson");
const nonEmpty = z.string().trim().min(1, "must not be empty");

/** One row of data/races.csv, before cross-references are checked. */
export const raceRowSchema = z.object({
  id: slug,
  date: isoDate,
  season: z
    .string()
    .regex(/^\d{4}$/, "must be a four-digit year")
    .transform(Number),
  track: slug,
  race_name: nonEmpty,
  label: nonEmpty,
  winner: nonEmpty,
  runner_up: nonEmpty,
  margin,
  lists: z
    .string()
    .transform((s) => s.split(";").filter(Boolean))
    .pipe(z.array(z.enum(["nextgen", "alltime"])).min(1, "must name at least one source list")),
  note: z.string().transform((s) => (s.trim() === "" ? undefined : s.trim())),
  source: z.url({ message: "must be the URL of the report that confirms the row" }),
});

const named = z.object({ id: slug, name: nonEmpty, aliases: z.array(nonEmpty) });

export const driversFileSchema = z.object({ drivers: z.array(named).min(1) });
export const tracksFileSchema = z.object({ tracks: z.array(named).min(1) });

export const datasetFileSchema = z.object({
  title: nonEmpty,
  asOf: isoDate,
  source: z.object({ name: nonEmpty, file: nonEmpty, verification: nonEmpty }),
  seasons: z
    .array(
      z.object({
        season: z.number().int().min(1949),
        races: z.number().int().min(1).max(60),
        from: isoDate,
        through: isoDate,
        partial: z.boolean().default(false),
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
        aliases: z.array(nonEmpty),
        description: nonEmpty,
      }),
    )
    .min(1),
  coverage: z.array(
    z.object({
      id: slug,
      from: isoDate,
      to: isoDate,
      maxMargin: margin,
      description: nonEmpty,
    }),
  ),
});

export type RaceRow = z.output<typeof raceRowSchema>;
export type DatasetFile = z.output<typeof datasetFileSchema>;
