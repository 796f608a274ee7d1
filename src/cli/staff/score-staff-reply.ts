// Scores one staff answer: was the right tool called, with the arguments the question fixes, does the reply state
// the question's facts and the key figures of the right tool's own result, and is it in one language. The key
// figures are read from the expected tool run directly with the expected arguments, so a reply is right only when
// it says what the bank's data says.
import { readToolResult } from "../../agent/tools/tool-results.js";
import { isToolName } from "../../agent/tools/tool-names.js";
import { normaliseForFacts, statesFact } from "../answers/score-reply.js";
import type { StaffQuestion } from "./load-staff-questions.js";

/** The outcome of one staff question. */
export interface StaffScore {
  toolRight: boolean;
  paramsRight: boolean;
  factsRight: boolean;
  pure: boolean;
  missedFacts: string[];
}

/** What the assistant did. */
export interface ObservedStaffAnswer {
  tool: string | undefined;
  args: Record<string, unknown>;
  text: string;
}

const pct = (p: number): string[] => [`${Math.round(p * 100)}%`, `${(p * 100).toFixed(1)}%`];
const first = <T>(xs: readonly T[], n: number): T[] => xs.slice(0, n);

/** The figures a right answer must state, each with its acceptable spellings, from the expected tool's result. */
export function keyFacts(tool: string, json: unknown): string[][] {
  if (!isToolName(tool)) return [];
  switch (tool) {
    case "lookup_customer": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? first(r.customers, 3).map((c) => [c.id]) : [];
    }
    case "get_customer_overview": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? [[r.customer.id], ...r.cards.map((c) => [c.last4])] : [];
    }
    case "list_customer_transactions": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? first(r.transactions, 3).map((t) => [t.id]) : [];
    }
    case "check_transaction_risk": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? [[r.transaction.id], pct(r.risk.probability)] : [];
    }
    case "explain_credit_decision": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? [[r.grade], [String(r.points)]] : [];
    }
    case "list_customer_conversations": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? [[String(r.conversations.length)]] : [];
    }
    case "get_handoff_queue": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? [[String(r.waiting)], [String(r.withAgent)]] : [];
    }
    case "get_fraud_review_stats": {
      const r = readToolResult(tool, json);
      return r?.status === "ok"
        ? [[String(r.flagged)], [String(r.confirmedFraud)], [String(r.falsePositives)], [String(r.unreviewed)]]
        : [];
    }
    case "list_flagged_transactions": {
      const r = readToolResult(tool, json);
      return r?.status === "ok" ? first(r.transactions, 3).map((t) => [t.id]) : [];
    }
    default:
      return [];
  }
}

// Values that are the bank's data, not the reply's language: names, merchants, regions, what customers wrote.
const DATA_KEYS = new Set(["name", "customerName", "merchant", "merchantName", "region", "brand", "summary"]);
const DATA_KEYS_TEXT = new Set(["lastCustomerMessage", "query", "question", "title", "staffId", "actedBy"]);

/** Every string of the expected result that is data (a name, a merchant), so purity does not count it. */
export function dataStrings(json: unknown, out: string[] = []): string[] {
  if (Array.isArray(json)) for (const x of json) dataStrings(x, out);
  else if (json && typeof json === "object") {
    for (const [k, v] of Object.entries(json)) {
      if (typeof v === "string" && (DATA_KEYS.has(k) || DATA_KEYS_TEXT.has(k))) out.push(v);
      else dataStrings(v, out);
    }
  }
  return out;
}

// Ids, currency codes and short upper-case abbreviations (APR, SWIFT, IBAN) are the same in both languages.
const NEUTRAL =
  /\b(?:Harbor|app|demo\d{1,6}|c\d{6}|tx-\d{4,12}|card-[\w-]{1,40}|dsp-[\w-]{1,40}|tkt-[\w-]{1,40}|[A-Z]{2,6})\b/g;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;
// A Chinese reply may name an English term in brackets after the Chinese one (快速支付（Faster Payments）).
const BRACKETED = /[（(][^（）()]{0,60}[）)]/g;

/** True when the reply is wholly in the question's language, data values aside. */
export function isPure(text: string, locale: "en" | "zh-CN", data: readonly string[]): boolean {
  let rest = text;
  for (const value of [...data].sort((a, b) => b.length - a.length)) if (value) rest = rest.split(value).join(" ");
  rest = rest.replace(/\[\d{1,3}\]/g, " ").replace(/https?:\/\/\S{1,200}/g, " ");
  if (locale === "en") return !HAN.test(rest);
  return !LATIN_WORD.test(rest.replace(BRACKETED, " ").replace(NEUTRAL, " "));
}

// An id ("tx-00005926", "c000012") is matched as a word, so the date written after it is not read as more digits.
const isId = (fact: string): boolean => /[a-z]/i.test(fact) && /\d/.test(fact) && !/\s/.test(fact);
function statesId(lowerText: string, id: string): boolean {
  const needle = id.toLowerCase();
  for (let at = lowerText.indexOf(needle); at >= 0; at = lowerText.indexOf(needle, at + 1)) {
    const before = lowerText.charAt(at - 1);
    const after = lowerText.charAt(at + needle.length);
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
  }
  return false;
}

function paramMatches(name: string, expected: string | number, actual: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  if (typeof expected === "number") return Number(actual) === expected;
  const want = expected.trim().toLowerCase();
  const got = String(actual).trim().toLowerCase();
  // A name search is right when it searches for the name, give or take a word around it.
  if (name === "query") return got.length > 0 && (got.includes(want) || want.includes(got));
  return got === want;
}

/** Scores one answer against its question and the expected tool's result. */
export function scoreStaffAnswer(
  q: StaffQuestion,
  observed: ObservedStaffAnswer,
  expectedResult: unknown,
  /** Names and merchants of the customer and transaction the question is about: data, not language. */
  knownData: readonly string[] = [],
): StaffScore {
  const toolRight = observed.tool === q.tool;
  const paramsRight = toolRight && Object.entries(q.params).every(([k, v]) => paramMatches(k, v, observed.args[k]));
  // "£2,500.00" states the amount 2500: whole pounds written with pence are the same figure.
  const text = normaliseForFacts(observed.text).replace(/(\d)\.00(?!\d)/g, "$1");
  const facts = [...q.facts, ...keyFacts(q.tool, expectedResult)];
  const lower = observed.text.toLowerCase();
  const missed = facts.filter((alts) => !alts.some((a) => (isId(a) ? statesId(lower, a) : statesFact(text, a))));
  return {
    toolRight,
    paramsRight,
    factsRight: missed.length === 0,
    pure: isPure(observed.text, q.locale, [...dataStrings(expectedResult), ...knownData]),
    missedFacts: missed.map((alts) => alts[0] ?? ""),
  };
}
