// Every detector and extractor that reads customer text (a message, a knowledge query, tool data), each as a
// one-argument call, so the linear-time test and the timing probe time exactly the same list.
import { isAdviceRequest, findPolicyViolations } from "../../src/agent/guardrails/scope-policy.js";
import { checkGrounding, extractFacts } from "../../src/agent/guardrails/grounding-check.js";
import { sanitisePassage, screenForInjection } from "../../src/agent/guardrails/injection-screen.js";
import { detectPii } from "../../src/agent/guardrails/pii-detect.js";
import { redactPii } from "../../src/shared/pii-vault.js";
import { spokenDecision, stripInjection } from "../../src/agent/message-heuristics.js";
import { answerTokens, extractAnswer, splitSentences } from "../../src/agent/responder/extract-answer.js";
import { planTurn, type ToolOutcome } from "../../src/agent/responder/plan-turn.js";
import type { TurnPlan as RoutingNote } from "../../src/agent/turn-plan.js";
import { extractFeatures } from "../../src/knowledge/text-features.js";
import type { IntentRouter } from "../../src/router/intent-router.js";
import { parseChineseNumber } from "../../src/router/slots/chinese-numerals.js";
import { extractAmounts } from "../../src/router/slots/extract-amounts.js";
import { extractDates } from "../../src/router/slots/extract-dates.js";
import {
  extractCardLastFour,
  extractMerchants,
  extractTransactionRefs,
} from "../../src/router/slots/extract-references.js";
import { extractSlots } from "../../src/router/slots/extract-slots.js";
import { extractNameQuery } from "../../src/router/slots/extract-name-query.js";
import { extractPeriodDays } from "../../src/router/slots/extract-period.js";
import { extractStaffSlots } from "../../src/router/staff/staff-slots.js";
import { toStaffCall } from "../../src/agent/staff/staff-call.js";
import { DEFAULT_FEATURE_CONFIG, extractFeatureTerms } from "../../src/router/text-features.js";
import { markdownToHtml } from "../../src/server/markdown-page.js";
import { detectLocale } from "../../src/shared/locale.js";
import { contentTerms, contentWords, expandSynonyms, foldSynonyms, hanRuns } from "../../src/shared/text/index.js";

/** A named call of one detector on one text. */
export interface TextDetector {
  name: string;
  run(text: string): unknown;
}

const REFERENCE_DAY = new Date("2026-03-18T10:00:00Z");

function note(intent: string, role: RoutingNote["role"], allowedTools: string[]): RoutingNote {
  return {
    intent,
    route: "knowledge",
    locale: "en",
    role,
    confidence: 0.9,
    slots: {
      amounts: [{ value: 5000, currency: "GBP" }],
      termsMonths: [],
      dates: [],
      cardLastFour: [],
      merchants: [],
      transactionRefs: [],
    },
    allowedTools,
    passages: [],
    today: "2026-03-18",
  };
}

const NO_RESULTS: ToolOutcome[] = [];
const CARDS_LISTED: ToolOutcome[] = [
  { name: "list_cards", data: { status: "ok", cards: [{ last4: "4821", brand: "Visa Debit", status: "active" }] } },
];

/** The detectors, with a router (trained on any catalogue) for the routing and featurisation path. */
export function textDetectors(router: IntentRouter): TextDetector[] {
  return [
    { name: "extractAmounts", run: (t) => extractAmounts(t) },
    { name: "extractDates", run: (t) => extractDates(t, REFERENCE_DAY) },
    { name: "extractCardLastFour", run: (t) => extractCardLastFour(t) },
    { name: "extractTransactionRefs", run: (t) => extractTransactionRefs(t) },
    { name: "extractMerchants", run: (t) => extractMerchants(t) },
    { name: "extractSlots", run: (t) => extractSlots(t, REFERENCE_DAY) },
    { name: "parseChineseNumber", run: (t) => parseChineseNumber(t) },
    { name: "router featurisation", run: (t) => extractFeatureTerms(t, DEFAULT_FEATURE_CONFIG) },
    { name: "router.route", run: (t) => router.route(t) },
    { name: "detectLocale", run: (t) => detectLocale(t) },
    { name: "screenForInjection", run: (t) => screenForInjection(t) },
    { name: "sanitisePassage", run: (t) => sanitisePassage(t) },
    { name: "isAdviceRequest", run: (t) => isAdviceRequest(t) },
    { name: "findPolicyViolations", run: (t) => findPolicyViolations(t) },
    { name: "extractFacts", run: (t) => extractFacts(t) },
    { name: "checkGrounding", run: (t) => checkGrounding(t, [t]) },
    { name: "stripInjection", run: (t) => stripInjection(t, ["ignore previous instructions"]) },
    { name: "spokenDecision", run: (t) => spokenDecision(t) },
    { name: "expandSynonyms en", run: (t) => expandSynonyms(t, "en") },
    { name: "expandSynonyms zh", run: (t) => expandSynonyms(t, "zh") },
    { name: "foldSynonyms", run: (t) => foldSynonyms(t) },
    { name: "contentWords", run: (t) => contentWords(t) },
    { name: "knowledge extractFeatures", run: (t) => extractFeatures(t) },
    { name: "contentTerms", run: (t) => contentTerms(t) },
    { name: "hanRuns", run: (t) => hanRuns(t) },
    { name: "answerTokens", run: (t) => answerTokens(t) },
    { name: "splitSentences", run: (t) => splitSentences(t) },
    {
      name: "extractAnswer",
      run: (t) => extractAnswer(t, [{ n: 1, docId: "d", title: t.slice(0, 80), section: t.slice(0, 80), text: t }]),
    },
    {
      name: "planTurn freeze",
      run: (t) => planTurn(note("card_freeze_unfreeze", "customer", ["freeze_card", "list_cards"]), t, CARDS_LISTED),
    },
    {
      name: "planTurn eligibility",
      run: (t) => planTurn(note("loan_eligibility", "customer", ["check_credit_eligibility"]), t, NO_RESULTS),
    },
    {
      name: "planTurn transactions",
      run: (t) => planTurn(note("recent_transactions", "customer", ["get_recent_transactions"]), t, NO_RESULTS),
    },
    {
      name: "planTurn dispute",
      run: (t) => planTurn(note("dispute_transaction", "customer", ["open_dispute"]), t, NO_RESULTS),
    },
    { name: "planTurn staff", run: (t) => planTurn(note("staff_query", "staff", []), t, NO_RESULTS) },
    { name: "extractStaffSlots", run: (t) => extractStaffSlots(t) },
    { name: "extractNameQuery", run: (t) => extractNameQuery(t) },
    { name: "extractPeriodDays", run: (t) => extractPeriodDays(t) },
    {
      name: "toStaffCall draft",
      run: (t) =>
        toStaffCall(
          {
            intent: "draft_reply",
            tool: "draft_customer_reply",
            confidence: 1,
            top: [],
            lowConfidence: false,
            slots: extractStaffSlots(t),
          },
          t,
        ),
    },
    { name: "markdownToHtml", run: (t) => markdownToHtml(t) },
    { name: "detectPii", run: (t) => detectPii(t) },
    { name: "redactPii", run: (t) => redactPii(t) },
  ];
}
