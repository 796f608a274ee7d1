// Customer feedback as staff see it on a conversation: each rated turn's thumbs and comment on its trace card, and
// the conversation's CSAT score above the traces. Comments arrive PII-redacted from the server.
import { h } from "../widget/create-element.js";
import { pill } from "./console-format.js";

/** One piece of feedback as GET /v1/staff/conversations/:id returns it. */
export interface ConsoleFeedback {
  id: string;
  traceId?: string;
  kind: "rating" | "csat";
  rating?: "up" | "down";
  csat?: number;
  comment?: string;
  locale: string;
  createdAt: string;
}

const CSAT_WORDS = ["", "very poor", "poor", "OK", "good", "very good"];

/** A key that changes whenever the feedback does, so the view re-renders only then. */
export function feedbackSignature(feedback: readonly ConsoleFeedback[] | undefined): string {
  return (feedback ?? []).map((f) => `${f.id}`).join(",");
}

/** Adds a turn's thumbs (as a pill in the summary) and comment (atop the body) to its trace card. */
export function decorateTrace(
  card: HTMLElement,
  traceId: string,
  feedback: readonly ConsoleFeedback[] = [],
): HTMLElement {
  const rating = feedback.find((f) => f.kind === "rating" && f.traceId === traceId);
  if (!rating?.rating) return card;
  const up = rating.rating === "up";
  const badge = pill(up ? "Thumbs up: helped" : "Thumbs down: did not help", up ? "ok" : "bad");
  badge.classList.add("fb-pill");
  card.querySelector("summary")?.append(badge);
  if (rating.comment)
    card
      .querySelector(".trace-body")
      ?.prepend(h("p", { className: "fb-comment" }, h("strong", { text: "Customer comment: " }), rating.comment));
  return card;
}

/** The conversation's CSAT line, or a muted note when the customer gave none. */
export function renderCsat(feedback: readonly ConsoleFeedback[] = []): HTMLElement {
  const csat = feedback.find((f) => f.kind === "csat" && f.csat !== undefined);
  const ratings = feedback.filter((f) => f.kind === "rating");
  const up = ratings.filter((f) => f.rating === "up").length;
  const counts = ratings.length ? ` · replies rated: ${up} up, ${ratings.length - up} down` : "";
  if (!csat?.csat) return h("p", { className: "muted csat-line", text: `No CSAT given${counts}` });
  const score = csat.csat;
  return h(
    "div",
    { className: "csat-line" },
    h("strong", { text: "CSAT " }),
    pill(`${score}/5 ${CSAT_WORDS[score] ?? ""}`.trim(), score >= 4 ? "ok" : score === 3 ? "warn" : "bad"),
    counts,
    csat.comment
      ? h("p", { className: "fb-comment" }, h("strong", { text: "Customer comment: " }), csat.comment)
      : null,
  );
}
