import { defineCommand } from "../src/core/command.js";
import { composeAnswer } from "../src/core/compose.js";
import { formatCount, formatDate, formatMargin } from "../src/core/format.js";
import type { Dataset } from "../src/data/dataset.js";
import { countRacesRun, makeScope } from "../src/query/index.js";

/** Groups consecutive seasons with the same margin completeness: "1993–2015: to .018 s". */
function describeCompleteness(data: Dataset): string[] {
  const runs: { from: number; to: number; ms: number }[] = [];
  for (const s of data.seasons.values()) {
    const last = runs.at(-1);
    if (last && last.ms === s.marginsCompleteToMs && last.to === s.season - 1) last.to = s.season;
    else runs.push({ from: s.season, to: s.season, ms: s.marginsCompleteToMs });
  }
  return runs.map((r) => {
    const years = r.from === r.to ? String(r.from) : `${r.from}–${r.to}`;
    if (r.ms === Number.POSITIVE_INFINITY) return `${years}: every race's finish and margin.`;
    if (r.ms === 0) return `${years}: winners and runner-ups; margins not in the data yet.`;
    return `${years}: every finish decided by ${formatMargin(r.ms)} s or less (published closest-finish lists); other races' winners and runner-ups.`;
  });
}

/** `/about`: where the data comes from, what it covers, and how fresh it is. */
export const about = defineCommand({
  name: "about",
  description: "Where the data comes from, what it covers, and how fresh it is",
  options: {},
  examples: ["/about"],
  run(_options, { data, refreshedAt }) {
    const first = data.races[0];
    const timed = data.timed.length;
    return composeAnswer(data, {
      title: "About Photo Finish",
      summary: `Every NASCAR Cup Series points race from ${first ? formatDate(first.date) : "1993"} to ${formatDate(data.meta.asOf)}: ${formatCount(data.races.length)} races, with winner, runner-up and, where known, the margin of victory (${timed} timed finishes).`,
      figures: [
        { label: "Races", value: formatCount(data.races.length) },
        { label: "Timed finishes", value: String(timed) },
        { label: "Drivers", value: String(data.drivers.size) },
        { label: "Tracks", value: String(data.tracks.size) },
        { label: "Data as of", value: formatDate(data.meta.asOf) },
        // DATA_REFRESH: when the running bot last checked NASCAR's feed (ISO time, UTC).
        ...(refreshedAt
          ? [
              {
                label: "Last refreshed",
                value: `${formatDate(refreshedAt.slice(0, 10))}, ${refreshedAt.slice(11, 16)} UTC`,
              },
            ]
          : []),
        ...data.eras.map((era) => ({
          label: era.name,
          value: `${era.description} ${formatCount(countRacesRun(data, makeScope(data, era)))} races in the data.`,
        })),
      ],
      notes: [
        ...describeCompleteness(data),
        ...[...data.sources.values()].map((s) => `${s.name}: ${s.detail}.`),
        `Every race names the source of its result and of its margin; where sources disagree, the race's note says what each gives and why the row says what it says.`,
      ],
      ephemeral: true,
    });
  },
});
