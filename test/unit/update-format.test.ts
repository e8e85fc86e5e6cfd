import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { formatJson } from "../../src/update/dataset-files.js";

describe("the JSON the importer writes", () => {
  // The shipped files pass `npm run lint` (Biome's formatter): writing their content back must give
  // the same bytes, so an update of data/ changes only what it changes and keeps the lint clean.
  test.each(["dataset.json", "drivers.json", "tracks.json"])("%s round-trips byte for byte", (name) => {
    const text = readFileSync(path.join(DEFAULT_DATA_DIR, name), "utf8");
    expect(formatJson(JSON.parse(text))).toBe(text);
  });

  test("a long list of plain values breaks one per line; objects stay expanded", () => {
    const names = Array.from({ length: 12 }, (_, i) => `Alias number ${i}`);
    expect(formatJson({ a: { b: 1 }, short: ["x", "y"], long: names, none: [] })).toBe(
      `{\n  "a": {\n    "b": 1\n  },\n  "short": ["x", "y"],\n  "long": [\n${names.map((n) => `    "${n}"`).join(",\n")}\n  ],\n  "none": []\n}\n`,
    );
  });
});
