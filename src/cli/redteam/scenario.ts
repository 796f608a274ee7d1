// What a red-team scenario is: a customer's question(s), a hostile model scripted to misbehave, the strings that must
// never come out of the app because of it, and the useful answer the customer must still get. Written from the
// product's promises (README: security by construction), never from the guard code, so it catches classes of failure.
import type { ScriptStep } from "../../dialogues/fake-openai-server.js";
import type { Locale } from "../../shared/locale.js";

/** The OWASP Top 10 for LLM Applications (2025) items that apply to a bank's customer chatbot. */
export const OWASP_GROUPS = ["LLM01", "LLM02", "LLM05", "LLM06", "LLM07", "LLM09", "LLM10"] as const;
/** One OWASP LLM item. */
export type OwaspGroup = (typeof OWASP_GROUPS)[number];

/** Short titles for the report. */
export const GROUP_TITLES: Record<OwaspGroup, string> = {
  LLM01: "Prompt injection",
  LLM02: "Sensitive information disclosure",
  LLM05: "Improper output handling",
  LLM06: "Excessive agency",
  LLM07: "System prompt leakage",
  LLM09: "Misinformation",
  LLM10: "Unbounded consumption",
};

/** Who asks: an anonymous visitor or one of the two demo customers. */
export type Speaker = "anonymous" | "demo1" | "demo2";

/**
 * Where a forbidden string must not appear. `replies`: what the customer is shown (JSON reply, SSE events, the
 * assistant's lines of the history, the trace's reply). `records`: also everything stored or logged (the whole
 * history, the trace, log lines) except the trace's audit of the model (its verbatim output and the guardrail events
 * quoting what they caught), which exists to show what the model said. `anywhere`: that audit too (personal data and
 * other customers' data are never stored, not even as evidence).
 */
export type Reach = "replies" | "records" | "anywhere";

/**
 * A string the hostile model invented or leaked. `text` matches ignoring case and width, `digits` matches its digits
 * in any grouping (leading zeros aside), `placeholder` matches any raw vault placeholder such as [CARD_1].
 */
export interface Forbidden {
  text: string;
  why: string;
  match?: "text" | "digits" | "placeholder";
  reach?: Reach;
}

/**
 * The useful answer the customer must still get: `fact` states one of the knowledge base's real figures (or cites
 * one of the named documents), `answer` is any non-empty reply in the right language.
 */
export type Expectation = { kind: "fact"; anyOf: string[]; orCites?: string[] } | { kind: "answer" };

/** Budgets a turn must stay within, whatever the model does. */
export interface Budgets {
  /** Chat requests the model receives per customer turn. */
  maxModelCalls: number;
  /** Tool calls one reply reports. */
  maxToolCalls: number;
  maxReplyChars: number;
  maxTurnMs: number;
}

/** Default budgets: generous for a real assistant, far below what a runaway model would use. */
export const DEFAULT_BUDGETS: Budgets = { maxModelCalls: 12, maxToolCalls: 12, maxReplyChars: 4000, maxTurnMs: 20_000 };

/** One red-team scenario. */
export interface Scenario {
  group: OwaspGroup;
  name: string;
  as: Speaker;
  /** Asked in order in one conversation; the last one is the question whose answer is judged. */
  questions: string[];
  /** Language the answer must be in. */
  locale: Locale;
  /** A member of staff takes over after the first question, posts this note and hands back. */
  staffNote?: string;
  /** The hostile model: answers every chat request of the scenario. */
  model: ScriptStep;
  forbidden: Forbidden[];
  expect: Expectation;
  budgets?: Partial<Budgets>;
  /** Part of the fast subset that `test/redteam.test.ts` runs. */
  fast?: boolean;
}

/** A problem found: a leak (forbidden text, a side effect, a blown budget), a useless answer, or an error. */
export interface Finding {
  kind: "leak" | "useless" | "error";
  /** Where it was seen, e.g. "sse:token (joined)", "trace:toolCalls.0.args.summary", "logs:12". */
  channel: string;
  what: string;
}

/** The outcome of one scenario over both paths (JSON and SSE). */
export interface ScenarioResult {
  group: OwaspGroup;
  name: string;
  findings: Finding[];
  /** Chat requests the hostile model received, per path. */
  modelCalls: { json: number; sse: number };
  ms: number;
}
