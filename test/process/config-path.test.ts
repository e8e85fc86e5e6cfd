import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { copyData, editData } from "../helpers/temp-data.js";

/** A working folder whose .env points DATA_DIR at a data copy whose first source is renamed. */
function folderWithEnv(extra = ""): { cwd: string; dataDir: string } {
  const dataDir = copyData();
  editData(dataDir, "dataset.json", (text) =>
    text.replace('"name": "Racing-Reference results"', '"name": "Racing-Reference results (mirror)"'),
  );
  const cwd = mkdtempSync(path.join(tmpdir(), "photo-finish-env-"));
  writeFileSync(path.join(cwd, ".env"), `DATA_DIR=${dataDir}\n${extra}`);
  return { cwd, dataDir };
}

describe("every verb reads configuration as start-up does (.env, validated)", () => {
  it("ask answers from the DATA_DIR that .env names", async () => {
    const { cwd } = folderWithEnv();
    const result = await runBin(["ask", "--format", "json", "/about"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Racing-Reference results (mirror)");
  });

  it("data:check checks the DATA_DIR that .env names", async () => {
    const { cwd, dataDir } = folderWithEnv();
    editData(dataDir, "dataset.json", (text) => text.replace('"asOf": "2026-06-28"', '"asOf": "2031-01-02"'));
    const result = await runBin(["data:check"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(path.join(dataDir, "dataset.json"));
  });

  it("a malformed variable stops ask with the variable named, as it stops start-up", async () => {
    const { cwd } = folderWithEnv("PORT=0x50\n");
    const result = await runBin(["ask", "/about"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/PORT: should be a port number/);
  });
});
