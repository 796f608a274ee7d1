// The n-gram views built on the tokeniser's output: Chinese character n-grams (partial matches inside and across
// Chinese words), boundary-marked character n-grams inside words (typo and inflection tolerance) and word n-grams.
import { isHanStopGram } from "./stop-words.js";

/**
 * The character n-grams of length `n` of a Chinese run; with `dropStopGrams` those made only of function characters
 * are left out (search and answers), without it every n-gram is kept (the router).
 */
export function hanGrams(run: string, n: number, dropStopGrams: boolean): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join("");
    if (!dropStopGrams || !isHanStopGram(gram)) out.push(gram);
  }
  return out;
}

/** The character n-grams, `min` to `max` long, of a word marked with its boundaries ("<card>": "<c", "ca", …, "d>"). */
export function charGrams(word: string, min: number, max: number): string[] {
  const marked = `<${word}>`;
  const out: string[] = [];
  for (let n = min; n <= max && n <= marked.length; n++) {
    for (let i = 0; i + n <= marked.length; i++) out.push(marked.slice(i, i + n));
  }
  return out;
}

/** The word n-grams, 1 to `max` words long, of a sequence of words, joined with a space. */
export function wordGrams(words: readonly string[], max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let gram = words[i] as string;
    out.push(gram);
    for (let n = 2; n <= max && i + n <= words.length; n++) {
      gram += ` ${words[i + n - 1] as string}`;
      out.push(gram);
    }
  }
  return out;
}
