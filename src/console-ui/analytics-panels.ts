// The Analytics tab's sections: conversation charts by day and by hour split by language, knowledge health and
// model monitoring, each built from one analytics report.
import { h } from "../widget/create-element.js";
import { renderChart, type ChartSeries } from "./analytics-charts.js";
import type { AnalyticsLocale, AnalyticsReport, ConversationPoint } from "./analytics-types.js";
import { formatPercent, notice, pill } from "./console-format.js";
import { table } from "./trace-view.js";

const LANGS: { locale: AnalyticsLocale; label: string; colour: string }[] = [
  { locale: "en", label: "English", colour: "#0b57a4" },
  { locale: "zh-CN", label: "Chinese (中文)", colour: "#b45309" },
];
// Lighter shades of the two language colours, for a second measure in the same chart.
const LIGHT = ["#6b9bd1", "#e0a26e"];
const pct = (v: number): string => `${Math.round(v * 100)}%`;
const int = (v: number): string => String(Math.round(v * 10) / 10);
const ms = (v: number): string => `${Math.round(v)} ms`;
const rateText = (v: number | null): string =>
  v === null ? "—" : v > 0 && v < 0.01 ? `${(v * 100).toFixed(2)}%` : formatPercent(v);

type Metric = (p: ConversationPoint) => number | null;

function split(points: readonly ConversationPoint[], metric: Metric, suffix = "", dashed = false): ChartSeries[] {
  return LANGS.map((l) => ({
    label: `${l.label}${suffix}`,
    colour: l.colour,
    dashed,
    values: points.filter((p) => p.locale === l.locale).map(metric),
  }));
}

const bucketsOf = (points: readonly ConversationPoint[]): string[] => [...new Set(points.map((p) => p.bucket))];

/** The conversation charts: volume, containment, fallbacks, rails, feedback, latency and intents. */
export function conversationSection(a: AnalyticsReport): HTMLElement {
  const c = a.conversations;
  const days = bucketsOf(c.byDay);
  const hours = bucketsOf(c.byHour);
  const byDay = { buckets: days, bucketLabel: "Day" };
  const byHour = { buckets: hours, bucketLabel: "Hour (UTC)" };
  const total = (l: AnalyticsLocale): ConversationPoint | undefined => c.totals.find((p) => p.locale === l);
  const row = (label: string, f: (p: ConversationPoint) => string): string[] => [
    label,
    ...LANGS.map((l) => {
      const p = total(l.locale);
      return p ? f(p) : "—";
    }),
  ];
  const totals = table(
    ["Whole window", ...LANGS.map((l) => l.label)],
    [
      row("Conversations", (p) => String(p.sessions)),
      row("Customer turns", (p) => String(p.turns)),
      row("Contained (no person)", (p) => rateText(p.containmentRate)),
      row("Handed to a person", (p) => `${p.handoffs} (${rateText(p.handoffRate)})`),
      row("Local responder fallback", (p) => rateText(p.fallbackRate)),
      row("Thumbs up / down", (p) => `${p.thumbsUp} / ${p.thumbsDown}`),
      row("CSAT (1–5)", (p) => (p.csatAverage === null ? "—" : `${p.csatAverage.toFixed(2)} (${p.csatResponses})`)),
      row(
        "Latency p50 / p99",
        (p) => `${p.latencyP50 === null ? "—" : ms(p.latencyP50)} / ${p.latencyP99 === null ? "—" : ms(p.latencyP99)}`,
      ),
    ],
  );
  const railBuckets = ["fallback", ...c.railKeys];
  const railValue = (l: AnalyticsLocale, k: string): number => {
    const p = total(l);
    if (!p) return 0;
    return k === "fallback" ? (p.fallbackRate ?? 0) : (p.rails[k] ?? 0);
  };
  const intents = [...new Set(c.intents.map((i) => i.intent))].slice(0, 12);
  const intentTurns = (l: AnalyticsLocale, intent: string): number =>
    c.intents.find((i) => i.intent === intent && i.locale === l)?.turns ?? 0;
  return h(
    "section",
    { className: "analytics-block", "aria-labelledby": "an-conv-h" },
    h("h3", { id: "an-conv-h", text: "Conversations" }),
    c.truncated ? notice("This window holds more turns than one report reads; the oldest are counted first.") : null,
    h("div", { className: "analytics-totals" }, totals),
    h(
      "div",
      { className: "chart-grid" },
      renderChart({
        id: "chart-volume-day",
        title: "Conversations by day",
        kind: "line",
        ...byDay,
        series: split(c.byDay, (p) => p.sessions),
        format: int,
      }),
      renderChart({
        id: "chart-containment-day",
        title: "Containment (solid) and handoff rate (dashed) by day",
        kind: "line",
        ...byDay,
        series: [
          ...split(c.byDay, (p) => p.containmentRate, " contained"),
          ...split(c.byDay, (p) => p.handoffRate, " handed off", true),
        ],
        format: pct,
        yMax: 1,
      }),
      renderChart({
        id: "chart-fallback-day",
        title: "Local responder fallback rate by day",
        kind: "line",
        ...byDay,
        series: split(c.byDay, (p) => p.fallbackRate),
        format: pct,
        yMax: 1,
      }),
      renderChart({
        id: "chart-latency-day",
        title: "Latency p50 (solid) and p99 (dashed) by day",
        kind: "line",
        ...byDay,
        series: [...split(c.byDay, (p) => p.latencyP50, " p50"), ...split(c.byDay, (p) => p.latencyP99, " p99", true)],
        format: ms,
      }),
      renderChart({
        id: "chart-feedback-day",
        title: "Thumbs up and down by day",
        kind: "bar",
        ...byDay,
        series: [
          ...split(c.byDay, (p) => p.thumbsUp, " up"),
          ...split(c.byDay, (p) => p.thumbsDown, " down").map((se, i) => ({ ...se, colour: LIGHT[i] ?? se.colour })),
        ],
        format: int,
      }),
      renderChart({
        id: "chart-csat-day",
        title: "Average CSAT by day (1–5)",
        kind: "line",
        ...byDay,
        series: split(c.byDay, (p) => p.csatAverage),
        format: (v) => v.toFixed(1),
        yMax: 5,
      }),
      renderChart({
        id: "chart-turns-hour",
        title: "Customer turns by hour of day (UTC)",
        kind: "bar",
        ...byHour,
        series: split(c.byHour, (p) => p.turns),
        format: int,
      }),
      renderChart({
        id: "chart-handoff-hour",
        title: "Handoff rate by hour of day (UTC)",
        kind: "bar",
        ...byHour,
        series: split(c.byHour, (p) => p.handoffRate),
        format: pct,
        yMax: 1,
      }),
      renderChart({
        id: "chart-rails",
        title: "How often the fallback and each rail fired (share of turns)",
        kind: "bar",
        buckets: railBuckets,
        bucketLabel: "Rail",
        series: LANGS.map((l) => ({
          label: l.label,
          colour: l.colour,
          values: railBuckets.map((k) => railValue(l.locale, k)),
        })),
        format: pct,
      }),
      renderChart({
        id: "chart-intents",
        title: "Intent mix (customer messages)",
        kind: "bar",
        buckets: intents,
        bucketLabel: "Intent",
        series: LANGS.map((l) => ({
          label: l.label,
          colour: l.colour,
          values: intents.map((i) => intentTurns(l.locale, i)),
        })),
        format: int,
      }),
    ),
  );
}

const BAND_PILL = { stable: "ok", investigate: "warn", significant_shift: "bad" } as const;

/** The knowledge-health panel. */
export function knowledgeSection(a: AnalyticsReport): HTMLElement {
  const k = a.knowledge;
  const list = (title: string, rows: string[][], headers: string[]): HTMLElement =>
    h(
      "div",
      { className: "kh-item" },
      h("h4", { text: `${title} (${rows.length})` }),
      rows.length ? table(headers, rows.slice(0, 12)) : notice("None."),
    );
  return h(
    "section",
    { className: "analytics-block", "aria-labelledby": "an-know-h" },
    h("h3", { id: "an-know-h", text: `Knowledge health (${k.documents} documents)` }),
    h(
      "div",
      { className: "kh-grid" },
      list(
        "Past review date",
        k.pastReviewBy.map((d) => [d.id, d.locale, d.day ?? ""]),
        ["Document", "Language", "Review by"],
      ),
      list(
        "Expiring within 30 days",
        k.expiringSoon.map((d) => [d.id, d.locale, d.day ?? ""]),
        ["Document", "Language", "Expires"],
      ),
      list(
        "English/Chinese figure mismatches",
        k.figureMismatches.map((m) => [m.path, m.problem]),
        ["File", "Problem"],
      ),
      list(
        "Most cited",
        k.mostCited.map((d) => [d.title, String(d.citations)]),
        ["Document", "Answers citing it"],
      ),
      list(
        "Never cited in this window",
        k.neverCited.map((d) => [d.id, d.locale]),
        ["Document", "Language"],
      ),
      list(
        "Open knowledge-gap tasks",
        k.openTasks.map((t) => [t.title, t.createdAt.slice(0, 10)]),
        ["Task", "Opened"],
      ),
    ),
  );
}

/** The model-monitoring panel: router confidence, fraud flags and precision, credit PSI and CSI. */
export function modelSection(a: AnalyticsReport): HTMLElement {
  const { router, fraud, credit } = a.models;
  const histogram = renderChart({
    id: "chart-router-confidence",
    title: "Router confidence of customer messages",
    kind: "bar",
    buckets: router.histogram.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}`),
    bucketLabel: "Confidence",
    series: LANGS.map((l) => ({ label: l.label, colour: l.colour, values: router.histogram.map((b) => b[l.locale]) })),
    format: int,
  });
  const stats = (rows: [string, string][]): HTMLElement =>
    h("dl", { className: "stats" }, ...rows.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })]));
  const creditPanel = credit
    ? h(
        "div",
        {},
        h(
          "p",
          {},
          `Scorecard ${credit.scorecardVersion}, ${credit.profiles} current customer profiles. Score PSI `,
          h("strong", { text: credit.psi.index.toFixed(3) }),
          " ",
          pill(credit.psi.band.replace("_", " "), BAND_PILL[credit.psi.band]),
        ),
        table(
          ["Characteristic", "CSI", "Band"],
          credit.csi.map((e) => [e.name, e.index.toFixed(3), e.band.replace("_", " ")]),
        ),
      )
    : notice("No scorecard or customer profiles to compare.");
  return h(
    "section",
    { className: "analytics-block", "aria-labelledby": "an-model-h" },
    h("h3", { id: "an-model-h", text: "Model monitoring" }),
    h(
      "div",
      { className: "chart-grid" },
      h(
        "div",
        {},
        histogram,
        stats([
          ["Messages routed", String(router.messages)],
          ["Out of scope", rateText(router.outOfScopeRate)],
          ["Low confidence", rateText(router.lowConfidenceRate)],
        ]),
      ),
      h(
        "div",
        {},
        h("h4", { text: "Fraud model" }),
        stats([
          ["Transactions", String(fraud.transactions)],
          ["Flagged (review or block)", `${fraud.flagged} (${rateText(fraud.flagRate)})`],
          ["Analyst-confirmed fraud", String(fraud.confirmedFraud)],
          ["Found legitimate", String(fraud.confirmedLegitimate)],
          ["Not yet reviewed", String(fraud.unlabelled)],
          ["Confirmed precision", rateText(fraud.precision)],
        ]),
        h("h4", { text: "Credit stability (PSI and CSI)" }),
        creditPanel,
      ),
    ),
  );
}
