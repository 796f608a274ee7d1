// Catches values attached to the wrong option ("£25 online and £15 in branch" when the evidence says £15 online and
// £25 in branch): both figures are in the evidence, but each sits next to words that, in the evidence, belong to the
// other. Only a sentence with two facts of one unit, crossed both ways against one evidence sentence, is flagged.
import { extractFacts, foldFactText } from "./extract-facts.js";
import type { Fact } from "./fact-types.js";
import { splitSentences } from "./split-sentences.js";

/** Where a fact key occurs in the evidence: which sentence, and the words of its clause. */
export interface Site {
  sentence: number;
  clause: number;
  words: ReadonlySet<string>;
}

/** Evidence facts by key, with the clause each one stands in. */
export type SiteIndex = ReadonlyMap<string, readonly Site[]>;

const CLAUSE_BREAK = /[,;:|，；：]|\b(?:and|or|but|while|whereas|compared with)\b/i;
const STOPWORDS = new Set(
  (
    "the and for you your our with from that this are can will its into per each any all when then than also just " +
    "which what who how there here have has had not only been being such more most other some very"
  ).split(" "),
);

/** The content words of a clause, lightly stemmed ("costs" and "cost", "sending" and "send" agree). */
function contentWords(clause: string): Set<string> {
  const words = new Set<string>();
  for (const m of clause.toLowerCase().matchAll(/[a-z]{3,}/g)) {
    let w = m[0];
    if (STOPWORDS.has(w)) continue;
    if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
    else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
    words.add(w);
  }
  return words;
}

function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let rest = sentence;
  for (let guard = 0; guard < 64; guard++) {
    const m = CLAUSE_BREAK.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out;
}

/** Indexes where each fact of the evidence stands. */
export function indexSites(texts: readonly string[]): SiteIndex {
  const sites = new Map<string, Site[]>();
  let sentence = 0;
  for (const text of texts) {
    for (const s of splitSentences(text)) {
      sentence++;
      splitClauses(s).forEach((clause, c) => {
        for (const fact of extractFacts(clause, "evidence")) {
          for (const key of fact.keys) {
            const list = sites.get(key) ?? [];
            list.push({ sentence, clause: c, words: contentWords(clause) });
            sites.set(key, list);
          }
        }
      });
    }
  }
  return sites;
}

const unitOf = (key: string): string => key.slice(0, key.lastIndexOf(":"));
const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((w) => b.has(w));
const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> => new Set([...a].filter((w) => !b.has(w)));

/** The pairs of a sentence's facts that stand by each other's words; empty when none are crossed. */
export function crossedFacts(sentence: string, facts: readonly Fact[], sites: SiteIndex): string[] {
  // Each fact is placed in its clause by where its text first occurs, so the sentence is not read twice.
  const folded = foldFactText(sentence);
  const clauses = splitClauses(folded).slice(0, 24);
  const starts: number[] = [];
  let offset = 0;
  for (const clause of clauses) {
    starts.push(offset);
    offset += clause.length + 1;
  }
  const clauseAt = (pos: number): number => {
    let c = 0;
    while (c + 1 < starts.length && (starts[c + 1] as number) <= pos) c++;
    return c;
  };
  const words = clauses.map(contentWords);
  let from = 0;
  const claims: { fact: Fact; clause: number }[] = [];
  for (const fact of facts.slice(0, 12)) {
    const at = folded.indexOf(fact.raw, from);
    if (at < 0 || fact.raw === "") continue;
    from = at + fact.raw.length;
    claims.push({ fact, clause: clauseAt(at) });
  }
  const crossed: string[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const f = claims[i] as (typeof claims)[number];
      const g = claims[j] as (typeof claims)[number];
      const fk = f.fact.keys[0] ?? "";
      const gk = g.fact.keys[0] ?? "";
      if (f.clause === g.clause || fk === gk || unitOf(fk) !== unitOf(gk)) continue;
      const fw = words[f.clause] as ReadonlySet<string>;
      const gw = words[g.clause] as ReadonlySet<string>;
      for (const fs of sites.get(fk) ?? []) {
        const gs = (sites.get(gk) ?? []).find((s) => s.sentence === fs.sentence && s.clause !== fs.clause);
        if (!gs) continue;
        const onlyF = minus(fs.words, gs.words);
        const onlyG = minus(gs.words, fs.words);
        if (meets(fw, onlyG) && !meets(fw, onlyF) && meets(gw, onlyF) && !meets(gw, onlyG)) {
          crossed.push(`${f.fact.raw} and ${g.fact.raw} are swapped`);
          break;
        }
      }
    }
  }
  return crossed;
}
