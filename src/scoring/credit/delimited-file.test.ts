import { describe, expect, it } from "vitest";
import { writeApplicantCsv, parseApplicantCsv } from "./applicant-file.js";
import { parseGermanCredit } from "./datasets/german-credit.js";
import { parseTaiwanDefault } from "./datasets/taiwan-default.js";
import { formatProblem, readDelimited } from "./delimited-file.js";
import { generateApplicantBook } from "./synthetic-book.js";

const GERMAN_ROW = "A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 A173 1 A192 A201 1";

describe("delimited files", () => {
  it("reads a BOM, bare \\r line endings and quoted fields", () => {
    const r = readDelimited('\ufeffa,b\r1,"x,""y"""\r\n2,3\n', ",");
    expect(r.ok && r.value.map((x) => x.fields)).toEqual([
      ["a", "b"],
      ["1", 'x,"y"'],
      ["2", "3"],
    ]);
    expect(r.ok && r.value[2]?.line).toBe(3);
  });

  it("reports the line and column of a malformed CSV field", () => {
    const r = readDelimited('a,b\n1,"open\n', ",");
    expect(r).toEqual({ ok: false, error: { line: 2, column: 3, message: "unterminated quoted field" } });
    const q = readDelimited('a,b\n1,"x"y\n', ",");
    expect(q.ok === false && q.error).toMatchObject({ line: 2, column: 6 });
  });

  it("reports the line and column of a non-numeric German value", () => {
    const text = `${GERMAN_ROW}\n${GERMAN_ROW.replace(" 1169 ", " 1x69 ")}\n`;
    const r = parseGermanCredit(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ line: 2, column: 15 });
      expect(formatProblem(r.error, "german.data")).toBe(
        'german.data:2:15: field 5 (credit_amount) must be a number, got "1x69"',
      );
    }
    expect(parseGermanCredit(`${GERMAN_ROW}\n`).ok).toBe(true);
  });

  it("parses the Taiwan layout with two header lines and drops protected columns", () => {
    const names =
      "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,default payment next month";
    const xs = ["", ...Array.from({ length: 23 }, (_, i) => `X${i + 1}`), "Y"].join(",");
    const text = `\ufeff${xs}\r${names}\r1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1`;
    const r = parseTaiwanDefault(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.labels).toEqual([1]);
      expect(r.value.rows[0]).not.toHaveProperty("SEX");
      expect(r.value.rows[0]).not.toHaveProperty("AGE");
      expect(r.value.rows[0]?.["utilisation_1"]).toBeCloseTo(3913 / 20000, 10);
    }
    const broken = parseTaiwanDefault(text.replace("3913", "39;13"));
    expect(broken.ok === false && broken.error).toMatchObject({ line: 3 });
  });

  it("round-trips applicant CSV and points at a bad value or a protected column", () => {
    const book = generateApplicantBook({ size: 20, seed: 1 });
    const csv = writeApplicantCsv(book);
    const parsed = parseApplicantCsv(csv, { requireOutcome: true });
    expect(parsed.ok && parsed.value.applicants).toEqual(book.map((b) => b.applicant));
    const lines = csv.split("\n");
    lines[3] = lines[3]!.replace(/,[a-z_]+,/, ",spaceship,");
    const bad = parseApplicantCsv(lines.join("\n"), { requireOutcome: true });
    expect(bad.ok === false && bad.error.line).toBe(4);
    const prot = parseApplicantCsv(csv.replace("annualIncome,", "sex,annualIncome,"), { requireOutcome: false });
    expect(prot.ok === false && prot.error).toMatchObject({ line: 1, column: 1 });
  });
});
