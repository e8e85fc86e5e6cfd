import { chartAltText, chartId } from "../../charts/index.js";
import { chartUrl } from "../../charts/route.js";
import type { Answer } from "../../core/answer.js";
import type { SlackChartView } from "./render.js";

/**
 * The chart part of `ask --format slack`: what the bot would send for this answer. With
 * PUBLIC_BASE_URL, the image URL the bot would serve (ids are content addresses, so no drawing is
 * needed to know it); without, none: the bot would send the text answer alone.
 */
export function slackChartFor(answer: Answer, publicBaseUrl: string | undefined): SlackChartView | undefined {
  if (!answer.chart) return undefined;
  const base = publicBaseUrl?.trim();
  if (!base) return undefined;
  return {
    kind: "image",
    imageUrl: chartUrl(base, chartId(answer.chart)),
    altText: chartAltText(answer.chart),
  };
}
