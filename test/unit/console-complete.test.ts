import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { completeLine } from "../../src/platforms/terminal/complete.js";
import { realData } from "../helpers/data.js";

const complete = async (line: string) => completeLine(line, commands, await realData())[0];

describe("terminal completion reads the data and the command registry", () => {
  it("completes command names, /quit included", async () => {
    expect(await complete("/dr")).toEqual(["/driver"]);
    expect(await complete("/qu")).toEqual(["/quit"]);
  });

  it("completes every driver by surname and by full name, keeping what was typed", async () => {
    const data = await realData();
    for (const driver of data.drivers.values()) {
      const surname = driver.name.slice(driver.name.indexOf(" ") + 1);
      expect(await complete(`/driver ${surname.slice(0, -1)}`), driver.name).toContain(surname);
      const typed = driver.name.slice(0, driver.name.indexOf(" ") + 2).toLowerCase();
      expect(await complete(`/versus Larson ${typed}`), driver.name).toContain(
        typed + driver.name.slice(typed.length),
      );
    }
    expect(await complete('/driver "Kyle La')).toEqual(['"Kyle Larson"']);
  });

  it("completes every track, every era and the `by` values; numbers complete to nothing", async () => {
    const data = await realData();
    for (const track of data.tracks.values())
      expect(await complete(`/track ${track.name.slice(0, 3)}`), track.name).toContain(
        track.name.slice(0, 3) + track.name.slice(3),
      );
    for (const era of data.eras) expect(await complete(`/closest 5 ${era.id.slice(0, 2)}`)).toContain(era.id);
    expect(await complete("/leaders nextgen inv")).toEqual(["involved"]);
    expect(await complete("/leaders ")).toEqual(
      expect.arrayContaining(["wins", "runnerUps", "nextgen", "all"]),
    );
    expect(await complete("/closest 5")).toEqual([]);
  });

  it("completes /help topics from the registry", async () => {
    expect(await complete("/help mar")).toEqual(["margin"]);
    expect(await complete("/help ")).toEqual(commands.map((c) => c.name).sort());
  });
});
