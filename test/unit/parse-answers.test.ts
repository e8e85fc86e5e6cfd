import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { ask } from "../helpers/data.js";

// Issue 11, items 4 and 5 and bad option names: what a word is, decided by what it looks like.
const rejected = async (line: string) => {
  const outcome = await ask(line);
  expect(outcome.status, `${line}: ${outcome.answer.summary}`).toBe("rejected");
  return outcome.answer;
};

describe("a number, an era or a `by` value is never a name", () => {
  it.each([
    ["/closest 5 5", /You gave count twice/],
    ["/closest 5 nextgen all", /You gave two eras, "nextgen" and "all"/],
    ["/closest era:nextgen all", /You gave two eras/],
    ["/closest 2023 2024", /You gave two seasons/],
    ["/leaders wins wins", /You gave by twice, "wins" and "wins"/],
    ["/leaders nextgen gen6", /You gave two eras/],
    ["/margin 0.5 0.25", /You gave seconds twice/],
  ])("%s is a conflict, not a name", async (line, message) => {
    const answer = await rejected(line);
    expect(answer.summary).toMatch(message);
    expect(answer.choices ?? []).toEqual([]);
  });

  it.each([
    ["/driver 24", /\/driver takes no number/],
    ["/track Texas 5", /\/track takes no number/],
    ["/driver Larson 2023", /\/driver takes no season/],
    ["/closest 0.5", /\/closest takes no margin.*\/margin 0\.5/],
    ["/versus Larson 5", /\/versus takes no number/],
  ])("%s says what the command takes instead", async (line, message) => {
    const answer = await rejected(line);
    expect(answer.summary).toMatch(message);
    expect(answer.summary).not.toMatch(/could be|Did you mean|I don't have a/);
  });

  it("every command, given a number or an era where a name would go, never offers names for it", async () => {
    const offered: string[] = [];
    for (const command of commands) {
      for (const word of ["5", "17", "2023", "0.5", "nextgen", "all", "gen6"]) {
        const outcome = await ask(`/${command.name} ${word} ${word}`);
        const text = `${outcome.answer.summary} ${(outcome.answer.choices ?? []).map((c) => c.label).join(" ")}`;
        if (/could be|Did you mean|called “/.test(text))
          offered.push(`/${command.name} ${word} ${word}: ${text}`);
      }
    }
    expect(offered).toEqual([]);
  });

  it("a name that ends in a number is still a name", async () => {
    const outcome = await ask("/track Daytona 500");
    expect(outcome.status).toBe("answered");
    expect(outcome.answer.title).toMatch(/^Daytona International Speedway/);
  });
});

describe("/help for one command", () => {
  it.each([
    ["/help versus", "/versus"],
    ["/help vs", "/versus"],
    ["/help h2h", "/versus"],
    ["/help /race", "/race"],
    ["/help closest", "/closest"],
    ["/help /closest", "/closest"],
  ])("%s shows %s", async (line, title) => {
    const outcome = await ask(line);
    expect(outcome.status).toBe("answered");
    expect(outcome.answer.title).toBe(title);
  });

  it("an alias works as the command itself", async () => {
    const outcome = await ask("/vs Larson Buescher");
    expect(outcome.status).toBe("answered");
    expect(outcome.answer.title).toMatch(/^Kyle Larson vs Chris Buescher/);
  });
});

describe("option names that are also names of object members", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "/closest %s:1 has no such option",
    async (name) => {
      const answer = await rejected(`/closest ${name}:1`);
      expect(answer.summary).toMatch(/^\/closest has no option "/);
    },
  );
});
