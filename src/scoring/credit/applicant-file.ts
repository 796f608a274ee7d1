// Reads and writes the bank's own applicant files (CSV, one applicant per line, optional `defaulted` 0/1),
// reporting the line and column of the first problem.
import { err, ok, type Result } from "../../shared/result.js";
import { ApplicantSchema, type Applicant } from "./applicant-schema.js";
import { numberField, readDelimited, type FileProblem } from "./delimited-file.js";
import { isProtectedAttribute } from "./protected-attributes.js";

/** Applicant columns in file order. */
export const APPLICANT_COLUMNS = Object.keys(ApplicantSchema.shape) as (keyof Applicant)[];
const NUMERIC = new Set<string>(
  APPLICANT_COLUMNS.filter((k) => {
    const t = ApplicantSchema.shape[k]._def as { typeName?: string; innerType?: { _def: { typeName?: string } } };
    return t.typeName === "ZodNumber" || t.innerType?._def.typeName === "ZodNumber";
  }),
);

/** An applicant file's content: applicants and, when present, their outcomes. */
export interface ApplicantFile {
  applicants: Applicant[];
  outcomes: number[] | null;
}

/** Writes applicants (and outcomes) as CSV. */
export function writeApplicantCsv(entries: readonly { applicant: Applicant; defaulted?: number }[]): string {
  const withOutcome = entries.length > 0 && entries.every((e) => e.defaulted !== undefined);
  const header = [...APPLICANT_COLUMNS, ...(withOutcome ? ["defaulted"] : [])].join(",");
  const lines = entries.map((e) =>
    [...APPLICANT_COLUMNS.map((c) => e.applicant[c] ?? ""), ...(withOutcome ? [e.defaulted] : [])].join(","),
  );
  return [header, ...lines].join("\n") + "\n";
}

/** Parses an applicant CSV; `requireOutcome` demands a `defaulted` column (for training). */
export function parseApplicantCsv(
  text: string,
  options: { requireOutcome: boolean },
): Result<ApplicantFile, FileProblem> {
  const read = readDelimited(text, ",");
  if (!read.ok) return read;
  const [header, ...records] = read.value;
  if (!header) return err({ line: 1, column: 1, message: "empty file" });
  const names = header.fields.map((f) => f.trim());
  for (let c = 0; c < names.length; c++) {
    const name = names[c] as string;
    const column = header.columns[c] ?? 1;
    if (isProtectedAttribute(name))
      return err({
        line: header.line,
        column,
        message: `column "${name}" is a protected characteristic and cannot be used in credit decisions`,
      });
    if (name !== "defaulted" && !(APPLICANT_COLUMNS as string[]).includes(name))
      return err({ line: header.line, column, message: `unknown column "${name}"` });
  }
  for (const required of APPLICANT_COLUMNS) {
    if (!names.includes(required))
      return err({ line: header.line, column: 1, message: `missing column "${required}"` });
  }
  const outcomeAt = names.indexOf("defaulted");
  if (options.requireOutcome && outcomeAt < 0)
    return err({ line: header.line, column: 1, message: 'missing column "defaulted" (0 = repaid, 1 = defaulted)' });
  const applicants: Applicant[] = [];
  const outcomes: number[] = [];
  for (const rec of records) {
    if (rec.fields.length !== names.length) {
      return err({
        line: rec.line,
        column: rec.columns[Math.min(rec.fields.length, names.length) - 1] ?? 1,
        message: `expected ${names.length} fields, found ${rec.fields.length}`,
      });
    }
    const raw: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) {
      const name = names[c] as string;
      if (name === "defaulted") continue;
      if (NUMERIC.has(name)) {
        const v = numberField(rec, c, name, name === "revolvingUtilisation");
        if (!v.ok) return v;
        raw[name] = v.value;
      } else raw[name] = (rec.fields[c] as string).trim();
    }
    const parsed = ApplicantSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const c = names.indexOf(String(issue?.path[0] ?? ""));
      return err({
        line: rec.line,
        column: rec.columns[Math.max(0, c)] ?? 1,
        message: `${String(issue?.path[0] ?? "row")}: ${issue?.message ?? "invalid"}`,
      });
    }
    applicants.push(parsed.data);
    if (outcomeAt >= 0) {
      const y = numberField(rec, outcomeAt, "defaulted");
      if (!y.ok) return y;
      if (y.value !== 0 && y.value !== 1)
        return err({
          line: rec.line,
          column: rec.columns[outcomeAt] ?? 1,
          message: `defaulted must be 0 or 1, got ${y.value}`,
        });
      outcomes.push(y.value);
    }
  }
  if (applicants.length === 0) return err({ line: header.line + 1, column: 1, message: "no applicant rows" });
  return ok({ applicants, outcomes: outcomeAt >= 0 ? outcomes : null });
}
