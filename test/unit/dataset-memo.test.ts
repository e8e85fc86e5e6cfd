import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/load.js";
import { tallyStandings } from "../../src/query/drivers.js";
import { makeScope, summarizeScope, widestEra } from "../../src/query/scope.js";

describe("the dataset's memo of derived figures", () => {
  it("stays bounded however many different scopes fans ask about, and evicted figures come back the same", async () => {
    // A fresh dataset of its own: other tests' questions must not fill or empty this memo.
    const ds = await loadDataset();
    const era = widestEra(ds);
    const drivers = [...ds.drivers.keys()];
    const seasons = [...ds.seasons.keys()];
    const first = makeScope(ds, era, { driverId: drivers[0] as string });
    const firstSummary = summarizeScope(ds, first);
    const firstStandings = tallyStandings(ds, first);
    let asked = 0;
    for (const driverId of drivers)
      for (const season of seasons.slice(0, 12)) {
        const scope = makeScope(ds, era, { driverId, season });
        summarizeScope(ds, scope);
        tallyStandings(ds, scope);
        asked += 2;
      }
    expect(asked).toBeGreaterThan(2_000);
    // Every question above memoised at least one figure; a memo that kept them all would hold thousands.
    expect(ds.memo.size).toBeLessThanOrEqual(1_024);
    expect(summarizeScope(ds, first)).toEqual(firstSummary);
    expect(tallyStandings(ds, first)).toEqual(firstStandings);
  });
});
