import { benchHttp } from "./http.js";

/**
 * The HTTP part of the bench in a process of its own (run.ts starts it): the load generator then
 * carries none of the earlier parts' heap (the datasets, the chart libraries), whose garbage
 * collection would otherwise take CPU from the servers it measures on a 2-core machine.
 * Arguments: requests per run, rounds. Prints HttpFigures as JSON.
 */
const [total, rounds] = process.argv.slice(2).map(Number);
const figures = await benchHttp(total ?? 3000, 16, rounds ?? 5);
process.stdout.write(`${JSON.stringify(figures)}\n`);
