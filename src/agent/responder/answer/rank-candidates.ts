// Turns retrieved passages into scored answer candidates for one question: only passages in the customer's language
// when there are any (no mixed-language replies), never a passage of a replaced document, and every candidate scored
// by the ranker. Training and answering both go through here, so the model learns exactly what it later sees.
import { capText, MAX_SCANNED_CHARS } from "../../../shared/linear-text.js";
import { answerFeatures, type CandidateView, type QuestionView } from "./answer-features.js";
import { scoreFeatures, type AnswerRanker } from "./answer-ranker.js";
import { answerTokens, detectAnswerTypes, statedAnswerTypes, type AnswerType } from "./answer-type.js";
import { passageCandidates, type CandidateKind } from "./passage-candidates.js";
import { asksForCredentials } from "../../rails/hygiene-rail.js";
import { extractAmounts } from "../../../router/slots/extract-amounts.js";

/** A passage as the search tool returns it. */
export interface AnswerPassage {
  n: number;
  docId: string;
  title: string;
  section: string;
  text: string;
  score?: number;
  /** Chosen for the routed intent: answers come from these when there are any. */
  preferred?: boolean;
  locale?: string;
}

/** A candidate with its passage and what the ranker needs to score it for any part of the question. */
export interface RankableCandidate {
  n: number;
  docId: string;
  text: string;
  kind: CandidateKind;
  view: CandidateView;
}

/** A candidate scored for one question (part). */
export interface ScoredCandidate extends RankableCandidate {
  features: number[];
  score: number;
}

// A document that says it has been replaced is kept for reference only; its figures are never stated.
const REPLACED_TITLE =
  /\b(?:replaced|superseded|withdrawn|no longer (?:in force|applies|available)|archived?)\b|已被取代|已替换|已废止|已停用|已失效|已停止/i;
// A sentence about how things used to be ("In 2025 it cost £20", "it was 35.9%", "此前为…") states a figure that no longer
// holds.
const HISTORIC =
  /\b(?:previously|used to|formerly|in 20\d\d,|under (?:our|the) 20\d\d|old (?:fee|rate|limit|price)s?)\b|\b(?:was|were)\s{1,3}(?:£|\d|charged|free)|此前|以前为|原为|曾经|之前为|旧的|20\d\d年(?:的|时|收费|标准)/i;
const MAX_PASSAGES = 8;
const ASKS_NUMBER =
  /\bhow (?:much|many|long|often|far)\b|\bwhat (?:is the|s the) (?:minimum|maximum|number)\b|多少|几|多久|多长/i;
const HAN_GLOBAL = /[\u3400-\u9fff]/g;
// "£5,000", "£1,000–£4,999", "£7,500 to £25,000": sums of money and the ranges they bound.
const MONEY =
  /[£$€]\s?(\d{1,3}(?:,\d{3}){0,3}|\d{1,9})(?:\.\d{1,2})?(?:\s?(?:[-–—]|to|至|到)\s?[£$€]?\s?(\d{1,3}(?:,\d{3}){0,3}|\d{1,9}))?/g;
const MAX_AMOUNTS = 12;

function moneyIn(text: string): { amounts: number[]; ranges: [number, number][] } {
  const amounts: number[] = [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(MONEY)) {
    if (amounts.length >= MAX_AMOUNTS) break;
    const lo = Number((m[1] ?? "").replace(/,/g, ""));
    amounts.push(lo);
    if (m[2] === undefined) continue;
    const hi = Number(m[2].replace(/,/g, ""));
    amounts.push(hi);
    if (hi > lo) ranges.push([lo, hi]);
  }
  return { amounts, ranges };
}

/** The passages an answer may come from: the customer's language first (others only if none), no replaced ones. */
export function answerablePassages(
  passages: readonly AnswerPassage[],
  locale?: string,
  maxPassages = MAX_PASSAGES,
): AnswerPassage[] {
  const current = passages.slice(0, maxPassages).filter((p) => !REPLACED_TITLE.test(p.title));
  const local = locale ? current.filter((p) => (p.locale ?? localeOf(p.text)) === locale) : [];
  const pool = local.length > 0 ? local : current;
  // When the routed intent's documents were found, a passage that retrieval ranked far below the best is more likely
  // to share the question's words than its topic ("pay all your bills on time" for "struggling to pay my bills").
  if (!pool.some((p) => p.preferred)) return pool;
  const best = Math.max(...pool.map((p) => p.score ?? 1));
  return pool.filter((p) => p.preferred || (p.score ?? 1) >= FAR_BELOW_BEST * best);
}

const FAR_BELOW_BEST = 0.7;

// Passages from callers that do not say their language are read by their script.
function localeOf(text: string): string {
  return /[\u3400-\u9fff]/.test(text) ? "zh-CN" : "en";
}

/** The readings of passages already seen (training reads the same chunks for many questions); keyed by chunk. */
export type PassageReadings = Map<string, PassageReading>;

// What a passage yields whatever the question and wherever it ranks.
interface PassageReading {
  headingTerms: Set<string>;
  titleTerms: Set<string>;
  headingAsks: AnswerType[];
  candidates: {
    text: string;
    kind: CandidateKind;
    order: number;
    terms: Set<string>;
    pairs: Set<string>;
    states: Set<AnswerType>;
    hasDigit: boolean;
    amounts: number[];
    ranges: [number, number][];
    historic: boolean;
    /** The output rails would hold it back as asking for a credential ("enter the code we text you"). */
    heldBack: boolean;
    chars: number;
  }[];
}

function readPassage(p: AnswerPassage): PassageReading {
  return {
    headingTerms: new Set(answerTokens(p.section)),
    titleTerms: new Set(answerTokens(p.title)),
    headingAsks: detectAnswerTypes(p.section),
    candidates: passageCandidates(p.text)
      .map((c) => {
        const tokens = answerTokens(capText(c.context ? `${c.text} ${c.context}` : c.text, MAX_SCANNED_CHARS));
        return { tokens, c };
      })
      .map(({ tokens, c }) => ({
        text: c.text,
        kind: c.kind,
        order: c.order,
        terms: new Set(tokens),
        pairs: termPairs(tokens),
        states: statedAnswerTypes(c.text),
        hasDigit: /\d/.test(c.text),
        ...moneyIn(c.text),
        historic: HISTORIC.test(c.text),
        heldBack: asksForCredentials(c.text) !== undefined,
        chars: c.text.length + (c.text.match(HAN_GLOBAL)?.length ?? 0),
      })),
  };
}

/** Every candidate of the passages, with the per-candidate parts of its features computed once. */
export function rankableCandidates(
  passages: readonly AnswerPassage[],
  readings?: PassageReadings,
): RankableCandidate[] {
  const best = Math.max(1e-9, ...passages.map((p) => p.score ?? 1));
  const out: RankableCandidate[] = [];
  passages.forEach((p, rank) => {
    const key = `${p.title}\n${p.section}\n${p.text}`;
    const reading = readings?.get(key) ?? readPassage(p);
    readings?.set(key, reading);
    const passage = {
      rank,
      scoreShare: Math.max(0, Math.min(1, (p.score ?? 1) / best)),
      preferred: p.preferred === true,
      locale: p.locale ?? localeOf(p.text),
    };
    for (const c of reading.candidates) {
      // A superseded figure is never stated, so a sentence about how things used to be is no candidate at all.
      // A sentence the output rails would hold back only costs the reply its place.
      if (c.historic || c.heldBack) continue;
      out.push({
        n: p.n,
        docId: p.docId,
        text: c.text,
        kind: c.kind,
        view: {
          terms: c.terms,
          pairs: c.pairs,
          headingTerms: reading.headingTerms,
          titleTerms: reading.titleTerms,
          states: c.states,
          headingAsks: reading.headingAsks,
          hasDigit: c.hasDigit,
          amounts: c.amounts,
          ranges: c.ranges,
          kind: c.kind,
          chars: c.chars,
          order: c.order,
          intro: p.section === p.title,
          passage,
        },
      });
    }
  });
  return out;
}

/** What a question (part) is compared on. */
export function questionView(part: string, context: readonly string[], locale?: string): QuestionView {
  const tokens = answerTokens(part);
  const terms = new Set(tokens);
  // A short follow-up part ("and when would it come") takes its subject from the rest of the question.
  if (terms.size < 3) for (const t of context) terms.add(t);
  const types: AnswerType[] = detectAnswerTypes(part);
  const amounts = extractAmounts(capText(part, MAX_SCANNED_CHARS)).map((a) => a.value);
  return {
    terms,
    pairs: termPairs(tokens),
    types,
    asksNumber: ASKS_NUMBER.test(part),
    amounts,
    ...(locale ? { locale } : {}),
  };
}

/** Adjacent term pairs ("late fee", "国际|汇款"): a phrase shared is stronger evidence than its words apart. */
function termPairs(tokens: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < tokens.length; i++) pairs.add(`${tokens[i - 1] as string} ${tokens[i] as string}`);
  return pairs;
}

// How telling each question term is among these candidates: log(1 + N / candidates using it).
function candidateIdf(question: QuestionView, candidates: readonly RankableCandidate[]): Map<string, number> {
  const idf = new Map<string, number>();
  for (const t of question.terms) {
    let df = 0;
    for (const c of candidates) if (c.view.terms.has(t) || c.view.headingTerms.has(t)) df++;
    if (df > 0) idf.set(t, Math.log(1 + candidates.length / df));
  }
  return idf;
}

/** Scores every candidate for a question (part), best first; ties keep passage order. */
export function scoreCandidates(
  question: QuestionView,
  candidates: readonly RankableCandidate[],
  ranker: AnswerRanker,
  routedBonus = 0,
): ScoredCandidate[] {
  const view = { ...question, idf: candidateIdf(question, candidates) };
  return candidates
    .map((c, i) => {
      const features = answerFeatures(view, c.view);
      const bonus = c.view.passage.preferred ? routedBonus : 0;
      return { ...c, features, score: scoreFeatures(ranker.weights, features) + bonus, i };
    })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ i: _i, ...c }) => c);
}
