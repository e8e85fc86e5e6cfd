import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { type Named, normalizeName, type Resolution } from "../../src/data/names.js";
import { realData } from "../helpers/data.js";

// Issue 11, items 1 and 4: a name never turns into someone else, and suggestions are near misses.
const data = await realData();
const drivers = [...data.drivers.values()];
const tracks = [...data.tracks.values()];

const describeResolution = (r: Resolution<Named>) =>
  r.kind === "match"
    ? `${r.value.name}${r.corrected ? " (corrected)" : ""}`
    : r.kind === "ambiguous"
      ? `one of ${r.candidates.map((c) => c.name).join(", ")}`
      : `unknown (${r.suggestions.map((s) => s.name).join(", ")})`;

/**
 * How near a suggestion must be, as this test defines it (independently of the index): an edit for
 * three letters or fewer, else four tenths of the query's length.
 */
const BOUND = (length: number) => (length <= 3 ? 1 : Math.ceil(length * 0.4));

/** The edits between a query and the nearest of an entry's names, aliases or their words (or their starts). */
function nearest(query: string, entry: Named): number {
  const keys = [entry.name, ...entry.aliases].map(normalizeName).flatMap((k) => [k, ...k.split(" ")]);
  return Math.min(
    ...keys.flatMap((k) => [
      distance(query, k),
      distance(query, k.replaceAll(" ", "")),
      distance(query, k.split(" ").reverse().join(" ")),
      distance(query, k.slice(0, query.length)) + 1,
    ]),
  );
}

describe("an exact name is that person", () => {
  it("every driver's name and alias, with or without the suffix's period, names that driver", () => {
    const wrong: string[] = [];
    for (const driver of drivers) {
      for (const text of [driver.name, driver.name.replace(/\.$/, ""), ...driver.aliases]) {
        const r = data.driverNames.resolve(text);
        const mine = r.kind === "match" ? r.value.id === driver.id : r.kind === "ambiguous";
        const sharedAlias = drivers.filter((d) =>
          [d.name, ...d.aliases].some((n) => normalizeName(n) === normalizeName(text)),
        );
        if (!mine || (r.kind === "ambiguous" && sharedAlias.length < 2))
          wrong.push(`${text} → ${describeResolution(r)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["Dale Earnhardt Jr", "Dale Earnhardt Jr."],
    ["Dale Earnhardt", "Dale Earnhardt"],
    ["Kurt Busch", "Kurt Busch"],
    ["Kyle Busch", "Kyle Busch"],
    ["DJ", "Dale Jarrett"],
  ])("%s is %s, not a typo for anyone", (text, name) => {
    expect(data.driverNames.resolve(text)).toMatchObject({
      kind: "match",
      corrected: false,
      value: { name },
    });
  });

  it.each([
    ["Kyle Bush", "Kyle Busch"],
    ["Jimmy Johnson", "Jimmie Johnson"],
    ["Dale Earnhart Jr", "Dale Earnhardt Jr."],
  ])("%s is a typo for %s, and says so", (text, name) => {
    expect(data.driverNames.resolve(text)).toMatchObject({ kind: "match", corrected: true, value: { name } });
  });

  // Real drivers the data does not hold (no Cup win or runner-up since 1993): a different first name
  // is a different person, whatever the surname.
  it.each([
    "Ned Jarrett",
    "Lee Petty",
    "Adam Petty",
    "Coy Gibbs",
    "Todd Bodine",
    "Bobby Allison",
    "Junior Johnson",
  ])("%s is not turned into a relative", (text) => {
    expect(data.driverNames.resolve(text).kind).toBe("unknown");
  });
});

describe("track aliases fans type", () => {
  it.each([
    ["COTA", "Circuit of the Americas"],
    ["Texas", "Texas Motor Speedway"],
  ])("%s is %s", (text, name) => {
    expect(data.trackNames.resolve(text)).toMatchObject({ kind: "match", corrected: false, value: { name } });
  });
});

describe("suggestions", () => {
  const unknowns = [
    "Ned Jarrett",
    "Cale Yarborough",
    "David Pearson",
    "Benny Parsons",
    "Tim Richmond",
    "Bowen",
    "Zzyzx",
    "wins",
    "all",
    "nextgen",
    "Rockinghm Speedwy",
    "Nort Wilkesboro",
    "Chicagolnd",
    "qq",
    "abc",
    "Daytona Beach Road Course",
  ];

  it.each(unknowns)("for “%s” offers only names within the edit bound", (text) => {
    const query = normalizeName(text);
    for (const [index, entries] of [
      [data.driverNames, drivers],
      [data.trackNames, tracks],
    ] as const) {
      const r = index.resolve(text);
      const offered = r.kind === "unknown" ? r.suggestions : [];
      const far = offered.filter((s) => nearest(query, s) > BOUND(query.length)).map((s) => s.name);
      expect(far, `${text}: ${describeResolution(r)}`).toEqual([]);
      expect(entries.length).toBeGreaterThan(0);
    }
  });

  it("a near miss is still suggested, surname first too", () => {
    const flipped = data.driverNames.resolve("Bueschr Chrs");
    expect(flipped.kind === "unknown" ? flipped.suggestions.map((s) => s.name) : []).toEqual([
      "Chris Buescher",
    ]);
    const r = data.driverNames.resolve("Bowen");
    expect(r.kind === "unknown" ? r.suggestions.map((s) => s.name) : []).toContain("Alex Bowman");
    const j = data.driverNames.resolve("Ned Jarrett");
    expect(j.kind === "unknown" ? j.suggestions.map((s) => s.name) : []).toEqual(["Dale Jarrett"]);
  });

  it.each(["5", "25", "2023", "500", "0"])("a number (%s) is never a driver or a track", (text) => {
    expect(data.driverNames.resolve(text)).toEqual({ kind: "unknown", suggestions: [] });
    expect(data.trackNames.resolve(text)).toEqual({ kind: "unknown", suggestions: [] });
  });

  it("a name that is a number is still found whole", () => {
    expect(data.trackNames.resolve("Daytona 500")).toMatchObject({
      kind: "match",
      value: { name: "Daytona International Speedway" },
    });
  });
});
