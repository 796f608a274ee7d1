// Folds look-alike characters (full-width digits and letters, other scripts' digits, odd spaces and dashes, zero-width
// marks) to plain ASCII before PII detection, keeping a map back to the original offsets so spans still cut the input.

/** A folded text and, for each of its UTF-16 units, the original range it came from. */
export interface FoldedText {
  text: string;
  /** Original start offset of folded unit i. */
  starts: number[];
  /** Original end offset (exclusive) of folded unit i. */
  ends: number[];
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const INVISIBLE = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0xfeff]);

function isSpace(cp: number): boolean {
  return (
    cp === 0x00a0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x1680
  );
}

function isDash(cp: number): boolean {
  return (
    (cp >= 0x2010 && cp <= 0x2015) || cp === 0x2212 || cp === 0xfe58 || cp === 0xfe63 || cp === 0xff0d || cp === 0x30fc
  );
}

// Unicode puts each script's digits 0–9 in consecutive code points, so a digit's value is its distance from the zero
// that starts its block (mathematical digits run in blocks of ten as well).
function digitValue(cp: number): number {
  let count = 0;
  while (count < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - count - 1))) count++;
  return count % 10;
}

function foldCodePoint(cp: number): string {
  if (INVISIBLE.has(cp)) return "";
  if (isSpace(cp)) return " ";
  if (isDash(cp)) return "-";
  if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) return String.fromCodePoint(cp);
  const ch = String.fromCodePoint(cp);
  if (DECIMAL_DIGIT.test(ch)) return String(digitValue(cp));
  const nfkc = ch.normalize("NFKC");
  return nfkc !== ch && nfkc.length <= 3 && /^[\x20-\x7e]+$/.test(nfkc) ? nfkc : ch;
}

/** Folds a text for detection; ASCII passes through unchanged, so the common case costs one pass. */
export function foldForPii(text: string): FoldedText {
  let out = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = cp < 0x80 ? (text[i] ?? "") : foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += folded;
    i += width;
  }
  return { text: out, starts, ends };
}

/** Maps a span of the folded text back to the original text. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start] ?? 0, end: folded.ends[end - 1] ?? 0 };
}
