import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

/**
 * The layering, checked from the source text itself (independently of Biome's configuration): what
 * each file imports, resolved to a path in the repository, against who may import what.
 */

interface Import {
  readonly from: string;
  /** A path relative to the package root for a relative import, else the bare specifier. */
  readonly to: string;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

/** Every import (static, dynamic, re-export) in one file's text. */
function importsOf(file: string, text: string): Import[] {
  return [...text.matchAll(SPECIFIER)].map((m) => {
    const spec = m[1] as string;
    const to = spec.startsWith(".") ? path.posix.join(path.posix.dirname(file), spec) : spec;
    return { from: file, to };
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(PACKAGE_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.posix.relative(PACKAGE_ROOT, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

const SDK = /^(discord\.js|discord-api-types(\/.*)?|@slack\/.*|@discordjs\/.*|undici(\/.*)?)$/;
const NEUTRAL = /^(src\/(core|query|data|pipeline)|commands)\//;
const platformOf = (p: string) => /^src\/platforms\/([^/]+)\//.exec(p)?.[1];

/** The rule each import breaks, if any. */
function violation({ from, to }: Import): string | undefined {
  if (NEUTRAL.test(from)) {
    if (SDK.test(to)) return `${from} imports the SDK ${to}`;
    if (/^src\/(platforms|http)\//.test(to)) return `${from} imports ${to}`;
  }
  const here = platformOf(from);
  const there = platformOf(to);
  if (here && there && here !== there) return `platform ${here} imports platform ${there} (${to})`;
  return undefined;
}

describe("layers", () => {
  const imports = ["src", "commands"]
    .flatMap(filesUnder)
    .flatMap((file) => importsOf(file, readFileSync(path.join(PACKAGE_ROOT, file), "utf8")));

  it("shared layers import no platform, SDK or HTTP server; platforms never import each other", () => {
    expect(imports.map(violation).filter(Boolean)).toEqual([]);
  });

  it("reads real imports (so the check above cannot pass by reading nothing)", () => {
    expect(imports.length).toBeGreaterThan(200);
    expect(imports).toContainEqual({
      from: "src/platforms/discord/http.ts",
      to: "src/platforms/discord/interactions.js",
    });
    expect(imports).toContainEqual({ from: "src/platforms/slack/adapter.ts", to: "@slack/bolt" });
  });

  it("catches each kind of breach", () => {
    const breaches = [
      ...importsOf("src/core/x.ts", 'import { Client } from "discord.js";'),
      ...importsOf("commands/x.ts", 'const m = await import("../src/platforms/slack/render.js");'),
      ...importsOf("src/query/x.ts", 'export { sendJson } from "../http/server.js";'),
      ...importsOf("src/pipeline/x.ts", 'import type { App } from "@slack/bolt";'),
      ...importsOf("src/platforms/discord/x.ts", 'import { SLACK } from "../slack/interactions.js";'),
      ...importsOf("src/platforms/terminal/x.ts", 'import "../discord/render.js";'),
    ];
    expect(breaches).toHaveLength(6);
    for (const breach of breaches) expect(violation(breach), JSON.stringify(breach)).toBeDefined();
  });
});
