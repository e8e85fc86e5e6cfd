import type { Logger } from "pino";
import { renderChartImage } from "../../charts/index.js";
import { timeBox } from "../../core/time-box.js";
import { CHART_DEADLINE_MS } from "../../pipeline/pipeline.js";
import type { PendingChart } from "./interactions.js";
import type { ResponseFile } from "./multipart.js";

/**
 * Draws the chart a response refers to, as the file to send beside it; undefined (logged) when
 * drawing fails or is too slow, and the caller sends the fallback instead. Never throws.
 */
export async function drawPendingChart(
  pending: PendingChart,
  log: Logger,
  deadlineMs = CHART_DEADLINE_MS,
): Promise<ResponseFile | undefined> {
  try {
    const image = await timeBox(
      renderChartImage(pending.chart),
      deadlineMs,
      `chart not drawn within ${deadlineMs} ms`,
    );
    return { name: pending.filename, contentType: image.contentType, data: image.png };
  } catch (error) {
    // A full chart queue is load, not a fault: a warning without a stack.
    if (error instanceof Error && error.name === "ChartsBusyError")
      log.warn({ chart: pending.chart.kind }, "chart queue full; sending text instead");
    else log.error({ err: error, chart: pending.chart.kind }, "chart rendering failed; sending text instead");
    return undefined;
  }
}
