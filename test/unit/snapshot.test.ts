import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DataError, loadDataset, SNAPSHOT_DIR } from "../../src/data/load.js";
import { copyData, editData } from "../helpers/temp-data.js";

describe("validated data snapshots", () => {
  it("a snapshot gives exactly the dataset a full validation gives", async () => {
    const dir = copyData();
    // A unique edit gives this copy a content hash no other run has cached.
    editData(dir, "dataset.json", (text) =>
      text.replace('"title": "', `"title": "${process.pid}-${Date.now()} `),
    );
    const before = existsSync(SNAPSHOT_DIR) ? readdirSync(SNAPSHOT_DIR).length : 0;
    const validated = await loadDataset(dir, { useSnapshot: true });
    expect(readdirSync(SNAPSHOT_DIR).length).toBe(before + 1);
    const fromSnapshot = await loadDataset(dir, { useSnapshot: true });
    const fresh = await loadDataset(dir);
    for (const data of [fromSnapshot, fresh]) {
      expect(data.races).toEqual(validated.races);
      expect(data.meta).toEqual(validated.meta);
      expect([...data.drivers.values()]).toEqual([...validated.drivers.values()]);
      expect([...data.seasons.values()]).toEqual([...validated.seasons.values()]);
    }
  });

  it("an edit changes the key, so invalid data is always reported", async () => {
    const dir = copyData();
    await loadDataset(dir, { useSnapshot: true });
    editData(dir, "races.csv", (text) => text.replace(",0.256,", ",oops,"));
    await expect(loadDataset(dir, { useSnapshot: true })).rejects.toBeInstanceOf(DataError);
  });
});
