import { beforeAll, describe, expect, it } from "vitest";
import { formatMargin, formatPercent } from "../../src/core/format.js";
import type { Dataset } from "../../src/data/dataset.js";
import {
  countRacesRun,
  findClosest,
  findWithinMargin,
  getDriverRecord,
  getEra,
  makeScope,
  rankOf,
  tallyStandings,
  widestEra,
} from "../../src/query/index.js";
import { realData } from "../helpers/data.js";

// Every figure in the article's prose, computed from the data. Nothing here is read from the prose.
describe("the article's figures, computed from the data", () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await realData();
  });
  // The article was written after the 2024 Kansas spring race: its figures are as of that day.
  const asOfArticle = () => ({ until: data.meta.article.asOf });
  const nextGen = () => makeScope(data, getEra(data, "nextgen"), asOfArticle());
  const sinceNinetyThree = () => makeScope(data, widestEra(data), asOfArticle());
  const id = (name: string) => {
    const r = data.driverNames.resolve(name);
    if (r.kind !== "match") throw new Error(`no single driver for ${name}`);
    return r.value.id;
  };

  it("84 Next Gen races had been run: every race of 2022 and 2023 and 12 of 2024", () => {
    expect(countRacesRun(data, nextGen())).toBe(84);
  });

  it("29 of the 84 Next Gen races (34.5%) were decided by half a second or less", () => {
    const result = findWithinMargin(data, nextGen(), 500);
    expect(result.races).toHaveLength(29);
    expect(result.racesRun).toBe(84);
    expect(result.complete).toBe(true);
    expect(result.share?.count).toBe(29);
    expect(result.share?.racesRun).toBe(84);
    expect(formatPercent(result.share?.share ?? 0)).toBe("34.5%");
  });

  it("Larson was involved in seven of the 29 (24.1%)", () => {
    const record = getDriverRecord(data, nextGen(), id("Larson"));
    expect(record.closeComplete).toBe(true);
    expect(record.closeFinishes).toHaveLength(7);
    expect(record.close?.involved).toBe(7);
    expect(record.close?.total).toBe(29);
    expect(formatPercent(record.close?.share ?? 0)).toBe("24.1%");
  });

  it("Larson won five of them, more than any other driver", () => {
    const record = getDriverRecord(data, nextGen(), id("Larson"));
    expect(record.close?.wins).toBe(5);
    expect(record.close?.winsRank?.position).toBe(1);
    expect(record.close?.winsRank?.tiedWith).toEqual([]);
  });

  it("Buescher is tied for second with three wins, with William Byron and Denny Hamlin", () => {
    const record = getDriverRecord(data, nextGen(), id("Buescher"));
    expect(record.close?.wins).toBe(3);
    expect(record.close?.winsRank?.position).toBe(2);
    expect(record.close?.winsRank?.tiedWith.map((d) => d.name)).toEqual(["Denny Hamlin", "William Byron"]);
  });

  it("Reddick was involved in six and second in four, tied with Blaney for the most runner-ups", () => {
    const record = getDriverRecord(data, nextGen(), id("Reddick"));
    expect(record.close?.involved).toBe(6);
    expect(record.close?.runnerUps).toBe(4);
    expect(record.close?.runnerUpsRank?.position).toBe(1);
    expect(record.close?.runnerUpsRank?.tiedWith.map((d) => d.name)).toEqual(["Ryan Blaney"]);
    const blaney = rankOf(tallyStandings(data, nextGen()), id("Blaney"), "runnerUps");
    expect(blaney?.value).toBe(4);
  });

  it(".001 (Larson over Buescher, Kansas 2024) is the closest finish since electronic scoring began in 1993", () => {
    const [closest] = findClosest(data, sinceNinetyThree(), 1).races;
    expect(closest && formatMargin(closest.marginMs)).toBe(".001");
    expect(closest?.winnerId).toBe(id("Kyle Larson"));
    expect(closest?.runnerUpId).toBe(id("Chris Buescher"));
    expect(closest?.trackId).toBe("kansas");
    expect(closest?.season).toBe(2024);
  });

  it("the previous record, .002, is shared by Craven over Kurt Busch (2003) and Johnson over Bowyer (2011)", () => {
    const result = findClosest(data, sinceNinetyThree(), 10);
    const second = result.races.filter((r) => r.marginMs > (result.races[0]?.marginMs ?? 0));
    const previous = second.filter((r) => r.marginMs === second[0]?.marginMs);
    expect(previous.map((r) => formatMargin(r.marginMs))).toEqual([".002", ".002"]);
    expect(previous.map((r) => [r.season, r.trackId, r.winnerId, r.runnerUpId])).toEqual([
      [2003, "darlington", id("Ricky Craven"), id("Kurt Busch")],
      [2011, "talladega", id("Jimmie Johnson"), id("Clint Bowyer")],
    ]);
  });

  it("the ten closest since 1993 are complete in the data; the eleventh is not vouched for", () => {
    const all = sinceNinetyThree();
    expect(findClosest(data, all, 10).complete).toBe(true);
    expect(findClosest(data, all, 11).complete).toBe(false);
  });
});
