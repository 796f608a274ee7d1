// CSV export of any analytics series, quoted by RFC 4180 (fields with commas, quotes or line breaks are quoted and
// quotes doubled), so a spreadsheet opens it unchanged.
import { z } from "zod";
import type { Analytics, ConversationPoint } from "./analytics-schema.js";

/** The series a CSV export can name. */
export const AnalyticsSeriesSchema = z
  .enum(["by-day", "by-hour", "totals", "intents", "router-confidence", "knowledge", "credit-stability"])
  .describe("Which series to export.");
/** A series a CSV export can name. */
export type AnalyticsSeries = z.infer<typeof AnalyticsSeriesSchema>;

type Cell = string | number | null | undefined;

/** Quotes one CSV field when it needs it. */
export function csvField(value: Cell): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const toCsv = (header: readonly string[], rows: readonly Cell[][]): string =>
  [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";

function pointsCsv(points: readonly ConversationPoint[], railKeys: readonly string[]): string {
  const fixed = [
    "bucket",
    "locale",
    "sessions",
    "turns",
    "handoffs",
    "containment_rate",
    "handoff_rate",
    "fallback_rate",
    "thumbs_up",
    "thumbs_down",
    "csat_responses",
    "csat_average",
    "latency_p50_ms",
    "latency_p99_ms",
  ];
  return toCsv(
    [...fixed, ...railKeys.map((k) => `rail:${k}`)],
    points.map((p) => [
      p.bucket,
      p.locale,
      p.sessions,
      p.turns,
      p.handoffs,
      p.containmentRate,
      p.handoffRate,
      p.fallbackRate,
      p.thumbsUp,
      p.thumbsDown,
      p.csatResponses,
      p.csatAverage,
      p.latencyP50,
      p.latencyP99,
      ...railKeys.map((k) => p.rails[k] ?? 0),
    ]),
  );
}

/** Renders one series of the analytics response as CSV text. */
export function renderAnalyticsCsv(a: Analytics, series: AnalyticsSeries): string {
  const c = a.conversations;
  switch (series) {
    case "by-day":
      return pointsCsv(c.byDay, c.railKeys);
    case "by-hour":
      return pointsCsv(c.byHour, c.railKeys);
    case "totals":
      return pointsCsv(c.totals, c.railKeys);
    case "intents":
      return toCsv(
        ["intent", "locale", "turns"],
        c.intents.map((i) => [i.intent, i.locale, i.turns]),
      );
    case "router-confidence":
      return toCsv(
        ["confidence_from", "confidence_to", "en", "zh-CN"],
        a.models.router.histogram.map((b) => [b.from, b.to, b.en, b["zh-CN"]]),
      );
    case "knowledge": {
      const k = a.knowledge;
      return toCsv(
        ["finding", "id", "title", "detail"],
        [
          ...k.pastReviewBy.map((d) => ["past_review_by", d.id, d.title, d.day]),
          ...k.expiringSoon.map((d) => ["expiring_soon", d.id, d.title, d.day]),
          ...k.figureMismatches.map((m) => ["counterpart_mismatch", m.path, "", m.problem]),
          ...k.mostCited.map((d) => ["cited", d.id, d.title, d.citations]),
          ...k.neverCited.map((d) => ["never_cited", d.id, d.title, ""]),
          ...k.openTasks.map((t) => ["open_task", t.id, t.title, t.createdAt]),
        ],
      );
    }
    case "credit-stability": {
      const cr = a.models.credit;
      return toCsv(["name", "index", "band"], cr ? [cr.psi, ...cr.csi].map((e) => [e.name, e.index, e.band]) : []);
    }
  }
}
