import { describe, expect, it } from "vitest";
import { compareNames, NameIndex, normalizeName } from "../../src/data/names.js";
import { realData } from "../helpers/data.js";

const data = await realData();
const resolve = (text: string) => data.driverNames.resolve(text);
const matched = (text: string) => {
  const r = resolve(text);
  return r.kind === "match" ? r.value.name : r.kind;
};

describe("driver names", () => {
  it.each([
    ["Kyle Larson", "Kyle Larson"],
    ["larson", "Kyle Larson"],
    ["LARSON", "Kyle Larson"],
    ["Suarez", "Daniel Suárez"],
    ["Suárez", "Daniel Suárez"],
    ["Truex Jr", "Martin Truex Jr."],
    ["Truex", "Martin Truex Jr."],
    ["martin truex jr.", "Martin Truex Jr."],
    ["Stenhouse", "Ricky Stenhouse Jr."],
    ["Earnhardt Sr.", "Dale Earnhardt"],
    ["Rowdy", "Kyle Busch"],
    ["Ricky Carven", "Ricky Craven"],
    ["Buesher", "Chris Buescher"],
    ["Larsen", "Kyle Larson"],
    ["Keselowsky", "Brad Keselowski"],
    ["mcmurry", "Jamie McMurray"],
    ["kyl bus", "Kyle Busch"],
  ])("%s → %s", (text, name) => {
    expect(matched(text)).toBe(name);
  });

  it("flags a corrected typo, and not an exact name", () => {
    expect(resolve("Buesher")).toMatchObject({ kind: "match", corrected: true });
    expect(resolve("Buescher")).toMatchObject({ kind: "match", corrected: false });
  });

  it.each([
    ["Busch", ["Kurt Busch", "Kyle Busch"]],
    ["Kyle", ["Kyle Busch", "Kyle Larson", "Kyle Petty"]],
    ["Ryan", ["Ryan Blaney", "Ryan Newman"]],
  ])("%s is ambiguous between %j", (text, names) => {
    const r = resolve(text);
    expect(r.kind === "ambiguous" ? r.candidates.map((c) => c.name).sort() : r.kind).toEqual(names);
  });

  it("an unknown name gets the nearest suggestions", () => {
    const r = resolve("Bowen");
    const suggestions = r.kind === "unknown" ? r.suggestions.map((s) => s.name) : [`resolved as ${r.kind}`];
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions).toContain("Alex Bowman");
  });

  it("gibberish and empty text match nobody", () => {
    expect(resolve("zzzz qqqq").kind).toBe("unknown");
    expect(resolve("   ").kind).toBe("unknown");
  });

  it("suggests for type-ahead, best first, within the limit", () => {
    expect(data.driverNames.suggest("bues", 25)[0]?.name).toBe("Chris Buescher");
    expect(data.driverNames.suggest("", 25)).toHaveLength(25);
    expect(data.driverNames.suggest("ky", 5).map((d) => d.name)).toEqual(
      expect.arrayContaining(["Kyle Busch", "Kyle Larson"]),
    );
  });
});

describe("track names", () => {
  it.each([
    ["Dega", "Talladega Superspeedway"],
    ["talladga", "Talladega Superspeedway"],
    ["vegas", "Las Vegas Motor Speedway"],
    ["Las Vegas", "Las Vegas Motor Speedway"],
    ["Fontana", "Auto Club Speedway"],
    ["Southern 500", "Darlington Raceway"],
    ["Loudon", "New Hampshire Motor Speedway"],
  ])("%s → %s", (text, name) => {
    const r = data.trackNames.resolve(text);
    expect(r.kind === "match" ? r.value.name : r.kind).toBe(name);
  });
});

describe("normalizeName", () => {
  it("folds case, accents and punctuation", () => {
    expect(normalizeName("  Daniel  SUÁREZ!! ")).toBe("daniel suarez");
    expect(normalizeName("Martin Truex Jr.")).toBe("martin truex jr");
    expect(normalizeName("Swervin' Irvan")).toBe("swervin irvan");
  });

  it("does not derive a surname from a nickname", () => {
    const index = new NameIndex([{ id: "b", name: "Brad Keselowski", aliases: ["Bad Brad"] }], {
      deriveSurname: true,
    });
    expect(index.resolve("Brad").kind).toBe("match"); // prefix of the canonical name
    expect(index.resolve("keselowski").kind).toBe("match");
  });
});

describe("compareNames", () => {
  it("orders names alphabetically with accents and case set aside, the same on every machine", () => {
    const names = [
      "Sutton Reed",
      "aj Foyt",
      "Daniel Suárez",
      "Daniel Suarez",
      "AJ Allmendinger",
      "Daniel Sutton",
    ];
    // By code unit, "aj Foyt" would come last and "Daniel Suárez" after "Daniel Sutton".
    expect([...names].sort(compareNames)).toEqual([
      "AJ Allmendinger",
      "aj Foyt",
      "Daniel Suarez",
      "Daniel Suárez",
      "Daniel Sutton",
      "Sutton Reed",
    ]);
  });

  it("gives every pair of different names a strict order, so sorted lists never depend on input order", () => {
    expect(compareNames("Daniel Suárez", "Daniel Suarez")).toBeGreaterThan(0);
    expect(compareNames("Daniel Suarez", "Daniel Suárez")).toBeLessThan(0);
    expect(compareNames("Ryan Blaney", "Ryan Blaney")).toBe(0);
  });
});
