import { defineCommand } from "../src/core/command.js";
import { formatDate, formatMargin } from "../src/core/format.js";
import { footerOf } from "../src/core/present.js";
import { countRacesRun, makeScope } from "../src/query/index.js";

/** `/about`: where the data comes from, what it covers, and how fresh it is. */
export const about = defineCommand({
  name: "about",
  description: "Where the data comes from, what it covers, and how fresh it is",
  options: {},
  examples: ["/about"],
  run(_options, { data }) {
    const corrected = data.races.filter((r) => r.note?.startsWith("The article")).length;
    return {
      title: "About Photo Finish",
      summary: `${data.races.length} Cup races decided by a whisker, each checked against contemporary reports. Data as of ${formatDate(data.meta.asOf)}.`,
      figures: [
        { label: "Source", value: data.meta.sourceName },
        { label: "Races", value: String(data.races.length) },
        { label: "Drivers", value: String(data.drivers.size) },
        { label: "Tracks", value: String(data.tracks.size) },
        { label: "Data as of", value: formatDate(data.meta.asOf) },
        ...data.eras.map((era) => {
          const run = countRacesRun(data, makeScope(data, era));
          return {
            label: era.name,
            value: `from ${formatDate(era.from)}${run === undefined ? "" : `; ${run} races run as of ${formatDate(data.meta.asOf)}`}`,
          };
        }),
      ],
      notes: [
        ...data.coverage.map(
          (c) =>
            `Complete: ${c.description}, ${formatDate(c.from)} to ${formatDate(c.to)} (margins up to ${formatMargin(c.maxMarginMs)} s).`,
        ),
        "Outside those slices the data is a sample, and answers say so.",
        `${corrected} rows correct an error in the article, and say so in their note; every row names the report that confirms it.`,
        data.meta.verification,
      ],
      footer: footerOf(data),
      tone: "info",
      ephemeral: true,
    };
  },
});
