import { writeFile } from "node:fs/promises";
import path from "node:path";
import { commands as registry } from "../../../commands/index.js";
import type { Command } from "../../core/command.js";

/** The umbrella command: `/photofinish margin 0.5 nextgen` runs `/margin 0.5 nextgen`. */
export const UMBRELLA_COMMAND = "photofinish";

/**
 * Where Slack sends HTTP-mode requests. A placeholder: replace the host with your public one (see
 * docs/slack.md). Socket Mode ignores it.
 */
export const PLACEHOLDER_REQUEST_URL = "https://example.com/slack/events";

/** Slack's documented manifest limits (https://api.slack.com/reference/manifests). */
export const MANIFEST_LIMITS = {
  appName: 35,
  appDescription: 140,
  longDescriptionMin: 175,
  longDescriptionMax: 4000,
  botDisplayName: 80,
  commandName: 32,
  commandDescription: 2000,
  usageHint: 1000,
  slashCommands: 50,
} as const;

/** One slash command as the manifest declares it. */
export interface ManifestSlashCommand {
  readonly command: string;
  readonly url: string;
  readonly description: string;
  readonly usage_hint?: string;
  readonly should_escape: boolean;
}

/** The Slack app manifest Photo Finish needs: slash commands, the `commands` scope, interactivity. */
export interface SlackManifest {
  readonly _metadata: { readonly major_version: number; readonly minor_version: number };
  readonly display_information: {
    readonly name: string;
    readonly description: string;
    readonly long_description: string;
    readonly background_color: string;
  };
  readonly features: {
    readonly bot_user: { readonly display_name: string; readonly always_online: boolean };
    readonly slash_commands: readonly ManifestSlashCommand[];
  };
  readonly oauth_config: { readonly scopes: { readonly bot: readonly string[] } };
  readonly settings: {
    readonly interactivity: { readonly is_enabled: boolean; readonly request_url: string };
    readonly org_deploy_enabled: boolean;
    readonly socket_mode_enabled: boolean;
    readonly token_rotation_enabled: boolean;
  };
}

const LONG_DESCRIPTION =
  "Photo Finish answers questions about the closest finishes in NASCAR Cup Series history, from the " +
  "electronic-scoring era (1993 on) to the Next Gen car. Ask for the closest finishes, a driver's close " +
  "wins and runner-ups, races decided by a given margin, a track, a season, two drivers against each " +
  "other, or the leaderboard. Every answer names its source and how fresh the data is.";

/** "/margin <seconds> [era]" → "<seconds> [era]": Slack shows the hint after the command name. */
function usageHint(command: Command): string | undefined {
  const hint = command.usage.replace(/^\/\S+\s*/, "").trim();
  return hint === "" ? undefined : hint.slice(0, MANIFEST_LIMITS.usageHint);
}

function slashCommand(command: string, description: string, hint: string | undefined): ManifestSlashCommand {
  return {
    command: `/${command}`,
    url: PLACEHOLDER_REQUEST_URL,
    description: description.slice(0, MANIFEST_LIMITS.commandDescription),
    ...(hint ? { usage_hint: hint } : {}),
    should_escape: false,
  };
}

/**
 * Builds the manifest from the command registry, so a command added there is declared here too.
 * Socket Mode is on: it needs no public URL, and the bot answers the same either way (docs/slack.md
 * explains switching to HTTP).
 */
export function buildSlackManifest(commands: readonly Command[] = registry): SlackManifest {
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "Photo Finish",
      description: "The closest finishes in NASCAR Cup Series history, one slash command away.",
      long_description: LONG_DESCRIPTION,
      background_color: "#1d1d1b",
    },
    features: {
      bot_user: { display_name: "Photo Finish", always_online: false },
      slash_commands: [
        ...commands.map((c) => slashCommand(c.name, c.description, usageHint(c))),
        slashCommand(
          UMBRELLA_COMMAND,
          "Any Photo Finish command in one: /photofinish margin 0.5 nextgen",
          "<command> [arguments]  (e.g. closest 5 talladega)",
        ),
      ],
    },
    oauth_config: { scopes: { bot: ["commands"] } },
    settings: {
      interactivity: { is_enabled: true, request_url: PLACEHOLDER_REQUEST_URL },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
}

/** The repository's formatter (Biome) line width, which the committed file must also satisfy. */
const LINE_WIDTH = 110;

/**
 * The manifest as the committed manifest.json holds it: two-space JSON and a final newline, with
 * short lists of strings on one line, as the repository's formatter writes them (so `npm run lint`
 * and the sync test agree on one layout).
 */
export function formatSlackManifest(manifest: SlackManifest = buildSlackManifest()): string {
  const json = JSON.stringify(manifest, null, 2).replace(
    /^( *)("[^"\n]*": )?\[\n((?: *"(?:[^"\\\n]|\\.)*",?\n)+) *\]/gm,
    (whole, indent: string, key: string | undefined, items: string) => {
      const line = `${indent}${key ?? ""}[${items
        .trim()
        .split(/,?\n\s*/)
        .join(", ")}]`;
      return line.length <= LINE_WIDTH ? line : whole;
    },
  );
  return `${json}\n`;
}

/** `photo-finish slack:manifest [file]`: writes the manifest (default manifest.json); the exit code. */
export async function writeSlackManifest(file = "manifest.json"): Promise<number> {
  try {
    await writeFile(file, formatSlackManifest(), "utf8");
    process.stdout.write(
      `Wrote ${path.resolve(file)}. Create the app from it at https://api.slack.com/apps (see docs/slack.md).\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`photo-finish: could not write ${file}: ${(error as Error).message}\n`);
    return 1;
  }
}
