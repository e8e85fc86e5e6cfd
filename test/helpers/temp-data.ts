import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";

/** A copy of the real data folder in a temp dir, for tests that break it on purpose. */
export function copyData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "photo-finish-data-"));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a data copy. */
export function editData(dir: string, file: string, edit: (text: string) => string): void {
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, "utf8")));
}
