// Bilingual tokenisation shared by the local embeddings and BM25: English words (lightly stemmed), word bigrams
// and character n-grams for typo tolerance; Chinese character uni/bi/tri-grams, since Chinese has no spaces.

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+(?:[.][0-9]+)?/g;

const STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from into onto about as is are was were be been being am do does did " +
    "doing have has had having i me my mine we our us you your yours he she it its they them their this that these those " +
    "there here what which who whom whose when where why how can could would should will shall may might must just so " +
    "than then too very not no nor only own same some such any all each both few more most other s t don get got im ive " +
    "id youre dont cant wont isnt hi hello please thanks thank guys also up out over under again once").split(" "),
);

/** Lower-cases, folds full-width forms and strips thousands separators so "１０,000" and "10000" agree. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/(\d),(?=\d{3}\b)/g, "$1");
}

/** A light English stemmer: strips common inflections so "cancelled", "cancelling" and "cancel" meet. */
export function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || /^[0-9.]+$/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ations") || w.endsWith("ation")) w = w.replace(/ations?$/, "ate");
  if (w.endsWith("ing") && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length >= 5) w = w.slice(0, -2);
  else if (w.endsWith("ly") && w.length >= 6) w = w.slice(0, -2);
  if (/([bcdfgklmnprstz])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Content words of the Latin-script parts of a text, stemmed, stopwords removed. */
export function englishTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of normaliseText(text).replace(HAN_RUN, " ").matchAll(WORD)) {
    const w = m[0];
    if (STOPWORDS.has(w)) continue;
    out.push(stemWord(w));
  }
  return out;
}

// Function characters carry no topic; n-grams made only of them are dropped ("怎么", "我的", "可以").
const HAN_FUNCTION = new Set(Array.from("的了吗呢吧啊呀我你您他她它们是在有和与或也就都要会能可以么什怎该请问还这那个把被给让吧哪些多少几"));

const isFunctionChar = (c: string | undefined): boolean => c !== undefined && HAN_FUNCTION.has(c);

/** Runs of consecutive Han characters. */
export function hanRuns(text: string): string[] {
  return normaliseText(text).match(HAN_RUN) ?? [];
}

/** A feature with its family weight. */
export interface WeightedFeature {
  key: string;
  weight: number;
}

/** Feature families and their relative weights in the embedding. */
export const FEATURE_WEIGHTS = { word: 1, bigram: 0.8, char: 0.25, han1: 0.35, han2: 1, han3: 0.8 } as const;

/** Every feature of a text (with repeats, so callers can count term frequency). */
export function extractFeatures(text: string): WeightedFeature[] {
  const out: WeightedFeature[] = [];
  const words = englishTerms(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    out.push({ key: `w:${w}`, weight: FEATURE_WEIGHTS.word });
    if (i > 0) out.push({ key: `b:${words[i - 1]}_${w}`, weight: FEATURE_WEIGHTS.bigram });
    if (w.length >= 4 && !/^[0-9.]+$/.test(w)) {
      const padded = `<${w}>`;
      for (let n = 3; n <= 5; n++) {
        for (let s = 0; s + n <= padded.length; s++) out.push({ key: `c:${padded.slice(s, s + n)}`, weight: FEATURE_WEIGHTS.char });
      }
    }
  }
  // One pass per run, building each n-gram from the previous one (a long run costs linear time, few allocations).
  for (const run of hanRuns(text)) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      const [a, b, c] = [chars[i] as string, chars[i + 1], chars[i + 2]];
      const fa = isFunctionChar(a);
      if (!fa) out.push({ key: `h1:${a}`, weight: FEATURE_WEIGHTS.han1 });
      if (b !== undefined && !(fa && isFunctionChar(b))) out.push({ key: `h2:${a}${b}`, weight: FEATURE_WEIGHTS.han2 });
      if (b !== undefined && c !== undefined && !(fa && isFunctionChar(b) && isFunctionChar(c))) out.push({ key: `h3:${a}${b}${c}`, weight: FEATURE_WEIGHTS.han3 });
    }
  }
  return out;
}

/** Lexical terms for BM25: stemmed English words and Chinese character bigrams (unigrams for single characters). */
export function lexicalTerms(text: string): string[] {
  const out = englishTerms(text);
  for (const run of hanRuns(text)) {
    const chars = Array.from(run);
    if (chars.length === 1 && !isFunctionChar(chars[0])) out.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) {
      const [a, b] = [chars[i] as string, chars[i + 1] as string];
      if (!(isFunctionChar(a) && isFunctionChar(b))) out.push(a + b);
    }
  }
  return out;
}

/** True for terms and feature keys of the Chinese script, whose document frequencies are counted among Chinese texts. */
export function isHanKey(key: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(key);
}

/** 32-bit FNV-1a hash of a string: deterministic on every platform. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
