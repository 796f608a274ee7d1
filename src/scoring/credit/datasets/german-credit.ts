// Reads the Statlog German credit file (space-separated, 20 attributes + class 1 good / 2 bad) into a table.
// Personal status/sex, age and foreign-worker status are protected characteristics and are not read as features.
import { err, ok, type Result } from "../../../shared/result.js";
import { expectFieldCount, numberField, readDelimited, type FileProblem } from "../delimited-file.js";
import { defineFeatures, type FeatureRow, type LabelledTable } from "../feature-table.js";

const same = (en: string): { en: string; "zh-CN": string } => ({ en, "zh-CN": en });

/** The German credit characteristics used (protected columns 9, 13 and 20 are skipped). */
export const GERMAN_FEATURES = defineFeatures([
  {
    name: "checking_status",
    kind: "categorical",
    trend: "none",
    label: same("Checking account status"),
    format: "category",
  },
  { name: "duration", kind: "numeric", trend: "ascending", label: same("Duration (months)"), format: "months" },
  { name: "credit_history", kind: "categorical", trend: "none", label: same("Credit history"), format: "category" },
  { name: "purpose", kind: "categorical", trend: "none", label: same("Purpose"), format: "category" },
  { name: "credit_amount", kind: "numeric", trend: "auto", label: same("Credit amount (DM)"), format: "number" },
  { name: "savings_status", kind: "categorical", trend: "none", label: same("Savings"), format: "category" },
  { name: "employment", kind: "categorical", trend: "none", label: same("Employment since"), format: "category" },
  {
    name: "installment_commitment",
    kind: "numeric",
    trend: "ascending",
    label: same("Instalment rate (% of income)"),
    format: "number",
  },
  {
    name: "other_parties",
    kind: "categorical",
    trend: "none",
    label: same("Other debtors/guarantors"),
    format: "category",
  },
  { name: "residence_since", kind: "numeric", trend: "auto", label: same("Present residence since"), format: "number" },
  { name: "property_magnitude", kind: "categorical", trend: "none", label: same("Property"), format: "category" },
  {
    name: "other_payment_plans",
    kind: "categorical",
    trend: "none",
    label: same("Other instalment plans"),
    format: "category",
  },
  { name: "housing", kind: "categorical", trend: "none", label: same("Housing"), format: "category" },
  {
    name: "existing_credits",
    kind: "numeric",
    trend: "auto",
    label: same("Existing credits at this bank"),
    format: "count",
  },
  { name: "job", kind: "categorical", trend: "none", label: same("Job"), format: "category" },
  { name: "num_dependents", kind: "numeric", trend: "auto", label: same("People liable to maintain"), format: "count" },
  { name: "own_telephone", kind: "categorical", trend: "none", label: same("Telephone"), format: "category" },
  {
    name: "monthly_payment",
    kind: "numeric",
    trend: "auto",
    label: same("Amount per month of term"),
    format: "number",
  },
  {
    name: "implied_income",
    kind: "numeric",
    trend: "auto",
    label: same("Implied disposable income"),
    format: "number",
  },
]);

const COLUMNS = [
  "checking_status",
  "duration",
  "credit_history",
  "purpose",
  "credit_amount",
  "savings_status",
  "employment",
  "installment_commitment",
  "personal_status",
  "other_parties",
  "residence_since",
  "property_magnitude",
  "age",
  "other_payment_plans",
  "housing",
  "existing_credits",
  "job",
  "num_dependents",
  "own_telephone",
  "foreign_worker",
  "class",
] as const;
const NUMERIC = new Set([
  "duration",
  "credit_amount",
  "installment_commitment",
  "residence_since",
  "age",
  "existing_credits",
  "num_dependents",
]);
const SKIPPED = new Set(["personal_status", "age", "foreign_worker"]);

/** Parses german.data text into a labelled table (label 1 = bad). */
export function parseGermanCredit(text: string): Result<LabelledTable, FileProblem> {
  const read = readDelimited(text, "whitespace");
  if (!read.ok) return read;
  const rows: FeatureRow[] = [];
  const labels: number[] = [];
  for (const rec of read.value) {
    const count = expectFieldCount(rec, COLUMNS.length);
    if (!count.ok) return count;
    const row: FeatureRow = {};
    for (let c = 0; c < COLUMNS.length - 1; c++) {
      const name = COLUMNS[c] as string;
      if (SKIPPED.has(name)) continue;
      if (NUMERIC.has(name)) {
        const v = numberField(rec, c, name);
        if (!v.ok) return v;
        row[name] = v.value;
      } else {
        const raw = rec.fields[c] as string;
        if (!/^A\d+$/.test(raw))
          return err({
            line: rec.line,
            column: rec.columns[c] ?? 1,
            message: `field ${c + 1} (${name}) must be a code like A11, got ${JSON.stringify(raw)}`,
          });
        row[name] = raw;
      }
    }
    const cls = numberField(rec, COLUMNS.length - 1, "class");
    if (!cls.ok) return cls;
    if (cls.value !== 1 && cls.value !== 2)
      return err({
        line: rec.line,
        column: rec.columns[COLUMNS.length - 1] ?? 1,
        message: `class must be 1 (good) or 2 (bad), got ${cls.value}`,
      });
    const amount = row["credit_amount"] as number;
    const duration = row["duration"] as number;
    const rate = row["installment_commitment"] as number;
    row["monthly_payment"] = duration > 0 ? amount / duration : null;
    row["implied_income"] = duration > 0 && rate > 0 ? amount / duration / (rate / 100) : null;
    rows.push(row);
    labels.push(cls.value === 2 ? 1 : 0);
  }
  if (rows.length === 0) return err({ line: 1, column: 1, message: "no data rows" });
  return ok({ specs: GERMAN_FEATURES, rows, labels });
}
