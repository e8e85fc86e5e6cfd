import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import { realData } from "../helpers/data.js";

describe("names across the whole history", () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await realData();
  });
  const driver = (text: string) => {
    const r = data.driverNames.resolve(text);
    return r.kind === "match"
      ? r.value.name
      : r.kind === "ambiguous"
        ? r.candidates.map((c) => c.name).sort()
        : undefined;
  };
  const track = (text: string) => {
    const r = data.trackNames.resolve(text);
    return r.kind === "match" ? r.value.id : undefined;
  };

  it("father and son are two drivers: suffixes and nicknames pick one", () => {
    for (const text of ["Dale Earnhardt Jr", "Dale Earnhardt Jr.", "Dale Jr", "Junior", "Little E"])
      expect(driver(text), text).toBe("Dale Earnhardt Jr.");
    for (const text of ["Dale Earnhardt", "Dale Earnhardt Sr.", "Sr", "The Intimidator"])
      expect(driver(text), text).toBe("Dale Earnhardt");
    expect(driver("Earnhardt")).toEqual(["Dale Earnhardt", "Dale Earnhardt Jr."]);
  });

  it("other families in the data are told apart the same way", () => {
    expect(driver("Elliott")).toEqual(["Bill Elliott", "Chase Elliott"]);
    expect(driver("Awesome Bill")).toBe("Bill Elliott");
    expect(driver("Burton")).toEqual(["Harrison Burton", "Jeff Burton", "Ward Burton"]);
    expect(driver("Gilliland")).toEqual(["David Gilliland", "Todd Gilliland"]);
    expect(driver("Busch")).toEqual(["Kurt Busch", "Kyle Busch"]);
  });

  it("results spellings resolve to one driver", () => {
    expect(driver("Geoffrey Bodine")).toBe("Geoff Bodine");
    expect(driver("Shane Van Gisbergen")).toBe("Shane van Gisbergen");
    expect(driver("Daniel Suarez")).toBe("Daniel Suárez");
    expect(driver("Dale Earnhardt, Jr.")).toBe("Dale Earnhardt Jr.");
  });

  it("renamed tracks are one track", () => {
    for (const text of ["Fontana", "Auto Club Speedway", "California Speedway"])
      expect(track(text)).toBe("fontana");
    for (const text of ["Rockingham", "North Carolina Speedway", "North Carolina Motor Speedway"])
      expect(track(text)).toBe("rockingham");
    for (const text of [
      "Phoenix International Raceway",
      "Phoenix Raceway",
      "ISM Raceway",
      "Jeff Gordon Raceway",
    ])
      expect(track(text)).toBe("phoenix");
    for (const text of ["Sears Point", "Infineon Raceway", "Sonoma"]) expect(track(text)).toBe("sonoma");
    expect(track("Lowe's Motor Speedway")).toBe("charlotte");
  });

  it("Bristol's dirt races are Bristol's dirt layout", () => {
    expect(track("Bristol Dirt")).toBe("bristol-dirt");
    expect(data.tracks.get("bristol-dirt")?.venue).toBe("bristol");
    const dirt = data.races.filter((r) => r.trackId === "bristol-dirt").map((r) => r.season);
    expect(dirt).toEqual([2021, 2022, 2023]);
  });

  it("every track of the data's races has a name and an everyday alias", () => {
    const used = new Set(data.races.map((r) => r.trackId));
    for (const id of used) expect(data.tracks.get(id)?.aliases[0], id).toBeTruthy();
    expect(data.drivers.size).toBe(104);
  });
});
