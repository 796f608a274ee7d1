// Scores one reply of the answers eval: are the required facts there, is a superseded figure there, is it a
// refusal, is it in one language. Facts are matched as the eval set's writers were told: case, spaces, thousands
// separators and dash style do not matter, and a figure never matches inside a longer one ("£15" is not "£150").

/** The outcome of one question. */
export interface ReplyScore {
  factsRight: boolean;
  factsFound: number;
  citationRight: boolean;
  stale: boolean;
  refusal: boolean;
  mixedLanguage: boolean;
}

/** What a reply is scored against. */
export interface ReplyExpectation {
  locale: "en" | "zh-CN";
  facts: readonly (readonly string[])[];
  stale: readonly string[];
  /** Document ids that answer the question (the source and its counterpart in the other language). */
  sources: readonly string[];
}

/** The reply as the chat API returned it. */
export interface ObservedReply {
  text: string;
  citedDocs: readonly string[];
}

/** Folds the forms a fact may be written in: NFKC, lower case, no spaces, no thousands separators, one dash. */
export function normaliseForFacts(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/(\d)(?:[–—~−-]|至|到)(?=\d)/g, "$1-");
}

/** True when the (normalised) reply states the fact, and not as part of a longer number. */
export function statesFact(normalisedReply: string, fact: string): boolean {
  const needle = normaliseForFacts(fact);
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const at = normalisedReply.indexOf(needle, from);
    if (at < 0) return false;
    const before = normalisedReply[at - 1] ?? "";
    const after = normalisedReply.slice(at + needle.length, at + needle.length + 2);
    const digitEdgeBefore = /\d/.test(needle[0] as string) && /[\d.]/.test(before);
    const digitEdgeAfter = /\d$/.test(needle) && /^(?:\d|[.,]\d)/.test(after);
    if (!digitEdgeBefore && !digitEdgeAfter) return true;
    from = at + 1;
  }
}

// Citation markers, figures and parenthesised terms (快速支付（Faster Payments）) are allowed in a Chinese reply;
// three Latin words in a row are an English sentence pasted in.
const PARENTHESISED = /[（(][^（）()]{0,80}[）)]/g;
const LATIN_RUN = /[A-Za-z][A-Za-z'’-]{0,30}(?:[ ,]{1,3}[A-Za-z][A-Za-z'’-]{0,30}){2}/;
const HAN = /[\u3400-\u9fff]/;

/** True when a reply mixes languages: English sentences in a Chinese reply, or Chinese in an English one. */
export function isMixedLanguage(text: string, locale: "en" | "zh-CN"): boolean {
  if (locale === "en") return HAN.test(text);
  return LATIN_RUN.test(text.replace(PARENTHESISED, " ").replace(/https?:\/\/\S{1,200}/g, " "));
}

/** Scores one reply. */
export function scoreReply(reply: ObservedReply, expected: ReplyExpectation): ReplyScore {
  const text = normaliseForFacts(reply.text);
  const factsFound = expected.facts.filter((alternatives) => alternatives.some((a) => statesFact(text, a))).length;
  return {
    factsRight: factsFound === expected.facts.length,
    factsFound,
    citationRight: reply.citedDocs.some((d) => expected.sources.includes(d)),
    stale: expected.stale.some((s) => statesFact(text, s)),
    refusal: reply.citedDocs.length === 0,
    mixedLanguage: isMixedLanguage(reply.text, expected.locale),
  };
}
