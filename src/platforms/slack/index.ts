import type { Logger } from "pino";
import type { Config } from "../../config.js";
import type { HttpServer } from "../../http/server.js";
import type { PlatformModule } from "../platform.js";
import type { SlackCharts } from "./charts.js";

/** Socket Mode (app-level token) or HTTP mode (signing secret). */
function slackOn(config: Config): { socket: boolean; http: boolean } {
  return {
    socket: Boolean(config.SLACK_APP_TOKEN && config.SLACK_BOT_TOKEN),
    http: Boolean(config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN),
  };
}

/**
 * Serves chart images at GET /charts/<id>.png (Slack shows an image only from a URL it fetches),
 * and loads the chart libraries in the background so the first chart is not slow. Loaded only when
 * PUBLIC_BASE_URL is set, so a bot without charts never loads them.
 */
async function startCharts(http: HttpServer, publicBaseUrl: string, log: Logger): Promise<SlackCharts> {
  const [{ ChartStore }, { CHARTS_PATH_PREFIX, chartRoute }, { warmUpCharts }] = await Promise.all([
    import("../../charts/store.js"),
    import("../../charts/route.js"),
    import("../../charts/index.js"),
  ]);
  const store = new ChartStore();
  for (const method of ["GET", "HEAD"]) http.routePrefix(method, CHARTS_PATH_PREFIX, chartRoute(store));
  warmUpCharts().catch((error: unknown) =>
    log.error({ err: error }, "chart libraries failed to load; answers will be text-only"),
  );
  log.info({ publicBaseUrl }, "charts served at /charts/");
  return { publicBaseUrl, store };
}

/**
 * Slack in Socket Mode or HTTP mode. With PUBLIC_BASE_URL, the shared HTTP server also serves chart
 * images (in Socket Mode too); without it, answers are text and the operator is told once.
 */
export const slackPlatform: PlatformModule = {
  name: "slack",
  enabled: (config) => {
    const on = slackOn(config);
    return on.socket || on.http;
  },
  needsHttp: (config) => slackOn(config).http || Boolean(config.PUBLIC_BASE_URL),
  async create(deps) {
    const { createSlackAdapter } = await import("./adapter.js");
    const { CHART_NEEDS_BASE_URL } = await import("./charts.js");
    const base = deps.config.PUBLIC_BASE_URL;
    // Said once, to the operator: a fan's answer never mentions server configuration.
    if (!base) deps.log.info(CHART_NEEDS_BASE_URL);
    const charts = base && deps.http ? await startCharts(deps.http, base, deps.log) : undefined;
    return [createSlackAdapter(deps, charts ? { charts } : {})];
  },
};
