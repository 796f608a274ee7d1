// Picks the reader for a data schema (the bank's own applicant CSV, German credit or Taiwan default).
import { readFile } from "node:fs/promises";
import { err, ok, type Result } from "../../../shared/result.js";
import { parseApplicantCsv } from "../applicant-file.js";
import { toNativeTable } from "../default-scorecard.js";
import { formatProblem, type FileProblem } from "../delimited-file.js";
import type { LabelledTable } from "../feature-table.js";
import type { DatasetKind } from "../scorecard-artefact.js";
import { parseGermanCredit } from "./german-credit.js";
import { parseTaiwanDefault } from "./taiwan-default.js";

/** Parses a labelled training file of the given schema into a table. */
export function parseLabelledFile(text: string, schema: DatasetKind): Result<LabelledTable, FileProblem> {
  if (schema === "german") return parseGermanCredit(text);
  if (schema === "taiwan") return parseTaiwanDefault(text);
  const file = parseApplicantCsv(text, { requireOutcome: true });
  if (!file.ok) return file;
  const outcomes = file.value.outcomes ?? [];
  return ok(
    toNativeTable(file.value.applicants.map((applicant, i) => ({ applicant, defaulted: outcomes[i] as number }))),
  );
}

/** Reads and parses a labelled data file; a read or format problem comes back as one message with the path. */
export async function readLabelledFile(
  path: string,
  schema: DatasetKind,
): Promise<Result<{ table: LabelledTable; text: string }, string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  const table = parseLabelledFile(text, schema);
  return table.ok ? ok({ table: table.value, text }) : err(formatProblem(table.error, path));
}
