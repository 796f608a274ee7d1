// The one stop-word list, for search and answer matching (the router keeps every word: "not" and "how" tell intents
// apart). Merged from the knowledge index's lists and the answer extractor's; the notes below say what came from where.

/**
 * English words that carry no topic. The knowledge index's former list plus "yes" from the answer extractor's; the
 * answer extractor's "down" is left out on purpose, since "app down" and "turned down" are topics here.
 */
const ENGLISH_STOP_WORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from into onto about as is are was were be been being am do " +
    "does did doing have has had having i me my mine we our us you your yours he she it its they them their this " +
    "that these those there here what which who whom whose when where why how can could would should will shall " +
    "may might must just so than then too very not no nor only own same some such any all each both few more most " +
    "other s t don get got im ive id youre dont cant wont isnt hi hello please thanks thank guys also up out over " +
    "under again once yes"
  ).split(" "),
);

// Chinese function characters carry no topic alone; an n-gram made only of them is dropped ("怎么", "我的", "可以").
// The knowledge index's list. Half of the answer extractor's Chinese stop words are made of these ("什么", "请问",
// "您的"); the rest ("么办", "如何", "需要", …) stay words, since search matches them in headings such as "…怎么办".
const HAN_FUNCTION_CHARS = new Set(
  Array.from("的了吗呢吧啊呀我你您他她它们是在有和与或也就都要会能可以么什怎该请问还这那个把被给让吧哪些多少几"),
);

/** True for an English word (normalised, unstemmed) that carries no topic. */
export function isStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word);
}

/** True for a Chinese character n-gram that carries no topic: one made only of function characters. */
export function isHanStopGram(gram: string): boolean {
  for (const c of gram) if (!HAN_FUNCTION_CHARS.has(c)) return false;
  return true;
}
