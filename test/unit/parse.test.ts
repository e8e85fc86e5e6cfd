import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { UserError } from "../../src/core/errors.js";
import { parseSeconds } from "../../src/core/options.js";
import { findCommand, formatInvocation, parseArguments, parseLine, tokenize } from "../../src/core/parse.js";
import { realData } from "../helpers/data.js";

const data = await realData();
const parse = (line: string) => parseLine(line, commands, data);
const values = (line: string) => parse(line).values;
const rejection = (line: string): UserError => {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`expected ${line} to be rejected`);
};

describe("parsing command lines", () => {
  it("reads positional options by what they look like", () => {
    expect(values("/closest 5 talladega 2023")).toEqual({
      count: 5,
      era: "all",
      track: "talladega",
      season: 2023,
    });
    expect(values("/closest 2023 5")).toMatchObject({ count: 5, season: 2023 });
    expect(values("/margin 0.5 nextgen")).toEqual({ seconds: 500, era: "nextgen" });
    expect(values("/margin .25")).toEqual({ seconds: 250, era: "all" });
    expect(values("/closest 5 las vegas next gen")).toMatchObject({
      count: 5,
      track: "las vegas",
      era: "nextgen",
    });
  });

  it("reads named options, quoted values and a missing slash", () => {
    expect(values('closest count:3 track:"las vegas" era=gen7')).toEqual({
      count: 3,
      era: "nextgen",
      track: "las vegas",
    });
    expect(values("/driver name:Buescher")).toEqual({ name: "Buescher", era: "all" });
  });

  it("fills defaults", () => {
    expect(values("/closest")).toEqual({ count: 10, era: "all" });
    expect(values("/leaders")).toEqual({ era: "all", by: "wins" });
  });

  it("splits two driver names by quotes, separators or by what resolves", () => {
    const expected = { driver: "Kyle Larson", other: "Chris Buescher", era: "all" };
    expect(values('/versus "Kyle Larson" "Chris Buescher"')).toEqual(expected);
    expect(values("/versus Kyle Larson vs Chris Buescher")).toEqual(expected);
    expect(values("/versus Kyle Larson, Chris Buescher")).toEqual(expected);
    expect(values("/versus Kyle Larson Chris Buescher")).toEqual(expected);
    expect(values("/versus Larson Buescher")).toMatchObject({ driver: "Larson", other: "Buescher" });
  });

  it("accepts curly quotes as typed on phones", () => {
    expect(values("/driver “Kyle Busch”")).toMatchObject({ name: "Kyle Busch" });
  });

  it.each([
    ["/margin abc", /seconds should be a number/],
    ["/margin", /needs a margin in seconds, e\.g\. \/margin 0\.5 nextgen/],
    ["/margin 0.0005", /thousandth/],
    ["/margin 11", /between 0.001 and 10/],
    ["/closest 0", /between 1 and 25/],
    ["/closest 30", /between 1 and 25/],
    ["/closest era:martian", /not an era/],
    ["/closest colour:red", /no option "colour"/],
    ["/leaders by:speed", /should be one of/],
    ["/driver", /needs a driver's name, e\.g\. \/driver Buescher/],
  ])("%s is rejected with a plain sentence and the usage line", (line, message) => {
    const error = rejection(line);
    expect(error.message).toMatch(message);
    expect(error.usage).toMatch(/^\/\w+/);
  });

  it("suggests the nearest command for a typo", () => {
    const error = rejection("/closet 5");
    expect(error.message).toContain("/closest");
    expect(error.choices[0]?.command).toBe("/closest");
  });

  it("round-trips every example through formatInvocation", () => {
    for (const command of commands) {
      for (const example of command.examples) {
        const parsed = parse(example);
        const again = parse(formatInvocation(parsed.command, parsed.values));
        expect(again.values, example).toEqual(parsed.values);
      }
    }
  });
});

describe("seconds", () => {
  it.each([
    ["0.5", 500],
    [".5", 500],
    ["0,5", 500],
    ["0.001", 1],
    ["1", 1000],
    ["2s", 2000],
    ["0.25 sec", 250],
  ])("%s → %d thousandths", (text, ms) => {
    expect(parseSeconds(text)).toBe(ms);
  });

  it.each(["abc", "", ".", "0.0001", "1e-3", "-1"])("%s is not a margin", (text) => {
    expect(parseSeconds(text)).toBeUndefined();
  });
});

describe("tokenize", () => {
  it("keeps apostrophes inside words and quoted groups together", () => {
    expect(tokenize(`"Swervin' Irvan" o'neil track:"las vegas"`).map((t) => t.text)).toEqual([
      "Swervin' Irvan",
      "o'neil",
      "las vegas",
    ]);
  });
});

describe("parser properties", () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc
      .array(
        fc.constantFrom(
          "5",
          "0.5",
          ".001",
          "2023",
          "nextgen",
          "all",
          "talladega",
          "Busch",
          '"',
          ":",
          "=",
          ",",
          "vs",
          "count:",
          "era:x",
          "1e9",
          "-3",
          "NaN",
        ),
        { maxLength: 8 },
      )
      .map((w) => w.join(" ")),
  );

  it("any text for any command gives options or a UserError, never another throw", () => {
    fc.assert(
      fc.property(fc.constantFrom(...commands), anyText, (command, text) => {
        try {
          const parsed = parseArguments(command, text, data);
          expect(typeof parsed).toBe("object");
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect((error as UserError).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("any integer count is accepted exactly within 1–25", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const line = `/closest count:${n}`;
        let outcome: unknown;
        try {
          outcome = values(line).count;
        } catch (error) {
          outcome = error instanceof UserError ? "rejected" : error;
        }
        expect(outcome).toBe(n >= 1 && n <= 25 ? n : "rejected");
      }),
    );
  });

  it("findCommand knows every registered command", () => {
    for (const command of commands) expect(findCommand(commands, `/${command.name}`)).toBe(command);
  });
});
