import { describe, expect, it } from "vitest";
import type { FeedbackEntry } from "../../conversations/feedback-store.js";
import type { KnowledgeTask } from "../../conversations/insight-store.js";
import type { GuardrailEvent, TurnTrace } from "../../conversations/turn-trace.js";
import type { KnowledgeDocument } from "../../knowledge/knowledge-schemas.js";
import type { Locale } from "../../shared/locale.js";
import { renderAnalyticsCsv } from "./analytics-csv.js";
import { resolveAnalyticsRange } from "./analytics-range.js";
import { createAnalyticsService, type AnalyticsDeps } from "./analytics-service.js";

function trace(p: {
  id: string;
  session: string;
  at: string;
  locale: Locale;
  intent: string;
  confidence: number;
  ms: number;
  guardrails?: GuardrailEvent[];
  handoff?: string;
  outOfScope?: boolean;
  cites?: string[];
}): TurnTrace {
  return {
    traceId: p.id,
    sessionId: p.session,
    turn: 1,
    startedAt: p.at,
    identity: "customer",
    locale: p.locale,
    kind: "message",
    message: "…",
    intent: {
      name: p.intent,
      route: "answer",
      confidence: p.confidence,
      top: [],
      outOfScope: p.outOfScope ?? false,
      lowConfidence: p.confidence < 0.5,
    },
    slots: {},
    retrieved: [],
    toolCalls: [],
    guardrails: p.guardrails ?? [],
    provider: "local",
    model: "local",
    modelCalls: [],
    reply: "…",
    citations: (p.cites ?? []).map((docId) => ({ docId, title: docId, version: "1" })),
    ...(p.handoff ? { handoffTicketId: p.handoff } : {}),
    latencyMs: { route: 1, agent: 1, total: p.ms },
  };
}

const TRACES: TurnTrace[] = [
  trace({
    id: "a1",
    session: "s1",
    at: "2026-11-02T09:05:00Z",
    locale: "en",
    intent: "freeze_card",
    confidence: 0.95,
    ms: 100,
  }),
  trace({
    id: "a2",
    session: "s1",
    at: "2026-11-02T09:06:00Z",
    locale: "en",
    intent: "human_agent",
    confidence: 0.9,
    ms: 300,
    handoff: "t1",
    guardrails: [{ type: "output_rail", detail: "the reply no longer answered: the local responder answered instead" }],
  }),
  trace({
    id: "b1",
    session: "s2",
    at: "2026-11-02T14:00:00Z",
    locale: "zh-CN",
    intent: "card_fees",
    confidence: 0.42,
    ms: 200,
    cites: ["card-fees-zh"],
    guardrails: [
      { type: "output_rail", detail: "grounding+claim: unsupported figure | blocked: …" },
      { type: "pii_redacted", detail: "phone" },
    ],
  }),
  trace({
    id: "c1",
    session: "s3",
    at: "2026-11-03T09:30:00Z",
    locale: "en",
    intent: "out_of_scope",
    confidence: 0.3,
    ms: 400,
    outOfScope: true,
    cites: ["card-fees", "card-fees"],
  }),
];

const fb = (kind: "rating" | "csat", locale: Locale, createdAt: string, v: "up" | "down" | number): FeedbackEntry => ({
  id: `${kind}-${createdAt}`,
  sessionId: "s1",
  kind,
  locale,
  createdAt,
  ...(typeof v === "number" ? { csat: v } : { rating: v }),
});
const FEEDBACK: FeedbackEntry[] = [
  fb("rating", "en", "2026-11-02T09:07:00Z", "up"),
  fb("rating", "zh-CN", "2026-11-02T14:01:00Z", "down"),
  fb("csat", "en", "2026-11-02T09:08:00Z", 4),
  fb("csat", "en", "2026-11-03T09:31:00Z", 2),
];

const doc = (
  id: string,
  locale: Locale,
  meta: Partial<KnowledgeDocument["meta"]>,
  body = "Fee 2.5%.",
): KnowledgeDocument => ({
  meta: { id, title: `Title ${id}`, locale, product: "cards", version: "1", effective_from: "2026-01-01", ...meta },
  body,
  markdown: body,
  path: `${id}.md`,
  hash: id,
});
const DOCS: KnowledgeDocument[] = [
  doc("card-fees", "en", { review_by: "2026-10-01" }),
  doc("card-fees-zh", "zh-CN", { counterpart: "card-fees", review_by: "2026-10-01" }, "费用 3.5%。"),
  doc("travel-notice", "en", { expires: "2026-11-20" }),
  doc("old-offer", "en", { expires: "2026-06-01" }),
];

const TASKS: KnowledgeTask[] = [
  {
    id: "k1",
    title: "Document overseas ATM limits",
    examples: [],
    status: "open",
    createdBy: "s",
    createdAt: "2026-11-01T00:00:00Z",
  },
];

function deps(over: Partial<AnalyticsDeps> = {}): AnalyticsDeps {
  return {
    traces: {
      listTracesBetween: (from, to, limit) =>
        TRACES.filter((t) => t.startedAt >= from && t.startedAt < to).slice(0, limit),
    },
    feedback: {
      list: ({ from = "", to = "9", limit }) =>
        FEEDBACK.filter((f) => f.createdAt >= from && f.createdAt < to).slice(0, limit),
    },
    insights: { listKnowledgeTasks: (status) => TASKS.filter((t) => status === undefined || t.status === status) },
    documents: async () => DOCS,
    fraud: { countFraudWindow: () => ({ transactions: 200, flagged: 10, fraud: 3, legitimate: 1, unlabelled: 6 }) },
    today: () => "2026-11-05",
    ...over,
  };
}

async function report(over: Partial<AnalyticsDeps> = {}) {
  const r = await createAnalyticsService(deps(over)).report({ from: "2026-11-01", to: "2026-11-05" });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe("analytics range", () => {
  it("defaults to the last 30 days ending today", () => {
    const r = resolveAnalyticsRange({}, "2026-11-30");
    expect(r.ok && [r.value.from, r.value.to, r.value.days.length, r.value.toIso]).toEqual([
      "2026-11-01",
      "2026-11-30",
      30,
      "2026-12-01T00:00:00.000Z",
    ]);
  });

  it("refuses a window that ends before it starts or covers more than 366 days", () => {
    expect(resolveAnalyticsRange({ from: "2026-11-02", to: "2026-11-01" }, "2026-11-30").ok).toBe(false);
    expect(resolveAnalyticsRange({ from: "2025-01-01", to: "2026-01-02" }, "2026-11-30").ok).toBe(false);
    expect(resolveAnalyticsRange({ from: "2025-01-01", to: "2026-01-01" }, "2026-11-30").ok).toBe(true);
  });
});

describe("conversation analytics", () => {
  it("counts volume, containment, handoffs, fallbacks, rails, feedback and latency per language", async () => {
    const a = await report();
    const [en, zh] = a.conversations.totals;
    expect(a.conversations.railKeys).toEqual(["output_rail:claim", "output_rail:grounding", "pii_redacted"]);
    expect(en).toEqual({
      bucket: "all",
      locale: "en",
      sessions: 2,
      turns: 3,
      handoffs: 1,
      containmentRate: 0.5,
      handoffRate: 0.5,
      fallbackRate: 1 / 3,
      rails: { "output_rail:claim": 0, "output_rail:grounding": 0, pii_redacted: 0 },
      thumbsUp: 1,
      thumbsDown: 0,
      csatResponses: 2,
      csatAverage: 3,
      latencyP50: 300,
      latencyP99: 400,
    });
    expect(zh).toMatchObject({
      locale: "zh-CN",
      sessions: 1,
      turns: 1,
      handoffs: 0,
      containmentRate: 1,
      fallbackRate: 0,
      rails: { "output_rail:claim": 1, "output_rail:grounding": 1, pii_redacted: 1 },
      thumbsDown: 1,
      csatAverage: null,
      latencyP50: 200,
    });
  });

  it("fills every day and every hour of the window, split by language", async () => {
    const a = await report();
    expect(a.conversations.byDay).toHaveLength(5 * 2);
    expect(a.conversations.byHour).toHaveLength(24 * 2);
    const day2en = a.conversations.byDay.find((p) => p.bucket === "2026-11-02" && p.locale === "en");
    expect(day2en).toMatchObject({
      sessions: 1,
      turns: 2,
      handoffs: 1,
      containmentRate: 0,
      fallbackRate: 0.5,
      csatAverage: 4,
    });
    const day1 = a.conversations.byDay.find((p) => p.bucket === "2026-11-01" && p.locale === "en");
    expect(day1).toMatchObject({ sessions: 0, turns: 0, containmentRate: null, latencyP50: null });
    const nine = a.conversations.byHour.find((p) => p.bucket === "09" && p.locale === "en");
    expect(nine).toMatchObject({ sessions: 2, turns: 3, handoffs: 1 });
  });

  it("reports the intent mix most frequent first", async () => {
    const a = await report();
    expect(a.conversations.intents).toEqual([
      { intent: "card_fees", locale: "zh-CN", turns: 1 },
      { intent: "freeze_card", locale: "en", turns: 1 },
      { intent: "human_agent", locale: "en", turns: 1 },
      { intent: "out_of_scope", locale: "en", turns: 1 },
    ]);
  });

  it("says when the window held more traces than one request reads", async () => {
    const a = await report({ maxTraces: 2 });
    expect(a.conversations.truncated).toBe(true);
    expect(a.conversations.totals.reduce((s, p) => s + p.turns, 0)).toBe(2);
  });
});

describe("knowledge health", () => {
  it("lists stale, expiring, mismatched, cited and never-cited documents and open gap tasks", async () => {
    const k = (await report()).knowledge;
    expect(k.pastReviewBy.map((d) => d.id)).toEqual(["card-fees", "card-fees-zh"]);
    expect(k.expiringSoon).toEqual([
      { id: "travel-notice", title: "Title travel-notice", locale: "en", day: "2026-11-20" },
    ]);
    expect(k.figureMismatches.map((m) => m.path)).toEqual(["card-fees-zh.md", "card-fees-zh.md"]);
    expect(k.mostCited).toEqual([
      { id: "card-fees", title: "Title card-fees", citations: 1 },
      { id: "card-fees-zh", title: "Title card-fees-zh", citations: 1 },
    ]);
    expect(k.neverCited.map((d) => d.id)).toEqual(["travel-notice"]);
    expect(k.openTasks).toEqual([
      { id: "k1", title: "Document overseas ATM limits", createdAt: "2026-11-01T00:00:00Z" },
    ]);
  });

  it("counts no feedback and no tasks when those stores are absent", async () => {
    const { feedback: _f, insights: _i, ...rest } = deps();
    const r = await createAnalyticsService(rest).report({ from: "2026-11-01", to: "2026-11-05" });
    expect(r.ok && r.value.knowledge.openTasks).toEqual([]);
    expect(r.ok && r.value.conversations.totals[0]?.thumbsUp).toBe(0);
  });
});

describe("model monitoring", () => {
  it("bins router confidence per language and reports out-of-scope, flag rate and precision", async () => {
    const m = (await report()).models;
    expect(m.router.histogram.map((b) => [b.en, b["zh-CN"]])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [2, 0],
    ]);
    expect(m.router.outOfScopeRate).toBe(0.25);
    expect(m.router.lowConfidenceRate).toBe(0.5);
    expect(m.fraud).toEqual({
      transactions: 200,
      flagged: 10,
      flagRate: 0.05,
      confirmedFraud: 3,
      confirmedLegitimate: 1,
      unlabelled: 6,
      precision: 0.75,
    });
    expect(m.credit).toBeNull();
  });
});

describe("analytics CSV", () => {
  it("quotes fields with commas and quotes and puts one row per day and language", async () => {
    const a = await report();
    const csv = renderAnalyticsCsv(a, "by-day");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 10);
    expect(lines[0]).toContain("bucket,locale,sessions,turns,handoffs");
    expect(lines[0]).toContain("rail:output_rail:grounding");
    const knowledge = renderAnalyticsCsv(
      { ...a, knowledge: { ...a.knowledge, openTasks: [{ id: "x", title: 'Limits, "ATM"', createdAt: "d" }] } },
      "knowledge",
    );
    expect(knowledge).toContain('open_task,x,"Limits, ""ATM""",d');
  });
});
