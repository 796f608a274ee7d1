// The citation rail: "[n]" markers (and "【n】", "[1, 2]", "[1-3]", "[1][2]") may only cite passages given to the model
// in this turn; ids that were not are dropped, and a marker left with none is removed with the space before it.

/** A sentence with its citation markers checked. */
export interface CheckedCitations {
  text: string;
  /** The valid passage ids the sentence cites. */
  cited: number[];
  /** How many ids were dropped. */
  dropped: number;
}

const MARKER = /( ?)(\[|【) ?(\d{1,3}(?: ?[-–] ?\d{1,3})?(?: ?[,，、;] ?\d{1,3}(?: ?[-–] ?\d{1,3})?){0,9}) ?(\]|】)/g;

function idsOf(list: string): number[] {
  const ids: number[] = [];
  for (const item of list.split(/[,，、;]/)) {
    const [from, to] = item.split(/[-–]/).map((s) => Number(s.trim()));
    if (from === undefined || Number.isNaN(from)) continue;
    const end = to === undefined || Number.isNaN(to) || to < from || to - from > 20 ? from : to;
    for (let n = from; n <= end; n++) ids.push(n);
  }
  return ids;
}

/** Keeps the markers' ids that are in `passageIds`, removing the rest. */
export function checkCitations(sentence: string, passageIds: ReadonlySet<number>): CheckedCitations {
  const cited: number[] = [];
  let dropped = 0;
  if (!sentence.includes("[") && !sentence.includes("【")) return { text: sentence, cited, dropped };
  const text = sentence.replace(MARKER, (whole: string, space: string, open: string, list: string, close: string) => {
    const ids = idsOf(list);
    const kept = ids.filter((n) => passageIds.has(n));
    dropped += ids.length - kept.length;
    for (const n of kept) if (!cited.includes(n)) cited.push(n);
    if (kept.length === ids.length) return whole;
    if (kept.length === 0) return "";
    return `${space}${open}${kept.join(open === "【" ? "，" : ", ")}${close}`;
  });
  return { text, cited, dropped };
}
