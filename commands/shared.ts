import type { OptionSpec } from "../src/core/options.js";

/** The `era` option, as several commands declare it; only the default differs. */
export function eraOption(defaultEra: "all" | "nextgen") {
  return {
    kind: "era" as const,
    description: `nextgen (2022 on) or all (since 1993); default ${defaultEra}`,
    default: defaultEra as string,
  } satisfies OptionSpec;
}

/** Seasons the data could ever speak of: electronic scoring began in 1993. */
export const SEASON_RANGE = { min: 1993, max: 2100 } as const;

/** Most rows one list carries; renderers page within it. */
export const MAX_ROWS = 100;
