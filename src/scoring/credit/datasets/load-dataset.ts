// Picks the reader for a data schema (the bank's own applicant CSV, German credit or Taiwan default).
import { ok, type Result } from "../../../shared/result.js";
import { parseApplicantCsv } from "../applicant-file.js";
import { toNativeTable } from "../default-scorecard.js";
import type { FileProblem } from "../delimited-file.js";
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
  return ok(toNativeTable(file.value.applicants.map((applicant, i) => ({ applicant, defaulted: outcomes[i] as number }))));
}
