import fc from "fast-check";

/**
 * An arbitrary given a `maxLength` (or depth) generates values up to it. fast-check 4 otherwise caps
 * every array and string at its "small" size, about ten items or characters whatever the bound says,
 * so a property meant for a 6,000-character embed or a 40-row table never saw more than ten.
 * Arbitraries with no bound keep the small default.
 */
fc.configureGlobal({ defaultSizeToMaxWhenMaxSpecified: true });

/**
 * For a property over whole answers at full size (hundreds of runs, rows and kilobytes of text):
 * up to about 15 s on the development machine, so four times the suite's 30 s time-out leaves a slower CI
 * machine room.
 */
export const PROPERTY_TIMEOUT_MS = 120_000;
