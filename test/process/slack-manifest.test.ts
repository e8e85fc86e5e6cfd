import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import {
  buildSlackManifest,
  formatSlackManifest,
  PLACEHOLDER_REQUEST_URL,
  UMBRELLA_COMMAND,
} from "../../src/platforms/slack/manifest.js";
import { slackManifestSchema } from "../helpers/slack-manifest-schema.js";

const committed = path.join(PACKAGE_ROOT, "manifest.json");

describe("Slack app manifest", () => {
  it("is committed exactly as `photo-finish slack:manifest` generates it", () => {
    expect(readFileSync(committed, "utf8")).toBe(formatSlackManifest());
  });

  it("validates against Slack's published manifest schema", () => {
    const result = slackManifestSchema.safeParse(JSON.parse(readFileSync(committed, "utf8")));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("declares every registry command and the umbrella, with usage hints from the registry", () => {
    const manifest = buildSlackManifest();
    const declared = manifest.features.slash_commands;
    expect(declared.map((c) => c.command)).toEqual([
      ...commands.map((c) => `/${c.name}`),
      `/${UMBRELLA_COMMAND}`,
    ]);
    for (const command of commands) {
      const entry = declared.find((c) => c.command === `/${command.name}`);
      expect(entry?.description).toBe(command.description);
      expect(`/${command.name}${entry?.usage_hint ? ` ${entry.usage_hint}` : ""}`).toBe(command.usage);
    }
    for (const entry of declared) {
      expect(entry.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(entry.url).toBe(PLACEHOLDER_REQUEST_URL);
    }
  });

  it("asks for the commands scope only, and turns on interactivity and Socket Mode", () => {
    const manifest = buildSlackManifest();
    expect(manifest.oauth_config.scopes.bot).toEqual(["commands"]);
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: PLACEHOLDER_REQUEST_URL,
    });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("is written by the real CLI to the file it is given", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pf-manifest-")), "out.json");
    const result = spawnSync(
      process.execPath,
      [path.join(PACKAGE_ROOT, "bin/photo-finish.js"), "slack:manifest", file],
      {
        encoding: "utf8",
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(formatSlackManifest());
  });

  it("fails with a plain message when it cannot write", () => {
    const result = spawnSync(
      process.execPath,
      [
        path.join(PACKAGE_ROOT, "bin/photo-finish.js"),
        "slack:manifest",
        path.join(PACKAGE_ROOT, "no/such/dir/m.json"),
      ],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not write/);
  });
});
