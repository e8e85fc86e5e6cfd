import type { Command } from "../src/core/command.js";
import { about } from "./about.js";
import { closest } from "./closest.js";
import { driver } from "./driver.js";
import { help } from "./help.js";
import { leaders } from "./leaders.js";
import { margin } from "./margin.js";
import { race } from "./race.js";
import { season } from "./season.js";
import { track } from "./track.js";
import { versus } from "./versus.js";

/**
 * The one command registry. Discord registration, the Slack manifest, /help and the parser all read
 * this list, so a command added here appears everywhere at once.
 */
export const commands: readonly Command[] = [
  closest,
  driver,
  margin,
  race,
  track,
  season,
  versus,
  leaders,
  help,
  about,
];
