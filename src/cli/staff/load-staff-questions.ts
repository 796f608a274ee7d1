// Reads a split of the staff question set (data/staff/<split>.jsonl) and takes out any question that is word for
// word a training utterance of the staff router, so the score never rewards a sentence learnt by heart.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseJsonLines } from "../../shared/parse-jsonl.js";
import { err, ok, type Result } from "../../shared/result.js";

/** One staff question with the tool, arguments and facts its answer needs. */
export const StaffQuestionSchema = z
  .object({
    id: z.string().min(1),
    locale: z.enum(["en", "zh-CN"]),
    question: z.string().min(1).max(2000),
    intent: z.string().min(1).describe("the staff intent the question is"),
    tool: z.string().min(1).describe("the one tool that answers it"),
    params: z.record(z.union([z.string(), z.number()])).describe("the arguments the question fixes"),
    facts: z.array(z.array(z.string().min(1)).min(1)).describe("each fact: alternative spellings, one must appear"),
  })
  .strict();
/** A staff question. */
export type StaffQuestion = z.infer<typeof StaffQuestionSchema>;

const squash = (text: string): string =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Loads one split, rejecting duplicate ids and removing questions that are training utterances. */
export function loadStaffQuestions(
  dir: string,
  split: string,
  utterances: readonly string[],
): Result<{ file: string; questions: StaffQuestion[]; removed: string[] }> {
  const file = path.join(dir, `${split}.jsonl`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return err(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseJsonLines(text, StaffQuestionSchema);
  if (!parsed.ok) return err(`${file}: ${parsed.error}`);
  const learnt = new Set(utterances.map(squash));
  const ids = new Set<string>();
  const questions: StaffQuestion[] = [];
  const removed: string[] = [];
  for (const q of parsed.value) {
    if (ids.has(q.id)) return err(`${file}: duplicate id ${q.id}`);
    ids.add(q.id);
    if (learnt.has(squash(q.question))) removed.push(q.id);
    else questions.push(q);
  }
  return ok({ file, questions, removed });
}
