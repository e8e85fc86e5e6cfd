import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, runBin } from "../helpers/cli.js";
import { decodePng } from "../helpers/png.js";

const outDir = () => mkdtempSync(path.join(tmpdir(), "pf-chart-"));

describe("photo-finish ask --chart", () => {
  it('writes the answer\'s chart as a PNG and still prints the text answer: ask --chart out.png "/leaders"', async () => {
    const file = path.join(outDir(), "out.png");
    const result = await runBin(["ask", "--chart", file, "/leaders nextgen"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Most wins by .500 s or less in the Next Gen era (2022–2024)");
    expect(result.stdout).toMatch(/Kyle Larson +█+▒+ +5 \+ 2/);
    expect(result.stderr).toContain(`chart written to ${file}`);
    const image = decodePng(readFileSync(file));
    expect([image.width, image.height]).toEqual([960, 540]);
  });

  it("says so, writes nothing and keeps status 0 when the answer has no chart", async () => {
    const file = path.join(outDir(), "none.png");
    const result = await runBin(["ask", `--chart=${file}`, "/closest 3"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("this answer has no chart");
    expect(existsSync(file)).toBe(false);
  });

  it("exits 1 when the file cannot be written, after printing the answer", async () => {
    const file = path.join(outDir(), "missing-dir", "out.png");
    const result = await runBin(["ask", "--chart", file, "/driver Buescher nextgen"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Chris Buescher in the Next Gen era");
    expect(result.stderr).toContain("could not write the chart");
  });

  it("rejects --chart without a file name", async () => {
    const result = await runBin(["ask", "--chart"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--chart needs a file name");
  });

  it("--format slack shows what the bot would send: text alone without PUBLIC_BASE_URL, the image URL with it", async () => {
    const without = JSON.parse((await runBin(["ask", "--format", "slack", "/margin 0.5 nextgen"])).stdout);
    expect(without.blocks.some((b: { type: string }) => b.type === "image")).toBe(false);
    expect(JSON.stringify(without)).not.toMatch(/PUBLIC_BASE_URL|No chart/);
    const withBase = JSON.parse(
      (
        await runBin(["ask", "--format", "slack", "/margin 0.5 nextgen"], {
          env: cleanEnv({ PUBLIC_BASE_URL: "https://bot.example.com" }),
        })
      ).stdout,
    );
    const image = withBase.blocks.find((b: { type: string }) => b.type === "image");
    expect(image.image_url).toMatch(/^https:\/\/bot\.example\.com\/charts\/[0-9a-f]{32}\.png$/);
  });
});
