// Extractive answering: picks the sentences of the retrieved passages that best answer the question, so the local
// responder never writes a fact that is not in a cited passage.

/** A passage as the search tool returns it. */
export interface AnswerPassage {
  n: number;
  docId: string;
  title: string;
  section: string;
  text: string;
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

/** Word and character-bigram tokens for scoring (Chinese has no spaces, so bigrams carry the meaning). */
export function answerTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const words = (lower.match(/[a-z0-9£%.]+/g) ?? []).map((w) => w.replace(/\.$/, "")).filter((w) => w.length > 1 && !STOP.has(w)).map(stem);
  const han = lower.match(/[\u3400-\u9fff]+/g) ?? [];
  const bigrams: string[] = [];
  for (const run of han) {
    if (run.length === 1) bigrams.push(run);
    for (let i = 0; i + 1 < run.length; i++) bigrams.push(run.slice(i, i + 2));
  }
  return [...words, ...bigrams];
}

function stem(w: string): string {
  return w.replace(/(ing|ed|es|s)$/, "").slice(0, 8);
}

/** Splits passage Markdown into readable sentences (table rows and list items become sentences). */
export function splitSentences(markdown: string): string[] {
  const out: string[] = [];
  for (const rawLine of markdown.split(/\n+/)) {
    let line = rawLine.trim();
    if (!line || /^#+\s/.test(line) || /^\|?\s*-{3,}/.test(line) || /^related\b|^相关/i.test(line)) continue;
    if (line.startsWith("|")) {
      const cells = line.split("|").map((c) => c.trim()).filter(Boolean);
      if (cells.length >= 2) out.push(`${cells[0]}: ${cells.slice(1).join(", ")}.`);
      continue;
    }
    line = line.replace(/^[-*+]\s+|^\d+\.\s+/, "").replace(/\*\*|__|`/g, "").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
    const parts = line.split(/(?<=[.!?。！？])\s*(?=[A-Z0-9£\u3400-\u9fff"“])/);
    for (const p of parts) {
      const s = p.trim();
      if (s.length >= 12 || /[\u3400-\u9fff]{6,}/.test(s)) out.push(/[.!?。！？:：]$/.test(s) ? s : `${s}${/[\u3400-\u9fff]$/.test(s) ? "。" : "."}`);
    }
  }
  return out;
}

/** Selects up to `maxSentences` sentences from the top passages, ranked by overlap with the question. */
export function extractAnswer(question: string, passages: readonly AnswerPassage[], options: { maxSentences?: number; maxChars?: number } = {}): ExtractedAnswer {
  const maxSentences = options.maxSentences ?? 3;
  const maxChars = options.maxChars ?? 520;
  const q = new Set(answerTokens(question));
  const asksNumber = /how much|how long|how many|fee|cost|charge|rate|limit|apr|when|time|多少|费用|手续费|多久|几天|利率|额度|限额|时间/i.test(question);
  type Cand = { n: number; rank: number; order: number; text: string; score: number };
  const cands: Cand[] = [];
  passages.slice(0, 3).forEach((p, rank) => {
    const sectionTokens = new Set(answerTokens(`${p.title} ${p.section}`));
    const sectionMatch = [...q].filter((t) => sectionTokens.has(t)).length;
    splitSentences(p.text).forEach((s, order) => {
      const toks = answerTokens(s);
      const overlap = new Set(toks.filter((t) => q.has(t))).size;
      const numeric = asksNumber && /\d/.test(s) ? 0.8 : 0;
      const score = overlap + numeric + 0.3 * sectionMatch + 1.2 / (1 + rank) + 0.4 / (1 + order);
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
