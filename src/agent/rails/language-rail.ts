// The language rail: each sentence must be in the customer's language. Numbers, amounts, web and e-mail addresses,
// placeholders and short Latin names ("Harbor app", "SWIFT", "Report a problem") are fine inside Chinese; an English
// clause in a Chinese reply, or Chinese in an English reply, is not.
import type { Locale } from "../../shared/locale.js";

const NOT_WORDS =
  /https?:\/\/\S{1,200}|[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|\b[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}\/\S{0,200}|\[[A-Z][A-Z_]{1,24}_\d{1,4}\]|\[\d{1,3}(?:, ?\d{1,3}){0,9}\]|\b[A-Za-z]{1,6}-[A-Za-z0-9]{2,16}\b|\b[A-Za-z0-9]{0,20}\d[A-Za-z0-9]{0,20}\b/g;
// Reference codes ("T-A22A16A3", "tx-00707514") and tokens with digits in them are identifiers, not words.
// Words that only an English clause has; names and labels ("Faster Payments", "Freeze card") rarely carry two.
const FUNCTION_WORDS = new Set(
  (
    "the a an to of and or is are was were be been you your we our us i my me it its this that these those for on in " +
    "at by with from can will would should please if not do does have has"
  ).split(" "),
);
const HAN = /\p{Script=Han}/u;

interface Profile {
  han: number;
  words: string[];
  /** Runs of Latin words not interrupted by Chinese text. */
  runs: string[][];
}

function profile(sentence: string): Profile {
  const text = sentence.replace(NOT_WORDS, " ");
  const runs: string[][] = [];
  let run: string[] = [];
  let han = 0;
  for (const m of text.matchAll(/\p{Script=Han}|[A-Za-z][A-Za-z'’-]*/gu)) {
    if (HAN.test(m[0])) {
      han++;
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(m[0]);
  }
  if (run.length > 0) runs.push(run);
  return { han, words: runs.flat(), runs };
}

const functionWords = (run: readonly string[]): number => run.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length;
const isName = (w: string): boolean => /^[A-Z0-9]/.test(w);

/** Why a sentence is not in the customer's language, or undefined when it is (or has no words at all). */
export function languageProblem(sentence: string, locale: Locale): string | undefined {
  // An English reply with no Chinese, or a Chinese one with no Latin letters, needs no closer look.
  if (locale === "en" ? !HAN.test(sentence) : !/[A-Za-z]/.test(sentence)) return undefined;
  const { han, words, runs } = profile(sentence);
  if (locale === "zh-CN") {
    if (han === 0) return words.length >= 2 && !words.every(isName) ? "English sentence in a Chinese reply" : undefined;
    const english = runs.find((r) => r.length >= 3 && functionWords(r) >= 2);
    if (english) return `English clause in a Chinese reply: "${english.slice(0, 6).join(" ")}"`;
    return words.length >= 6 && words.length > han ? "mostly English in a Chinese reply" : undefined;
  }
  if (han >= 2 && han >= words.length) return "Chinese sentence in an English reply";
  return undefined;
}
