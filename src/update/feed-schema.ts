import { z } from "zod";

/**
 * The parts of NASCAR's results feed the importer reads. Lenient on purpose: the feed carries many
 * more fields, and a field the importer does not use must never fail an update.
 */

const whole = z.coerce.number().int();

/** One race in a season's `race_list_basic.json`. */
export const feedRaceSchema = z.looseObject({
  race_id: whole,
  race_season: whole.optional(),
  /** 1 = points race, 2 = exhibition. */
  race_type_id: whole,
  race_name: z.string(),
  track_name: z.string(),
  race_date: z.string().optional(),
  date_scheduled: z.string().optional(),
  winner_driver_id: z.union([whole, z.null()]).optional(),
  /** Kept as sent (any type): parseMargin tells the forms apart, including an absent key. */
  margin_of_victory: z.unknown().optional(),
  actual_laps: z.union([whole, z.null()]).optional(),
  scheduled_laps: z.union([whole, z.null()]).optional(),
});

/**
 * `{season}/1/race_list_basic.json` is a list of races. The all-series file
 * (`{season}/race_list_basic.json`) wraps lists in `series_1`…; both are accepted.
 */
export const raceListSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ series_1: z.array(z.unknown()) }).transform((o) => o.series_1),
]);

/** One car in a race's results. */
export const feedResultSchema = z.looseObject({
  driver_id: whole.optional(),
  driver_fullname: z.string().trim().min(1),
  /** 0 for a car that did not start. */
  finishing_position: whole,
  /** Gap to the leader at the line, in milliseconds (sign varies; its size is what counts). */
  diff_time: z.union([z.number(), z.null()]).optional(),
  diff_laps: z.union([z.number(), z.null()]).optional(),
  disqualified: z.union([z.boolean(), z.null()]).optional(),
  finishing_status: z.union([z.string(), z.null()]).optional(),
});

export const cautionSegmentSchema = z.looseObject({
  start_lap: z.union([z.number(), z.null()]).optional(),
  end_lap: z.union([z.number(), z.null()]).optional(),
  reason: z.union([z.string(), z.null()]).optional(),
});

/** `{season}/1/{race_id}/weekend-feed.json`. */
export const weekendFeedSchema = z.looseObject({
  weekend_race: z
    .array(
      feedRaceSchema.partial().extend({
        race_id: whole,
        results: z.array(feedResultSchema),
        caution_segments: z.array(cautionSegmentSchema).optional(),
      }),
    )
    .min(1),
  /** Practice, qualifying and race sessions; a race session's run_date is the day it actually ran. */
  weekend_runs: z
    .array(z.looseObject({ run_type: whole.optional(), run_date: z.string().optional() }))
    .optional(),
});

export type FeedRace = z.output<typeof feedRaceSchema>;
export type FeedResult = z.output<typeof feedResultSchema>;
export type WeekendFeed = z.output<typeof weekendFeedSchema>;
export type WeekendRace = WeekendFeed["weekend_race"][number];
