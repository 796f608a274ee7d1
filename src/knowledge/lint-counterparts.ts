// Checks that every English document has a Chinese counterpart stating the same facts with the same dates, so a
// customer asking in Chinese gets the same answer as one asking in English.
import { documentFacts } from "./document-facts.js";
import type { KnowledgeDocument } from "./knowledge-schemas.js";

/** One problem with a pair of documents, named by the file to fix. */
export interface CounterpartProblem {
  path: string;
  problem: string;
}

/** What the lint found: pairs checked and every problem. */
export interface CounterpartReport {
  english: number;
  pairs: number;
  problems: CounterpartProblem[];
}

const DATED_FIELDS = ["version", "effective_from", "expires", "review_by"] as const;

function compareFacts(en: KnowledgeDocument, zh: KnowledgeDocument, problems: CounterpartProblem[]): void {
  const enFacts = documentFacts(en.body);
  const zhFacts = documentFacts(zh.body);
  const missing = [...enFacts].filter((f) => !zhFacts.has(f));
  const extra = [...zhFacts].filter((f) => !enFacts.has(f));
  if (missing.length) problems.push({ path: zh.path, problem: `missing facts of ${en.meta.id}: ${missing.join(", ")}` });
  if (extra.length) problems.push({ path: zh.path, problem: `facts not in ${en.meta.id}: ${extra.join(", ")}` });
}

function compareMeta(
  en: KnowledgeDocument,
  zh: KnowledgeDocument,
  zhIdOf: Map<string, string>,
  problems: CounterpartProblem[],
): void {
  for (const field of DATED_FIELDS) {
    if (en.meta[field] !== zh.meta[field])
      problems.push({ path: zh.path, problem: `${field} is ${zh.meta[field] ?? "absent"}, ${en.meta.id} has ${en.meta[field] ?? "none"}` });
  }
  if (en.meta.product !== zh.meta.product)
    problems.push({ path: zh.path, problem: `product is ${zh.meta.product}, ${en.meta.id} has ${en.meta.product}` });
  const wanted = en.meta.supersedes === undefined ? undefined : zhIdOf.get(en.meta.supersedes);
  if (en.meta.supersedes !== undefined && wanted === undefined)
    problems.push({ path: zh.path, problem: `${en.meta.supersedes} (superseded by ${en.meta.id}) has no Chinese counterpart` });
  else if (zh.meta.supersedes !== wanted)
    problems.push({ path: zh.path, problem: `supersedes is ${zh.meta.supersedes ?? "absent"}, expected ${wanted ?? "none"}` });
}

/** Lints every English/Chinese pair of a loaded knowledge folder. */
export function lintCounterparts(documents: readonly KnowledgeDocument[]): CounterpartReport {
  const problems: CounterpartProblem[] = [];
  const english = documents.filter((d) => d.meta.locale === "en");
  const englishIds = new Set(english.map((d) => d.meta.id));
  const byCounterpart = new Map<string, KnowledgeDocument[]>();
  for (const d of documents.filter((x) => x.meta.locale === "zh-CN")) {
    const target = d.meta.counterpart;
    if (target === undefined) problems.push({ path: d.path, problem: "no counterpart: name the English document it mirrors" });
    else if (!englishIds.has(target)) problems.push({ path: d.path, problem: `counterpart ${target} is not an English document` });
    else byCounterpart.set(target, [...(byCounterpart.get(target) ?? []), d]);
  }
  const zhIdOf = new Map([...byCounterpart].map(([en, zhs]) => [en, (zhs[0] as KnowledgeDocument).meta.id]));
  let pairs = 0;
  for (const en of english) {
    const zhs = byCounterpart.get(en.meta.id) ?? [];
    if (zhs.length === 0) problems.push({ path: en.path, problem: "no zh-CN counterpart" });
    if (zhs.length > 1) problems.push({ path: en.path, problem: `${zhs.length} zh-CN counterparts: ${zhs.map((z) => z.path).join(", ")}` });
    for (const zh of zhs) {
      pairs++;
      compareMeta(en, zh, zhIdOf, problems);
      compareFacts(en, zh, problems);
    }
  }
  return { english: english.length, pairs, problems };
}
