// Cuts reply text into sentences, so each one is checked (and streamed) on its own. The pieces always join back to
// the original text: whitespace after a sentence belongs to it. While streaming, a boundary only counts once the text
// after it is known ("£1." may become "£1.50", "e.g. " may go on in lower case), so a piece is never cut twice.

/** Sentences whose end is certain, and the text still waiting for more tokens. */
export interface CompleteSentences {
  complete: string[];
  rest: string;
}

// Marks that may close a sentence after its full stop: quotes, brackets, markdown emphasis.
const CLOSERS = new Set([")", "]", '"', "'", "’", "”", "」", "』", "）", "】", "》", "*", "_", "`"]);
// Chinese (and full-width) ends need no space after them.
const CJK_ENDS = new Set(["。", "！", "？", "；", "｡", "．"]);
const LATIN_ENDS = new Set([".", "!", "?", "…"]);
const TERMINAL_OR_NEWLINE = new Set(["\n", ...CJK_ENDS, ...LATIN_ENDS]);
// Words after which a full stop never ends the sentence, and titles that always come before a name.
const MID_SENTENCE = new Set([
  "e.g",
  "i.e",
  "eg",
  "ie",
  "approx",
  "cf",
  "vs",
  "incl",
  "excl",
  "ca",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
]);
// Abbreviations that only hold a sentence open before a number ("No. 5", "Jan. 12").
const BEFORE_NUMBER = new Set([
  "no",
  "nos",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "art",
  "sec",
  "p",
  "pp",
]);

const isSpace = (ch: string | undefined): boolean =>
  ch === " " ||
  ch === "\n" ||
  (ch !== undefined && ch < "\x80"
    ? ch === "\t" || ch === "\r" || ch === "\f" || ch === "\v"
    : ch !== undefined && /\s/.test(ch));
const isHan = (ch: string | undefined): boolean => ch !== undefined && ch >= "\u2e80" && /\p{Script=Han}/u.test(ch);
const isLower = (ch: string | undefined): boolean =>
  ch !== undefined && (ch < "\x80" ? ch >= "a" && ch <= "z" : /\p{Ll}/u.test(ch));
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** The word (letters, digits and inner dots) that ends just before `end`. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && i > end - 12 && /[\p{L}\p{N}.]/u.test(text[i - 1] ?? "")) i--;
  return text.slice(i, end).toLowerCase();
}

/** True when the full stop at `dot` follows a list number at the start of its line ("1. Log in"). */
function listNumber(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && isDigit(text[i - 1])) i--;
  if (i === dot || dot - i > 3) return false;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
  return i === 0 || text[i - 1] === "\n";
}

/** Whether a full stop at `at`, followed by whitespace and then `next` (undefined at the end), ends a sentence. */
function fullStopEnds(text: string, at: number, next: string | undefined): boolean {
  if (isLower(next) || listNumber(text, at)) return false;
  const word = wordBefore(text, at);
  if (MID_SENTENCE.has(word)) return next === undefined;
  return !(BEFORE_NUMBER.has(word) && isDigit(next));
}

/**
 * End offsets of the sentences of `text`. When `final` is false, a boundary is kept only when a non-space character
 * after it is already known; the text after the last kept boundary is still open.
 */
export function sentenceEnds(text: string, final: boolean): number[] {
  const ends: number[] = [];
  let start = 0;
  const push = (end: number): void => {
    if (end >= text.length && !final) return;
    if (text.slice(start, end).trim() === "") return;
    ends.push(end);
    start = end;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (!TERMINAL_OR_NEWLINE.has(ch)) {
      i++;
      continue;
    }
    if (ch === "\n") {
      const end = skipSpaces(text, i);
      push(end);
      i = Math.max(end, i + 1);
      continue;
    }
    if (CJK_ENDS.has(ch) || LATIN_ENDS.has(ch)) {
      let j = i;
      while (j < text.length && (CJK_ENDS.has(text[j] as string) || LATIN_ENDS.has(text[j] as string))) j++;
      const runLength = j - i;
      const cjk = [...text.slice(i, j)].some((c) => CJK_ENDS.has(c));
      while (j < text.length && CLOSERS.has(text[j] as string)) j++;
      const after = text[j];
      const end = skipSpaces(text, j);
      const next = text[end];
      // A bracketed gloss after a Chinese question mark belongs to its sentence: 点击“忘记登录信息？”（Forgot your details?）。
      // ... and so does a Latin "?" that closes the gloss itself ("(Forgot your details?)").
      const closesGloss = !cjk && (text[i + runLength] === "）" || text[i + runLength] === ")");
      if ((cjk && (after === "（" || after === "(")) || closesGloss) {
        i = j;
        continue;
      }
      if (
        cjk ||
        (ch !== "." && isHan(after)) ||
        (ch === "." && isHan(after) && runLength === 1 && !isDigit(text[i - 1]))
      ) {
        push(end);
      } else if (
        (after === undefined || isSpace(after)) &&
        (runLength > 1 || ch !== "." || fullStopEnds(text, i, next))
      ) {
        push(end);
      }
      i = Math.max(j, i + 1);
      continue;
    }
    i++;
  }
  if (final && start < text.length) ends.push(text.length);
  return ends;
}

/** Splits a whole reply into sentences; joining them gives back the text exactly. */
export function splitSentences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const end of sentenceEnds(text, true)) {
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) {
    if (pieces.length > 0) pieces[pieces.length - 1] += text.slice(start);
    else pieces.push(text.slice(start));
  }
  return pieces;
}

/** The sentences of a streaming buffer whose end is already certain, and the open rest. */
export function takeCompleteSentences(buffer: string): CompleteSentences {
  const complete: string[] = [];
  let start = 0;
  for (const end of sentenceEnds(buffer, false)) {
    complete.push(buffer.slice(start, end));
    start = end;
  }
  return { complete, rest: buffer.slice(start) };
}
