// Reads a split of the answers eval set and takes out every question that the system could have learnt by heart:
// one that is a training utterance of the router, or that a glossary entry spells out nearly whole.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseJsonLines } from "../../shared/parse-jsonl.js";
import { err, ok, type Result } from "../../shared/result.js";

/** One question of the answers eval set (data/answers/<split>*.jsonl). */
export const AnswerQuestionSchema = z
  .object({
    id: z.string().min(1),
    locale: z.enum(["en", "zh-CN"]),
    question: z.string().min(1).max(2000),
    source: z.string().min(1).describe("the English document that holds the answer"),
    facts: z
      .array(z.array(z.string().min(1)).min(1))
      .min(1)
      .describe("each fact: alternative spellings, one must appear"),
    stale: z.array(z.string().min(1)).describe("superseded figures that must not appear"),
    kind: z.string().min(1),
    changed: z.boolean(),
  })
  .strict();
/** A question with its required facts. */
export type AnswerQuestion = z.infer<typeof AnswerQuestionSchema>;

/** The questions kept, and why the others were taken out. */
export interface LoadedQuestions {
  files: string[];
  questions: AnswerQuestion[];
  removed: { id: string; why: string }[];
}

/** What a question may not coincide with. */
export interface LeakSources {
  utterances: readonly string[];
  glossary: readonly RegExp[];
}

const squash = (text: string): string =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

// A glossary entry "holds" a question when its match covers most of the question's letters.
function glossaryHolds(question: string, glossary: readonly RegExp[]): boolean {
  const q = question.normalize("NFKC").toLowerCase();
  const letters = squash(q).length;
  return glossary.some((re) => {
    const m = q.match(re);
    return m !== null && letters > 0 && squash(m[0]).length >= 0.6 * letters;
  });
}

/** Loads data/answers/<split>.jsonl and <split>-*.jsonl, rejecting duplicate ids and removing leaked questions. */
export function loadAnswerQuestions(dir: string, split: string, leaks: LeakSources): Result<LoadedQuestions> {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((f) => f === `${split}.jsonl` || (f.startsWith(`${split}-`) && f.endsWith(".jsonl")));
  } catch (e) {
    return err(`cannot read ${dir}: ${(e as Error).message}`);
  }
  if (names.length === 0) return err(`no ${split}.jsonl or ${split}-*.jsonl in ${dir}`);
  const files = names.sort().map((n) => path.join(dir, n));
  const utterances = new Set(leaks.utterances.map(squash));
  const questions: AnswerQuestion[] = [];
  const removed: LoadedQuestions["removed"] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const parsed = parseJsonLines(fs.readFileSync(file, "utf8"), AnswerQuestionSchema);
    if (!parsed.ok) return err(`${file}: ${parsed.error}`);
    for (const q of parsed.value) {
      if (ids.has(q.id)) return err(`${file}: duplicate id ${q.id}`);
      ids.add(q.id);
      if (utterances.has(squash(q.question))) removed.push({ id: q.id, why: "a router training utterance" });
      else if (glossaryHolds(q.question, leaks.glossary)) removed.push({ id: q.id, why: "spelt out by the glossary" });
      else questions.push(q);
    }
  }
  return ok({ files, questions, removed });
}
