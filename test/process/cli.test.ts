import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, run, runBin } from "../helpers/cli.js";
import { copyData, editData } from "../helpers/temp-data.js";

describe("photo-finish (the real process)", () => {
  it("answers piped lines one by one and exits at end of input", async () => {
    const result = await runBin([], { input: "/driver Buescher nextgen\n\n/margin 0.5 nextgen\n" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Chris Buescher won 5 and finished second in 5");
    expect(result.stdout).toMatch(/2023 Daytona II .* Chris Buescher +Brad Keselowski +won/);
    expect(result.stdout).toMatch(/2024 Kansas I .* Kyle Larson +Chris Buescher +2nd/);
    expect(result.stdout).toContain("38 of the 108 Cup races in the Next Gen era through 2024 (35.2%)");
    expect(result.stdout).not.toContain("photo-finish>");
    expect(result.stderr).toBe("");
  });

  it("keeps answering after bad input in a piped session", async () => {
    const result = await runBin([], { input: "/margin abc\n/driver Busch\n/nonsense\n/closest 1\n" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: /margin <seconds> [era]");
    expect(result.stdout).toContain('/driver "Kyle Busch"');
    expect(result.stdout).toContain("I don't know the command /nonsense");
    expect(result.stdout).toContain("Closest Cup finish since 1993");
  });

  it("shows a prompt with a banner at a terminal, and quits on /quit", async () => {
    // `script` gives the process a real pseudo-terminal, as a person's shell would.
    const result = await run("script", ["-qfec", `"${process.execPath}" "${BIN}"`, "/dev/null"], {
      input: "/closest 2\n/quit\n",
      env: cleanEnv({ TERM: "dumb" }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Type /help for commands");
    expect(result.stdout).toContain("photo-finish> ");
    expect(result.stdout).toContain("2 closest Cup finishes since 1993");
  });

  it("ask answers once with exit 0", async () => {
    const result = await runBin(["ask", "/closest 3 nextgen"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 closest Cup finishes in the Next Gen era");
  });

  it("ask explains the usage and exits 2 for rejected input", async () => {
    const result = await runBin(["ask", "/margin abc"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Usage: /margin <seconds> [era]");
  });

  it("ask --format json prints the neutral answer", async () => {
    const result = await runBin(["ask", "--format", "json", "/margin 0.5 nextgen"]);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.summary).toContain("(35.2%)");
    expect(answer.list.rows).toHaveLength(39); // 38 through 2024, and 2026 Sonoma unranked
  });

  it("ask rejects an unknown format", async () => {
    const result = await runBin(["ask", "--format", "xml", "/closest"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown format "xml"');
  });

  it("stops before starting when the data is invalid, naming file, row and field", async () => {
    const dir = copyData();
    editData(dir, "races.csv", (text) => text.replace(",0.256,", ",0.2x6,"));
    const result = await runBin([], { input: "/closest\n", env: cleanEnv({ DATA_DIR: dir }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/races\.csv row \d+, field margin/);
    expect(result.stdout).toBe("");
  });

  it("stops before connecting when configuration is invalid, naming the variable", async () => {
    const result = await runBin([], { env: cleanEnv({ DISCORD_PUBLIC_KEY: "not-a-key" }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DISCORD_PUBLIC_KEY");
    expect(result.stderr).toContain("64 hex characters");
  });

  it("data:check reports OK, or every problem", async () => {
    const ok = await runBin(["data:check"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: 1174 races/);
    const dir = copyData();
    editData(dir, "races.csv", (text) =>
      text.replace(",0.256,", ",x,").replace("Kyle Larson,Austin Dillon", "Kyle Larsen,Austin Dillon"),
    );
    const bad = await runBin(["data:check", dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/2 problem/);
  });

  it("--help lists the verbs; an unknown verb exits 2", async () => {
    expect((await runBin(["--help"])).stdout).toContain("photo-finish ask");
    expect((await runBin(["frobnicate"])).code).toBe(2);
  });
});
