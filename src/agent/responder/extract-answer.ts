// Extractive answering: picks the sentences of the retrieved passages that best answer the question, so the local
// responder never writes a fact that is not in a cited passage. Patterns have bounded repetition (a question is
// customer text), and the question is read up to MAX_SCANNED_CHARS.
import { capText, MAX_SCANNED_CHARS } from "../../shared/linear-text.js";

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

/** The chosen sentences, grouped by the passage they come from. */
export interface ExtractedAnswer {
  parts: { n: number; sentences: string[] }[];
}

const STOP = new Set(
  "a an the and or but if of to in on at for from by with about as is are was were be been am i me my we our you your it its this that these those do does did can could would should will shall may might how what when where which who why there here please hi hello thanks not no yes have has had get got any some just so than then too very also into out up down over".split(
    " ",
  ),
);

// Question words carry no topic: "怎么" in a heading must not make it look like the answer.
const ZH_STOP = new Set(["怎么", "么办", "么样", "什么", "如何", "可以", "我的", "请问", "是否", "一下", "我们", "您的", "如果", "需要"]);

// Customers and documents use different words for the same thing; fold the common ones together.
const SYNONYMS: [RegExp, string][] = [
  [/汇款|汇出|转帐|汇钱|打款/g, "转账"],
  [/手续费|收费|费用|多少钱/g, "费用"],
  [/\b(cost|costs|charge|charges|price|fees)\b/g, "fee"],
  [/\b(send|sending|sent|payment|payments|transfers)\b/g, "transfer"],
  [/\b(abroad|overseas|international|swift)\b/g, "international"],
];

/** Word and character-bigram tokens for scoring (Chinese has no spaces, so bigrams carry the meaning). */
export function answerTokens(text: string): string[] {
  let lower = text.toLowerCase();
  for (const [re, to] of SYNONYMS) lower = lower.replace(re, to);
  const words = (lower.match(/[a-z0-9£%.]+/g) ?? []).map((w) => w.replace(/\.$/, "")).filter((w) => w.length > 1 && !STOP.has(w)).map(stem);
  const han = lower.match(/[\u3400-\u9fff]+/g) ?? [];
  const bigrams: string[] = [];
  for (const run of han) {
    if (run.length === 1) bigrams.push(run);
    for (let i = 0; i + 1 < run.length; i++) bigrams.push(run.slice(i, i + 2));
  }
  return [...words, ...bigrams.filter((b) => !ZH_STOP.has(b))];
}

function stem(w: string): string {
  return w.replace(/(ing|ed|es|s)$/, "").slice(0, 8);
}

/** Splits passage Markdown into readable sentences (table rows and list items become sentences). */
export function splitSentences(markdown: string): string[] {
  return splitLines(joinShortLists(markdown));
}

// A run of short list items ("online: £15", "in branch: £25") only makes sense together, so it becomes one line.
function joinShortLists(markdown: string): string {
  const lines = markdown.split(/\n/);
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1 && run.length <= 6 && run.every((r) => r.length <= 90)) {
      const zh = run.some((r) => /[\u3400-\u9fff]/.test(r));
      const joined = run.map((r) => r.replace(/[;；,，.。]\s*$/, "")).join(zh ? "；" : "; ") + (zh ? "。" : ".");
      // "Fees for SWIFT payments:" followed by its list reads as one sentence.
      while (out.length > 0 && (out[out.length - 1] as string).trim() === "") out.pop();
      const lead = out.length > 0 && /[:：]\s*$/.test(out[out.length - 1] as string) ? (out.pop() as string).trim() : "";
      out.push(lead ? `${lead}${zh ? "" : " "}${joined}` : joined);
    } else out.push(...run.map((r) => `- ${r}`));
    run = [];
  };
  for (const line of lines) {
    const item = listItem(line);
    if (item !== undefined) run.push(item);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join("\n");
}

/** The text of a "- item" line (marker and spaces removed), or undefined when the line is not a list item. */
function listItem(line: string): string | undefined {
  const t = line.trim();
  return /^[-*+]\s/.test(t) ? t.slice(1).trimStart() : undefined;
}

function splitLines(markdown: string): string[] {
  const out: string[] = [];
  const lines = markdown.split(/\n+/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).trim();
    // A table's header row ("| Service | Fee |") says nothing on its own.
    if (line.startsWith("|") && /^\|?\s*:?-{3,}/.test((lines[i + 1] ?? "").trim())) continue;
    if (!line || /^#+\s/.test(line) || /^\|?\s*-{3,}/.test(line) || /^related\b|^相关/i.test(line)) continue;
    if (line.startsWith("|")) {
      const cells = line.split("|").map((c) => c.trim()).filter(Boolean);
      if (cells.length >= 2) out.push(`${cells[0]}: ${cells.slice(1).join(", ")}.`);
      continue;
    }
    line = line.replace(/^[-*+]\s+|^\d+\.\s+/, "").replace(/\*\*|__|`/g, "").replace(/\[([^\]]{1,200})\]\([^)]{0,500}\)/g, "$1");
    // Latin sentence ends need a following space ("6.9% APR" and "harbor.example" are not sentence ends).
    const parts = line.split(/(?<=[.!?])\s+(?=[A-Z0-9£"“\u3400-\u9fff])|(?<=[。！？])/);
    for (const p of parts) {
      const s = p.trim();
      if (s.length >= 12 || /[\u3400-\u9fff]{4,}/.test(s)) out.push(/[.!?。！？:：]$/.test(s) ? s : `${s}${/[\u3400-\u9fff]$/.test(s) ? "。" : "."}`);
    }
  }
  return out;
}

// What kind of fact the question wants; a sentence that states that kind of fact is worth more than word overlap.
const ASPECTS: { asks: RegExp; states: RegExp }[] = [
  { asks: /fee|cost|charge|price|how much|手续费|费用|多少钱|收费/i, states: /fee|cost|charge|free\b|每笔|收费|费用|免费|^(?!.*(?:limit|up to|限额|上限)).*£\d/i },
  { asks: /limit|maximum|max\b|how much can|限额|上限|最多/i, states: /limit|up to|maximum|限额|上限|最多/i },
  { asks: /how long|when|time|cut-?off|arrive|多久|几天|什么时候|截止|到账/i, states: /\d\s?(?:–|-|to)?\s?\d{0,6}\s?(?:working|business)? ?days?|\d(?::\d\d)?\s?(?:am|pm)|工作日|点|到账/i },
  { asks: /phone|call|number|contact|电话|联系/i, states: /\d{4} \d{3} \d{4}|\d{4} \d{3} \d{3}|电话|拨打|call/i },
];

/** Selects up to `maxSentences` sentences from the top passages, ranked by overlap with the question. */
export function extractAnswer(rawQuestion: string, passages: readonly AnswerPassage[], options: { maxSentences?: number; maxChars?: number; locale?: string } = {}): ExtractedAnswer {
  const maxSentences = options.maxSentences ?? 3;
  const maxChars = options.maxChars ?? 520;
  const question = capText(rawQuestion, MAX_SCANNED_CHARS);
  const q = new Set(answerTokens(question));
  const asksNumber = /how much|how long|how many|fee|cost|charge|rate|limit|apr|when|time|多少|费用|手续费|多久|几天|利率|额度|限额|时间/i.test(question);
  type Cand = { n: number; rank: number; order: number; text: string; score: number };
  const cands: Cand[] = [];
  // Passages far below the best match are more likely to be off topic than helpful.
  const best = Math.max(...passages.map((p) => p.score ?? 1));
  passages
    .slice(0, 4)
    .filter((p) => p.preferred || (p.score ?? 1) >= 0.75 * best)
    .forEach((p, rank) => {
    const sectionTokens = answerTokens(p.section);
    const titleTokens = new Set(answerTokens(p.title));
    const sectionMatch = [...q].filter((t) => titleTokens.has(t)).length;
    splitSentences(p.text).forEach((s, order) => {
      // A sentence is read in the context of its section heading ("SWIFT fees" → "online: £15").
      const toks = [...answerTokens(s), ...sectionTokens];
      const overlap = new Set(toks.filter((t) => q.has(t))).size;
      if (/[:：]$/.test(s)) return;
      const numeric = !asksNumber ? 0 : /[£%]|\d\s?(?:working|business)? ?days?|个?工作日|\d(?:am|pm)|点/.test(s) ? 1.5 : /\d/.test(s) ? 0.5 : 0;
      const aspect = ASPECTS.filter((a) => a.asks.test(question) && a.states.test(s)).length * 2;
      const score = 1.5 * overlap + numeric + aspect + 0.5 * sectionMatch + (p.preferred ? ((p.score ?? 1) >= 0.6 * best ? 3 : 1) : 0) + (options.locale && p.locale === options.locale ? 2 : 0) + 1 / (1 + rank) + 0.3 / (1 + order) + (rank === 0 && order === 0 ? 1 : 0);
      cands.push({ n: p.n, rank, order, text: s, score });
    });
  });
  const chosen: Cand[] = [];
  let chars = 0;
  for (const c of [...cands].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= maxSentences) break;
    if (chars + c.text.length > maxChars && chosen.length > 0) continue;
    if (chosen.some((x) => x.text === c.text)) continue;
    chosen.push(c);
    chars += c.text.length;
  }
  chosen.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const parts: ExtractedAnswer["parts"] = [];
  for (const c of chosen) {
    const last = parts[parts.length - 1];
    if (last && last.n === c.n) last.sentences.push(c.text);
    else parts.push({ n: c.n, sentences: [c.text] });
  }
  return { parts };
}

/** Renders an extracted answer with [n] citation markers after each passage's sentences. */
export function renderExtractedAnswer(answer: ExtractedAnswer, locale: "en" | "zh-CN"): string {
  const sep = locale === "zh-CN" ? "" : " ";
  return answer.parts.map((p) => `${p.sentences.join(sep)} [${p.n}]`).join("\n\n");
}
