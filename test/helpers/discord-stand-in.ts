// The loopback Discord stand-in lives with the benchmark, which uses it too (to measure the bot with
// its gateway connected); tests import it from here.
export { APP_ID, type FakeDiscord, startFakeDiscord } from "../../bench/stand-ins/discord.js";
