import type { OptionSpec } from "../src/core/options.js";

/** The `era` option, as every command declares it: all races since 1993 unless one is named. */
export function eraOption() {
  return {
    kind: "era" as const,
    description: "nextgen, gen6, cot, gen4 or all (default: all, since 1993)",
    default: "all" as string,
  } satisfies OptionSpec;
}

/** Seasons the data could ever speak of: the data starts with 1993 and runs to the current season. */
export const SEASON_RANGE = { min: 1993, max: new Date().getUTCFullYear() } as const;

/** Most rows one list carries; renderers page within it. */
export const MAX_ROWS = 100;
