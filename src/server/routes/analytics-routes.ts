// Staff analytics: the dashboard's JSON for a window of days, and any of its series as a CSV download.
import { Router } from "express";
import { AnalyticsQuerySchema, type AnalyticsQuery } from "../../agent/analytics/analytics-range.js";
import { AnalyticsSeriesSchema, renderAnalyticsCsv } from "../../agent/analytics/analytics-csv.js";
import type { AnalyticsService } from "../../agent/analytics/analytics-service.js";
import type { Analytics } from "../../agent/analytics/analytics-schema.js";
import { AppError } from "../../shared/errors.js";
import { requireStaff } from "../auth-middleware.js";
import { parseOrThrow } from "../validate.js";

const CsvQuery = AnalyticsQuerySchema.extend({ series: AnalyticsSeriesSchema.default("by-day") });

/** Builds the staff analytics router (every route requires a staff token). */
export function createAnalyticsRoutes(deps: { analytics: AnalyticsService }): Router {
  const router = Router();
  router.use("/v1/staff/analytics", requireStaff);
  router.use("/v1/staff/analytics.csv", requireStaff);

  const report = async (query: AnalyticsQuery): Promise<Analytics> => {
    const r = await deps.analytics.report(query);
    if (!r.ok)
      throw new AppError("validation_failed", "The date range is not valid.", {
        details: [{ path: "query", message: r.error }],
      });
    return r.value;
  };

  router.get("/v1/staff/analytics", async (req, res) => {
    res.json(await report(parseOrThrow(AnalyticsQuerySchema, req.query, "query")));
  });

  router.get("/v1/staff/analytics.csv", async (req, res) => {
    const { series, ...query } = parseOrThrow(CsvQuery, req.query, "query");
    const a = await report(query);
    res
      .type("text/csv; charset=utf-8")
      .setHeader("Content-Disposition", `attachment; filename="analytics-${series}-${a.range.from}-${a.range.to}.csv"`)
      .setHeader("Cache-Control", "no-store")
      .send(renderAnalyticsCsv(a, series));
  });
  return router;
}
