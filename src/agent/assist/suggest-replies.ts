// Two or three replies staff may edit and send: the answer to the customer's latest question, extracted from the
// knowledge base exactly as the offline responder does it; one built from a tool result in the traces (a card frozen,
// an action awaiting approval); and a holding reply. Each passes the output rails first, or is dropped.
import type { Locale } from "../../shared/locale.js";
import type { KnowledgePort } from "../agent-ports.js";
import { documentsForIntent } from "../intent-knowledge.js";
import { retrievePassages, type Passage } from "../passages.js";
import { extractAnswer, renderExtractedAnswer } from "../responder/extract-answer.js";
import type { RailSettings } from "../turn/answer-with-agent.js";
import type { AssistCitation, ReplyBasis, SuggestedReply } from "./assist-schema.js";
import { assistEvidence, checkWithRails } from "./assist-rails.js";
import { assistText } from "./assist-strings.js";
import { latestQuestion, type BotStep, type ConversationFacts } from "./conversation-facts.js";
import { intentTopic } from "./intent-topics.js";
import { stepDetails } from "./offline-summary.js";

/** What suggesting replies needs. */
export interface SuggestDeps {
  knowledge: KnowledgePort;
  rails: RailSettings;
}

const MAX_REPLIES = 3;
const PASSAGES = 4;

interface Candidate {
  text: string;
  basis: ReplyBasis;
  passages: readonly Passage[];
}

// The newest tool result worth telling the customer about, as a templated reply.
function toolResultReply(facts: ConversationFacts, locale: Locale): string | undefined {
  for (let i = facts.steps.length - 1; i >= 0; i--) {
    const step = facts.steps[i];
    if (!step) continue;
    const text = replyForStep(facts, step, locale);
    if (text) return text;
  }
  return undefined;
}

function replyForStep(facts: ConversationFacts, step: BotStep, locale: Locale): string | undefined {
  const d = stepDetails(step, locale);
  const awaiting = step.status === "awaiting_confirmation" && facts.pending?.action === step.tool;
  switch (step.tool) {
    case "freeze_card":
      if (step.status === "ok" && d.last4) return assistText(locale, "frozen", { last4: d.last4 });
      if (awaiting)
        return d.last4
          ? assistText(locale, "freezePending", { last4: d.last4 })
          : assistText(locale, "freezePendingNoCard");
      if (step.status === "rejected" && d.last4) return assistText(locale, "freezeRejected", { last4: d.last4 });
      return undefined;
    case "open_dispute":
      if (step.status === "ok") return assistText(locale, "disputeOpened");
      if (awaiting)
        return assistText(locale, "disputePending", {
          transaction: d.transactionId ?? assistText(locale, "thisPayment"),
        });
      return undefined;
    case "check_credit_eligibility":
    case "explain_credit_decision":
      return step.status === "ok" && d.loan
        ? assistText(locale, "creditEstimate", { amount: d.loan.amount, term: d.loan.term })
        : undefined;
    case "check_transaction_risk":
      return step.status === "ok" && d.transactionId
        ? assistText(locale, "riskChecked", { transaction: d.transactionId })
        : undefined;
    default:
      return undefined;
  }
}

async function knowledgeCandidate(deps: SuggestDeps, facts: ConversationFacts): Promise<Candidate | undefined> {
  const question = latestQuestion(facts);
  if (!question) return undefined;
  const passages = await retrievePassages(deps.knowledge, question.text, {
    locale: facts.locale,
    preferredDocs: documentsForIntent(question.intent),
    k: PASSAGES,
  });
  const answer = extractAnswer(question.text, passages, { locale: facts.locale });
  if (answer.parts.length === 0) return undefined;
  return { text: renderExtractedAnswer(answer, facts.locale), basis: "knowledge", passages };
}

function citationsOf(cited: readonly number[], passages: readonly Passage[]): AssistCitation[] {
  const out: AssistCitation[] = [];
  for (const n of [...cited].sort((a, b) => a - b)) {
    const p = passages.find((x) => x.n === n);
    if (p && !out.some((c) => c.docId === p.docId)) out.push({ docId: p.docId, title: p.title, version: p.version });
  }
  return out;
}

/** Suggests two or three checked replies, best first, in the conversation's language. */
export async function suggestReplies(deps: SuggestDeps, facts: ConversationFacts): Promise<SuggestedReply[]> {
  const { locale } = facts;
  const question = latestQuestion(facts);
  const knowledge = await knowledgeCandidate(deps, facts);
  const toolText = toolResultReply(facts, locale);
  const tool: Candidate | undefined = toolText ? { text: toolText, basis: "tool_result", passages: [] } : undefined;
  const holding: Candidate = { text: assistText(locale, "holding"), basis: "holding", passages: [] };
  const topic = intentTopic(question?.intent ?? "", locale);
  const clarify: Candidate = { text: assistText(locale, "clarify", { topic }), basis: "clarify", passages: [] };
  // An action waiting for approval is what the customer is waiting on, so its reply leads.
  const ordered = facts.pending ? [tool, knowledge, holding, clarify] : [knowledge, tool, holding, clarify];
  const replies: SuggestedReply[] = [];
  for (const c of ordered) {
    if (!c || replies.length >= MAX_REPLIES) continue;
    if (c.basis === "clarify" && replies.length >= 2) continue;
    const checked = checkWithRails(c.text, assistEvidence(facts, deps.rails, { passages: c.passages }));
    if (!checked || replies.some((r) => r.text === checked.text)) continue;
    replies.push({ text: checked.text, citations: citationsOf(checked.cited, c.passages), basis: c.basis });
  }
  return replies;
}
