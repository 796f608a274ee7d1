// Chinese word segmentation: jieba's bundled dictionary plus our banking word list (data/text/banking-words.txt), so a
// run such as "境外汇款手续费" reads as the words 境外汇款 | 手续费 rather than as overlapping character pairs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as JiebaModule from "@node-rs/jieba";
import type * as JiebaDictModule from "@node-rs/jieba/dict.js";

const BANKING_WORDS = new URL("../../../data/text/banking-words.txt", import.meta.url);
// Loaded on first use through require so that importing the tokeniser costs nothing: the bundled dictionary is 5 MB.
const require = createRequire(import.meta.url);

// Module-level on purpose: the segmenter is a pure function of two dictionaries that ship with the code, so one
// instance serves every caller; building it takes ~200 ms, which per-call or per-service construction would repeat.
let segmenter: JiebaModule.Jieba | undefined;

/** Jieba's user-dictionary lines from our word list ("word frequency"), comments and blank lines left out. */
export function readBankingWords(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .join("\n");
}

function loadSegmenter(): JiebaModule.Jieba {
  const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof JiebaModule;
  const { dict } = require("@node-rs/jieba/dict.js") as typeof JiebaDictModule;
  const jieba = JiebaClass.withDict(dict);
  jieba.loadDict(Buffer.from(readBankingWords(readFileSync(BANKING_WORDS, "utf8"))));
  return jieba;
}

/**
 * The words of a run of Chinese characters, in order, by dictionary (no HMM guessing, so unknown words fall apart
 * into single characters the same way every time). Linear in the run's length: jieba's DAG is bounded by word length.
 */
export function segmentChinese(run: string): string[] {
  segmenter ??= loadSegmenter();
  return segmenter.cut(run, false);
}
