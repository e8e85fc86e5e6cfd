import { execFile } from "node:child_process";
import { loadDataset } from "../src/data/load.js";
import { benchCharts } from "./charts.js";
import { benchAsk, benchWrappers } from "./cli.js";
import { benchCommands, type CommandFigure } from "./commands.js";
import type { HttpFigures } from "./http.js";
import { ms, printTable } from "./stats.js";
import { makeSyntheticDataset } from "./synthetic.js";

/**
 * `npm run bench`: prints a table of figures (or JSON with --json). It measures and reports; it
 * never fails a build for being slow.
 */
async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const quick = process.argv.includes("--quick");
  const log = (text: string) => {
    if (!json) console.log(text);
  };
  const real = await loadDataset();
  const datasets = [
    { name: "real", data: real, iterations: quick ? 100 : 1000 },
    { name: "synthetic 10k", data: makeSyntheticDataset(real, 10_000), iterations: quick ? 50 : 300 },
    { name: "synthetic 100k", data: makeSyntheticDataset(real, 100_000), iterations: quick ? 20 : 100 },
  ];
  const commandFigures: CommandFigure[] = [];
  for (const { name, data, iterations } of datasets) {
    log(`\nparse → query → render, ${name} (${data.races.length} races), ${iterations} runs each`);
    const figures = benchCommands(name, data, iterations);
    commandFigures.push(...figures);
    if (!json)
      printTable(
        ["command", "platform", "cold ms", "p50 ms", "p99 ms"],
        figures.map((f) => [f.line, f.platform, ms(f.coldMs), ms(f.p50Ms), ms(f.p99Ms)]),
      );
    const worst = figures.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a));
    log(`worst p99 on ${name}: ${ms(worst.p99Ms)} ms (${worst.line}, ${worst.platform})`);
  }

  const ask = benchAsk(quick ? 5 : 15);
  log(
    `\nphoto-finish ask: median ${ms(ask.askMs)} ms; bare node -e 0: ${ms(ask.nodeMs)} ms; ratio ${ask.ratio.toFixed(2)}×`,
  );
  const wrappers = benchWrappers(quick ? 3 : 7);
  log(
    `npx photo-finish ask: median ${ms(wrappers.npxAskMs)} ms; npm start --silent to /quit: median ${ms(wrappers.npmStartMs)} ms`,
  );

  const charts = await benchCharts(real, quick ? 5 : 20);
  log(
    `\nchart images (960×540 PNG; ECharts SVG + resvg), warm; chart libraries load once in ${ms(charts.loadMs)} ms`,
  );
  if (!json)
    printTable(
      ["answer", "chart", "first ms", "p50 ms", "p99 ms", "PNG kB"],
      charts.charts.map((c) => [c.line, c.kind, ms(c.firstMs), ms(c.p50Ms), ms(c.p99Ms), c.pngKb.toFixed(0)]),
    );
  log(
    `photo-finish ask --chart out.png "/leaders" (fresh process, libraries included): median ${ms(charts.askChartMs)} ms`,
  );

  const total = quick ? 500 : 3000;
  const rounds = quick ? 3 : 5;
  log(
    `\nHTTP endpoints on 127.0.0.1: ${total} signed requests per run, 16 in flight, each from a new user; after a warm-up, ${rounds} rounds, ours and the baseline alternating`,
  );
  const http = await benchHttpApart(total, rounds);
  if (!json) {
    const rows = [
      ["popular questions (answered from the cache)", http.slack, http.discord],
      ["every question different (no cache)", http.slackDistinct, http.discordDistinct],
    ] as const;
    printTable(
      [
        "requests",
        "endpoint",
        "median req/s",
        "baseline req/s",
        "ratio (median)",
        "ratios by round",
        "p99 ms",
        "errors",
      ],
      rows.flatMap(([what, slack, discord]) =>
        (
          [
            ["Slack /slack/events vs bare Bolt", slack],
            ["Discord /discord/interactions vs bare verify", discord],
          ] as const
        ).map(([endpoint, f]) => [
          what,
          endpoint,
          f.ours.perSecond.toFixed(0),
          f.bare.perSecond.toFixed(0),
          `${f.ratio.toFixed(2)}×`,
          f.ratios.map((r) => r.toFixed(2)).join(" "),
          ms(f.ours.p99Ms),
          String(f.ours.errors),
        ]),
      ),
    );
    log(
      `load with charts (${http.charts.requests} Discord interactions, 1 in 10 a Chart click, 64 in flight, 3 s time-out): p50 ${ms(http.charts.p50Ms)} ms, p99 ${ms(http.charts.p99Ms)} ms, ${http.charts.timeouts} time-outs, statuses ${JSON.stringify(http.charts.statuses)}`,
    );
    log(
      `resident memory of the bot (every adapter: Discord gateway + HTTP, Slack HTTP): ${http.rss.afterStartMb.toFixed(1)} MB after start, ${http.rss.afterLoadMb.toFixed(1)} MB after the load, ${http.rss.quietMb.toFixed(1)} MB 10 s after it, ${http.rss.settledMb.toFixed(1)} MB 25 s after the chart load`,
    );
  }

  if (json) console.log(JSON.stringify({ commands: commandFigures, ask, wrappers, charts, http }, null, 2));
}

/** Runs the HTTP part in a fresh process (see http-main.ts) and reads its figures. */
function benchHttpApart(total: number, rounds: number): Promise<HttpFigures> {
  const script = new URL("./http-main.js", import.meta.url).pathname;
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [script, String(total), String(rounds)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as HttpFigures)),
    ),
  );
}

main().catch((error) => {
  // A benchmark that cannot run says why, but never fails the build that called it.
  console.error(`bench: ${error?.stack ?? error}`);
});
