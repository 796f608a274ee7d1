// Knowledge health for the dashboard: documents past review or soon expiring, English/Chinese counterparts whose
// facts differ (the knowledge linter's check), which documents answers cite most or never, and open gap tasks.
import type { KnowledgeTask } from "../../conversations/insight-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import { lintCounterparts } from "../../knowledge/lint-counterparts.js";
import type { KnowledgeDocument } from "../../knowledge/knowledge-schemas.js";
import type { KnowledgeHealth } from "./analytics-schema.js";

/** How far ahead an expiry counts as soon, in days. */
export const EXPIRY_HORIZON_DAYS = 30;
const MOST_CITED = 10;

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Builds the knowledge-health panel from the documents, the window's traces, the open tasks and today. */
export function buildKnowledgeHealth(input: {
  documents: readonly KnowledgeDocument[];
  traces: readonly Pick<TurnTrace, "citations">[];
  openTasks: readonly KnowledgeTask[];
  today: string;
}): KnowledgeHealth {
  const { documents, today } = input;
  const horizon = addDays(today, EXPIRY_HORIZON_DAYS);
  const ref = (d: KnowledgeDocument, day?: string) => ({
    id: d.meta.id,
    title: d.meta.title,
    locale: d.meta.locale,
    ...(day ? { day } : {}),
  });
  const byId = new Map(documents.map((d) => [d.meta.id, d]));
  const cited = new Map<string, number>();
  for (const t of input.traces)
    for (const id of new Set(t.citations.map((c) => c.docId))) cited.set(id, (cited.get(id) ?? 0) + 1);
  const expired = (d: KnowledgeDocument): boolean => d.meta.expires !== undefined && d.meta.expires < today;
  return {
    documents: documents.length,
    pastReviewBy: documents
      .filter((d) => d.meta.review_by !== undefined && d.meta.review_by < today)
      .map((d) => ref(d, d.meta.review_by))
      .sort((a, b) => (a.day ?? "").localeCompare(b.day ?? "") || a.id.localeCompare(b.id)),
    expiringSoon: documents
      .filter((d) => d.meta.expires !== undefined && d.meta.expires >= today && d.meta.expires <= horizon)
      .map((d) => ref(d, d.meta.expires))
      .sort((a, b) => (a.day ?? "").localeCompare(b.day ?? "") || a.id.localeCompare(b.id)),
    // Only pairs whose facts (figures, dates, contacts) differ; missing translations are the linter's own report.
    figureMismatches: lintCounterparts(documents).problems.filter((p) => /\bfacts\b/.test(p.problem)),
    mostCited: [...cited.entries()]
      .map(([id, citations]) => ({ id, title: byId.get(id)?.meta.title ?? id, citations }))
      .sort((a, b) => b.citations - a.citations || a.id.localeCompare(b.id))
      .slice(0, MOST_CITED),
    neverCited: documents
      .filter((d) => !cited.has(d.meta.id) && !expired(d))
      .map((d) => ref(d))
      .sort((a, b) => a.id.localeCompare(b.id)),
    openTasks: input.openTasks
      .filter((t) => t.status === "open")
      .map((t) => ({ id: t.id, title: t.title, createdAt: t.createdAt })),
  };
}
