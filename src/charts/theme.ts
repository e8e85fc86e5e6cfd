/**
 * How every chart image looks: size, colours and where each part sits. Shared by the option builder
 * and the tests, which check that the title, axis names, footer and bars really drew pixels there.
 */

/** Image size in pixels: 16:9 reads well inline in Discord and Slack and on a phone. */
export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

/** The font every label uses; the rasteriser gets these files (no system fonts: labels never vanish). */
export const CHART_FONT_FAMILY = "DejaVu Sans";
export const CHART_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

/**
 * A solid dark card with light text: it keeps its own contrast on a white (light theme) or near
 * black (dark theme) chat background, where a transparent image would lose one or the other.
 */
export const COLORS = {
  background: "#1b2230",
  border: "#3d4a60",
  text: "#eef1f6",
  muted: "#aab3c2",
  gridLine: "#2e394b",
  axisLine: "#7a869a",
  /** Close wins: the same amber in every chart. */
  win: "#f2b632",
  /** Runner-up finishes. */
  second: "#5ba4e6",
  /** Plain counts (the margin distribution). */
  count: "#4fc3a1",
} as const;

/** Where each part of the image sits, in pixels from the top left. */
export const LAYOUT = {
  padding: 24,
  title: { top: 16, fontSize: 22 },
  subtitle: { top: 48, fontSize: 14 },
  legend: { top: 76 },
  /** The plot area; the left edge moves right for driver names (see gridLeft). */
  grid: { top: 118, right: 40, bottom: 92, left: 96 },
  gridLeftForNames: 176,
  axisNameGap: { x: 34, y: 62, yWithNames: 150 },
  footer: { bottom: 14, fontSize: 12 },
} as const;

/** Horizontal strips and boxes the tests expect ink in, as [x0, y0, x1, y1] (x1, y1 exclusive). */
export function chartRegions(kind: "leaderboard" | "timeline" | "distribution") {
  const left = kind === "leaderboard" ? LAYOUT.gridLeftForNames : LAYOUT.grid.left;
  const plotBottom = CHART_HEIGHT - LAYOUT.grid.bottom;
  return {
    title: [0, 0, CHART_WIDTH, LAYOUT.subtitle.top - 2],
    subtitle: [0, LAYOUT.subtitle.top, CHART_WIDTH, LAYOUT.legend.top - 4],
    plot: [left + 2, LAYOUT.grid.top, CHART_WIDTH - LAYOUT.grid.right, plotBottom - 1],
    /** The horizontal axis name, centred under the plot. */
    xName: [left, plotBottom + LAYOUT.axisNameGap.x - 12, CHART_WIDTH - LAYOUT.grid.right, plotBottom + 52],
    /** The vertical axis name, rotated, left of the axis labels. */
    yName: [0, LAYOUT.grid.top, 48, plotBottom],
    footer: [0, CHART_HEIGHT - 34, CHART_WIDTH, CHART_HEIGHT - 4],
  } as const;
}
