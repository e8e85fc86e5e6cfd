import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { Race } from "../../src/data/types.js";
import { ask, realData } from "../helpers/data.js";

// Issue 11, item 2: every coverage note is true for the question asked. The grid asks /margin and
// /closest over era × season × track × margin, reads each note's claim, and checks it against the
// rows of races.csv and the seasons' completeness directly (not through the query module).
const data = await realData();
const asOf = data.meta.asOf;

const ERAS = ["all", "nextgen", "gen6", "cot", "gen4"];
const SEASONS = [undefined, 1995, 2007, 2016, 2019, 2022, 2025, 2026];
const TRACKS = [
  undefined,
  "Talladega",
  "COTA",
  "Las Vegas",
  "Bristol Dirt",
  "Daytona",
  "Rockingham",
  "Kentucky",
];
const MARGINS = [0.005, 0.018, 0.1, 0.5, 2];

interface Question {
  readonly line: string;
  readonly eraId: string;
  readonly season: number | undefined;
  readonly trackId: string | undefined;
}

function trackIdOf(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const found = [...data.tracks.values()].find((t) => t.aliases[0] === name);
  if (!found) throw new Error(`no track with everyday name ${name}`);
  return found.id;
}

/** The races a question is about, straight from the rows: era dates, season, track. */
function racesOf(q: Question): Race[] {
  const era = data.eras.find((e) => e.id === q.eraId);
  if (!era) throw new Error(`no era ${q.eraId}`);
  const to = era.to ?? asOf;
  return data.races.filter(
    (r) =>
      r.date >= era.from &&
      r.date <= to &&
      (q.season === undefined || r.season === q.season) &&
      (q.trackId === undefined || r.trackId === q.trackId),
  );
}

const completeness = (season: number) => data.seasons.get(season)?.marginsCompleteToMs ?? 0;
const ms = (text: string) => Math.round(Number(text) * 1000);
const seasonsOf = (races: readonly Race[]) => [...new Set(races.map((r) => r.season))];

/** "1993–2015" or "2019" → the seasons it names. */
function span(text: string): number[] {
  const [from, to] = text.split("–").map(Number) as [number, number | undefined];
  const last = to ?? from;
  return Array.from({ length: last - from + 1 }, (_, i) => from + i);
}

/** Every claim a note makes that the rows can contradict; returns what is false. */
function checkNotes(q: Question, answer: Answer, neededMs: number): string[] {
  const wrong: string[] = [];
  const races = racesOf(q);
  const pendingSeasons = seasonsOf(races).filter((s) => completeness(s) === 0);
  const pending = new Set(pendingSeasons);
  const answered = races.filter((r) => !pending.has(r.season));
  const notes = [...answer.notes, answer.summary];
  for (const note of notes) {
    const fail = (why: string) => wrong.push(`${q.line} → “${note}”: ${why}`);
    const short = /^Not complete past ([\d.]+) s: for (.*) the data holds only the closest finishes/.exec(
      note,
    );
    if (short) {
      const claimed = [
        ...(short[2] as string).matchAll(/(\d{4}(?:–\d{4})?) \((?:to ([\d.]+) s|none yet)\)/g),
      ];
      if (claimed.length === 0) fail("names no seasons");
      for (const [, seasons, to] of claimed) {
        for (const season of span(seasons as string)) {
          const limit = to === undefined ? 0 : ms(to);
          if (completeness(season) !== limit)
            fail(`${season} is complete to ${completeness(season)}, not ${limit}`);
        }
        const raced = span(seasons as string).some((s) => answered.some((r) => r.season === s));
        if (!raced) fail(`no race of the question in ${seasons}`);
      }
      const shortSeasons = seasonsOf(answered).filter((s) => completeness(s) < neededMs);
      if (shortSeasons.length === 0) fail(`every season asked about is complete to ${neededMs} ms`);
      else if (Math.min(...shortSeasons.map(completeness)) !== ms(short[1] as string))
        fail(`the least complete season is complete to ${Math.min(...shortSeasons.map(completeness))} ms`);
    }
    const known = /every margin is known for (.*)\.$/.exec(note);
    if (known)
      for (const part of (known[1] as string).split(/, | and /))
        for (const season of span(part)) {
          if (completeness(season) !== Number.POSITIVE_INFINITY) fail(`${season} is not complete`);
        }
    const holds = /^The data holds (no|[\d,]+) timed finish(?:es)? /.exec(note);
    if (holds) {
      const claimed = holds[1] === "no" ? 0 : Number((holds[1] as string).replaceAll(",", ""));
      const actual = answered.filter((r) => r.finish === "timed").length;
      if (claimed !== actual) fail(`the data holds ${actual}`);
    }
    const notYet =
      /^Margins for (\d{4})(?:(?: and |–)(\d{4}))?(?: \(([\d,]+) races?\))? are not in the data yet/.exec(
        note,
      );
    if (notYet) {
      const claimedSeasons = span(notYet[2] ? `${notYet[1]}–${notYet[2]}` : (notYet[1] as string));
      if (claimedSeasons.some((s) => !pending.has(s)))
        fail(`pending seasons are ${pendingSeasons.join(", ")}`);
      const count = races.filter((r) => pending.has(r.season)).length;
      if (notYet[3] !== undefined && Number(notYet[3].replaceAll(",", "")) !== count)
        fail(`those seasons hold ${count} races of the question`);
      if (count === 0) fail("the question has no race in those seasons");
    }
    const before = /^(\d{4}) is before the (.*), which began in (\d{4})\.$/.exec(note);
    if (before) {
      const era = data.eras.find((e) => e.name === before[2]);
      if (!era || q.season === undefined || `${q.season}-12-31` >= era.from)
        fail("the season is not before it");
    }
    const after = /^(\d{4}) is after the (.*) \(/.exec(note);
    if (after) {
      const era = data.eras.find((e) => e.name === after[2]);
      if (!era?.to || q.season === undefined || `${q.season}-01-01` <= era.to)
        fail("the season is not after it");
    }
    if (/^No Cup race was run /.test(note) && races.length > 0) fail(`${races.length} races were run`);
    if (/^Margins for .* are not in the data yet/.test(note) === false && /\(0 races?\)/.test(note))
      fail("counts zero races");
  }
  // The converse: an answer that depends on finishes the data may lack says so.
  const incomplete = seasonsOf(answered).filter((s) => completeness(s) < neededMs);
  if (incomplete.length > 0 && !notes.some((n) => n.startsWith("Not complete past")))
    wrong.push(`${q.line}: says nothing of ${incomplete.join(", ")}, complete only below ${neededMs} ms`);
  return wrong;
}

function questions(command: (tail: string) => string): Question[] {
  const list: Question[] = [];
  for (const eraId of ERAS)
    for (const season of SEASONS)
      for (const track of TRACKS) {
        const tail = [eraId, track === undefined ? "" : `"${track}"`, season ?? ""].join(" ");
        list.push({ line: command(tail), eraId, season, trackId: trackIdOf(track) });
      }
  return list;
}

describe("coverage notes are true for the question asked", () => {
  it("/margin over era × season × track × margin", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const seconds of MARGINS)
      for (const q of questions((tail) => `/margin ${seconds} ${tail}`)) {
        const outcome = await ask(q.line);
        expect(outcome.status, q.line).toBe("answered");
        wrong.push(...checkNotes(q, outcome.answer, Math.round(seconds * 1000)));
        checked++;
      }
    expect(checked).toBe(MARGINS.length * ERAS.length * SEASONS.length * TRACKS.length);
    expect(wrong).toEqual([]);
  });

  it("/closest over era × season × track: notes hold for the widest finish listed", async () => {
    const wrong: string[] = [];
    let withNotes = 0;
    for (const q of questions((tail) => `/closest 10 ${tail}`)) {
      const outcome = await ask(q.line);
      expect(outcome.status, q.line).toBe("answered");
      const rows = outcome.answer.list?.kind === "finishes" ? outcome.answer.list.rows : [];
      const widest = Math.max(0, ...rows.map((r) => r.marginMs ?? 0));
      wrong.push(...checkNotes(q, outcome.answer, widest));
      if (outcome.answer.notes.length > 0) withNotes++;
    }
    // The grid reaches questions that need notes, so the checks above are exercised.
    expect(withNotes).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it.each([
    ["/closest 2019 talladega nextgen", /^2019 is before the Next Gen era/],
    ["/closest 2023 gen6", /^2023 is after the Gen 6 era/],
    ["/margin 0.5 gen4 2019", /^2019 is after the Gen 4 era/],
  ])("%s gives the real reason", async (line, reason) => {
    const outcome = await ask(line);
    expect(outcome.answer.summary).toMatch(reason);
    expect([outcome.answer.summary, ...outcome.answer.notes].join(" ")).not.toMatch(/starts in 1993|0 races/);
  });
});
