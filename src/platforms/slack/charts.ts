import type { Logger } from "pino";
import { chartUrl } from "../../charts/route.js";
import type { ChartStore } from "../../charts/store.js";
import type { Answer } from "../../core/answer.js";
import { timeBox } from "../../core/time-box.js";
import { CHART_DEADLINE_MS } from "../../pipeline/pipeline.js";
import type { RespondStep } from "./interactions.js";
import { type SlackChartView, type SlackMessage, toSlackMessage } from "./render.js";

/**
 * Charts in Slack. Slack shows an image only from a URL it fetches itself, so the bot serves the PNG
 * from its own HTTP server (GET /charts/<id>.png) under PUBLIC_BASE_URL. Every answer that has a
 * chart (/leaders, /driver, /margin) gets it automatically: no keyword to learn, and a text answer
 * already says everything the picture does.
 */

/**
 * Logged once at start-up when Slack runs without PUBLIC_BASE_URL. An operator matter: fans never see
 * it (their answers simply go out as text, which already says everything a chart does).
 */
export const CHART_NEEDS_BASE_URL =
  "Slack charts are off: set PUBLIC_BASE_URL to the bot's public URL so Slack can fetch chart images";

/** Where charts are kept and the public address Slack fetches them from. */
export interface SlackCharts {
  readonly publicBaseUrl: string;
  readonly store: ChartStore;
  readonly timeoutMs?: number;
}

/**
 * Decides how an answer's chart shows in Slack: an image once it is drawn and kept for the route;
 * nothing when charts are off (said once in the start-up log, never to fans), when the answer has no
 * chart, or when drawing failed (logged; the answer goes out as text).
 */
export async function slackChartView(
  answer: Answer,
  charts: SlackCharts | undefined,
  log?: Logger,
): Promise<SlackChartView | undefined> {
  if (!answer.chart || !charts) return undefined;
  try {
    const ms = charts.timeoutMs ?? CHART_DEADLINE_MS;
    const image = await timeBox(charts.store.publish(answer.chart), ms, `chart not drawn within ${ms} ms`);
    return { kind: "image", imageUrl: chartUrl(charts.publicBaseUrl, image.id), altText: image.altText };
  } catch (error) {
    // A full chart queue is load, not a fault: a warning without a stack.
    if (error instanceof Error && error.name === "ChartsBusyError")
      log?.warn(
        { platform: "slack", chart: answer.chart.kind },
        "chart queue full; answering with text only",
      );
    else
      log?.error(
        { err: error, platform: "slack", chart: answer.chart.kind, title: answer.chart.title },
        "chart rendering failed; answering with text only",
      );
    return undefined;
  }
}

/** The slash command's message with its chart, if it has one. */
export async function messageWithChart(
  answer: Answer,
  message: SlackMessage,
  charts: SlackCharts | undefined,
  log?: Logger,
): Promise<SlackMessage> {
  const view = await slackChartView(answer, charts, log);
  return view ? toSlackMessage(answer, 0, view) : message;
}

/** A button's respond() steps with the answer's chart on every message step (paging keeps it). */
export async function stepsWithChart(
  answer: Answer,
  page: number,
  steps: readonly RespondStep[],
  charts: SlackCharts | undefined,
  log?: Logger,
): Promise<readonly RespondStep[]> {
  const view = await slackChartView(answer, charts, log);
  if (!view) return steps;
  const message = toSlackMessage(answer, page, view);
  return steps.map((step) =>
    "blocks" in step ? { ...message, replace_original: step.replace_original } : step,
  );
}
