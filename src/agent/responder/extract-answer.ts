// Extractive answering: picks the sentences of the retrieved passages that best answer the question, so the local
// responder never writes a fact that is not in a cited passage. Words are compared with the shared tokeniser; patterns
// have bounded repetition (a question is customer text), and the question is read up to MAX_SCANNED_CHARS.
import { capText, MAX_SCANNED_CHARS } from "../../shared/linear-text.js";
import { contentTerms, foldSynonyms } from "../../shared/text/index.js";

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

/** The terms a question and a sentence are compared on: content terms after interchangeable words are folded. */
export function answerTokens(text: string): string[] {
  return contentTerms(foldSynonyms(text));
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
      const lead =
        out.length > 0 && /[:：]\s*$/.test(out[out.length - 1] as string) ? (out.pop() as string).trim() : "";
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
      const cells = line
        .split("|")
        .map((c) => c.trim())
        .filter(Boolean);
      if (cells.length >= 2) out.push(`${cells[0]}: ${cells.slice(1).join(", ")}.`);
      continue;
    }
    line = line
      .replace(/^[-*+]\s+|^\d+\.\s+/, "")
      .replace(/\*\*|__|`/g, "")
      .replace(/\[([^\]]{1,200})\]\([^)]{0,500}\)/g, "$1");
    // Latin sentence ends need a following space ("6.9% APR" and "harbor.example" are not sentence ends).
    const parts = line.split(/(?<=[.!?])\s+(?=[A-Z0-9£"“\u3400-\u9fff])|(?<=[。！？])/);
    for (const p of parts) {
      const s = p.trim();
      if (s.length >= 12 || /[\u3400-\u9fff]{4,}/.test(s))
        out.push(/[.!?。！？:：]$/.test(s) ? s : `${s}${/[\u3400-\u9fff]$/.test(s) ? "。" : "."}`);
    }
  }
  return out;
}

// What kind of fact the question wants; a sentence that states that kind of fact is worth more than word overlap.
const ASPECTS: { asks: RegExp; states: RegExp }[] = [
  {
    asks: /fee|cost|charge|price|how much|手续费|费用|多少钱|收费/i,
    states: /fee|cost|charge|free\b|每笔|收费|费用|免费|^(?!.*(?:limit|up to|限额|上限)).*£\d/i,
  },
  { asks: /limit|maximum|max\b|how much can|限额|上限|最多/i, states: /limit|up to|maximum|限额|上限|最多/i },
  {
    asks: /how long|when|time|cut-?off|arrive|多久|几天|什么时候|截止|到账/i,
    states: /\d\s?(?:–|-|to)?\s?\d{0,6}\s?(?:working|business)? ?days?|\d(?::\d\d)?\s?(?:am|pm)|工作日|点|到账/i,
  },
  { asks: /phone|call|number|contact|电话|联系/i, states: /\d{4} \d{3} \d{4}|\d{4} \d{3} \d{3}|电话|拨打|call/i },
];

/** Selects up to `maxSentences` sentences from the top passages, ranked by overlap with the question. */
export function extractAnswer(
  rawQuestion: string,
  passages: readonly AnswerPassage[],
  options: { maxSentences?: number; maxChars?: number; locale?: string } = {},
): ExtractedAnswer {
  const maxSentences = options.maxSentences ?? 3;
  const maxChars = options.maxChars ?? 520;
  const question = capText(rawQuestion, MAX_SCANNED_CHARS);
  const q = new Set(answerTokens(question));
  const asksNumber =
    /how much|how long|how many|fee|cost|charge|rate|limit|apr|when|time|多少|费用|手续费|多久|几天|利率|额度|限额|时间/i.test(
      question,
    );
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
        const numeric = !asksNumber
          ? 0
          : /[£%]|\d\s?(?:working|business)? ?days?|个?工作日|\d(?:am|pm)|点/.test(s)
            ? 1.5
            : /\d/.test(s)
              ? 0.5
              : 0;
        const aspect = ASPECTS.filter((a) => a.asks.test(question) && a.states.test(s)).length * 2;
        const score =
          1.5 * overlap +
          numeric +
          aspect +
          0.5 * sectionMatch +
          (p.preferred ? ((p.score ?? 1) >= 0.6 * best ? 3 : 1) : 0) +
          (options.locale && p.locale === options.locale ? 2 : 0) +
          1 / (1 + rank) +
          0.3 / (1 + order) +
          (rank === 0 && order === 0 ? 1 : 0);
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
