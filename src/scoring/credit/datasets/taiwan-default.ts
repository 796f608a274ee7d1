// Reads the Taiwan credit-card default file (UTF-8 BOM, bare \r line endings, two header lines) into a table.
// SEX, MARRIAGE and AGE are protected characteristics and are not read as features; ratios are engineered instead.
import { err, ok, type Result } from "../../../shared/result.js";
import { expectFieldCount, numberField, readDelimited, type FileProblem } from "../delimited-file.js";
import { defineFeatures, type FeatureRow, type FeatureSpecInput, type LabelledTable } from "../feature-table.js";

const same = (en: string): { en: string; "zh-CN": string } => ({ en, "zh-CN": en });
const MONTHS = [1, 2, 3, 4, 5, 6] as const;
const PAY = ["PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"] as const;

/** The Taiwan characteristics: raw repayment history, limits and engineered utilisation/payment ratios. */
export const TAIWAN_FEATURES = defineFeatures([
  { name: "LIMIT_BAL", kind: "numeric", trend: "descending", label: same("Credit limit"), format: "number" },
  { name: "EDUCATION", kind: "categorical", trend: "none", label: same("Education"), format: "category" },
  ...PAY.map((p): FeatureSpecInput => ({
    name: p,
    kind: "categorical",
    trend: "none",
    label: same(`Repayment status ${p}`),
    format: "category",
  })),
  ...MONTHS.map((m): FeatureSpecInput => ({
    name: `BILL_AMT${m}`,
    kind: "numeric",
    trend: "auto",
    label: same(`Bill amount ${m}`),
    format: "number",
  })),
  ...MONTHS.map((m): FeatureSpecInput => ({
    name: `PAY_AMT${m}`,
    kind: "numeric",
    trend: "descending",
    label: same(`Payment ${m}`),
    format: "number",
  })),
  { name: "utilisation_1", kind: "numeric", trend: "none", label: same("Latest bill / limit"), format: "percent" },
  { name: "utilisation_avg", kind: "numeric", trend: "none", label: same("Average bill / limit"), format: "percent" },
  { name: "utilisation_max", kind: "numeric", trend: "none", label: same("Highest bill / limit"), format: "percent" },
  {
    name: "payment_ratio_1",
    kind: "numeric",
    trend: "descending",
    specialValues: [-1],
    label: same("Latest payment / previous bill"),
    format: "percent",
  },
  {
    name: "payment_ratio_2",
    kind: "numeric",
    trend: "descending",
    specialValues: [-1],
    label: same("Payment 2 / bill 3"),
    format: "percent",
  },
  {
    name: "payment_ratio_all",
    kind: "numeric",
    trend: "descending",
    specialValues: [-1],
    label: same("All payments / all bills"),
    format: "percent",
  },
  {
    name: "months_delayed",
    kind: "numeric",
    trend: "ascending",
    label: same("Months with a delay (of 6)"),
    format: "count",
  },
  {
    name: "months_delayed_recent",
    kind: "numeric",
    trend: "ascending",
    label: same("Months with a delay (of last 3)"),
    format: "count",
  },
  { name: "max_delay", kind: "numeric", trend: "ascending", label: same("Longest delay (months)"), format: "count" },
  {
    name: "months_no_use",
    kind: "numeric",
    trend: "auto",
    label: same("Months without card use (of 6)"),
    format: "count",
  },
  { name: "months_revolving", kind: "numeric", trend: "auto", label: same("Months revolving (of 6)"), format: "count" },
  {
    name: "bill_trend",
    kind: "numeric",
    trend: "none",
    label: same("Bill growth over 6 months / limit"),
    format: "percent",
  },
  { name: "headroom", kind: "numeric", trend: "descending", label: same("Unused limit"), format: "number" },
  {
    name: "months_zero_payment",
    kind: "numeric",
    trend: "ascending",
    label: same("Months with no payment (of 6)"),
    format: "count",
  },
]);

const HEADER = [
  "ID",
  "LIMIT_BAL",
  "SEX",
  "EDUCATION",
  "MARRIAGE",
  "AGE",
  ...PAY,
  ...MONTHS.map((m) => `BILL_AMT${m}`),
  ...MONTHS.map((m) => `PAY_AMT${m}`),
  "default payment next month",
];

/** Payment over the bill it pays; -1 (its own bin) when there was nothing to pay. */
const paymentRatio = (payment: number, bill: number): number => (bill > 0 ? Math.min(payment / bill, 2) : -1);

/** Parses the Taiwan CSV into a labelled table (label 1 = default). */
export function parseTaiwanDefault(text: string): Result<LabelledTable, FileProblem> {
  const read = readDelimited(text, ",");
  if (!read.ok) return read;
  const records = read.value;
  const headerAt = records.findIndex((r) => r.fields[0]?.trim() === "ID");
  if (headerAt < 0 || headerAt > 1)
    return err({
      line: 1,
      column: 1,
      message: "expected a header line starting with ID (after an optional X1..X23 line)",
    });
  const header = records[headerAt] as (typeof records)[number];
  const expectedNames = HEADER.join(",");
  if (header.fields.map((f) => f.trim()).join(",") !== expectedNames)
    return err({ line: header.line, column: 1, message: `unexpected header; expected ${expectedNames}` });
  const rows: FeatureRow[] = [];
  const labels: number[] = [];
  for (const rec of records.slice(headerAt + 1)) {
    const count = expectFieldCount(rec, HEADER.length);
    if (!count.ok) return count;
    const v: Record<string, number> = {};
    for (let c = 0; c < HEADER.length; c++) {
      const n = numberField(rec, c, HEADER[c] as string);
      if (!n.ok) return n;
      v[HEADER[c] as string] = n.value as number;
    }
    const y = v["default payment next month"] as number;
    if (y !== 0 && y !== 1)
      return err({
        line: rec.line,
        column: rec.columns[HEADER.length - 1] ?? 1,
        message: `target must be 0 or 1, got ${y}`,
      });
    const limit = Math.max(1, v["LIMIT_BAL"] as number);
    const bills = MONTHS.map((m) => v[`BILL_AMT${m}`] as number);
    const pays = MONTHS.map((m) => v[`PAY_AMT${m}`] as number);
    const status = PAY.map((p) => v[p] as number);
    const row: FeatureRow = { LIMIT_BAL: v["LIMIT_BAL"] as number, EDUCATION: String(v["EDUCATION"]) };
    PAY.forEach((p, i) => (row[p] = String(Math.min(status[i] as number, 3))));
    MONTHS.forEach((m, i) => {
      row[`BILL_AMT${m}`] = bills[i] as number;
      row[`PAY_AMT${m}`] = pays[i] as number;
    });
    const utils = bills.map((b) => b / limit);
    row["utilisation_1"] = utils[0] as number;
    row["utilisation_avg"] = utils.reduce((s, u) => s + u, 0) / 6;
    row["utilisation_max"] = Math.max(...utils);
    // PAY_AMTk is paid in month k against the bill of month k+1 (the statement before it).
    row["payment_ratio_1"] = paymentRatio(pays[0] as number, bills[1] as number);
    row["payment_ratio_2"] = paymentRatio(pays[1] as number, bills[2] as number);
    const billSum = bills.slice(1).reduce((s, b) => s + Math.max(0, b), 0);
    row["payment_ratio_all"] = paymentRatio(
      pays.slice(0, 5).reduce((s, p) => s + p, 0),
      billSum,
    );
    row["months_delayed"] = status.filter((s) => s > 0).length;
    row["months_delayed_recent"] = status.slice(0, 3).filter((s) => s > 0).length;
    row["max_delay"] = Math.max(0, ...status);
    row["months_no_use"] = status.filter((s) => s === -2).length;
    row["months_revolving"] = status.filter((s) => s === 0).length;
    row["bill_trend"] = ((bills[0] as number) - (bills[5] as number)) / limit;
    row["headroom"] = limit - (bills[0] as number);
    row["months_zero_payment"] = pays.filter((p) => p === 0).length;
    rows.push(row);
    labels.push(y);
  }
  if (rows.length === 0) return err({ line: header.line + 1, column: 1, message: "no data rows" });
  return ok({ specs: TAIWAN_FEATURES, rows, labels });
}
