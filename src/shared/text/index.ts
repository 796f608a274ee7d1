// The tokeniser and normaliser every text reader shares (router features, knowledge search, answer extraction):
// one normalisation, one tokeniser (Chinese cut into words by one segmenter) with its n-gram views, one stop-word
// list, one stemmer, one synonym table.
export { normaliseForMatching, normaliseText } from "./normalise-text.js";
export { contentWords, containsHan, hanRuns, tokeniseText } from "./tokenise-text.js";
export { segmentChinese } from "./segment-chinese.js";
export type { TextToken, WordForm } from "./tokenise-text.js";
export { charGrams, hanGrams, wordGrams } from "./ngrams.js";
export { contentTerms } from "./content-terms.js";
export { SYNONYMS } from "./synonym-table.js";
export type { SynonymEntry, SynonymSource, SynonymUse } from "./synonym-table.js";
export { expandSynonyms, foldSynonyms } from "./apply-synonyms.js";
