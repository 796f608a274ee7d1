// Reads comma- or whitespace-separated text (BOM, \n, \r\n or bare \r line endings, quoted CSV fields),
// keeping the line and column of every field so a bad file is reported where the problem is.
import { err, ok, type Result } from "../../shared/result.js";

/** Where and what is wrong in an input file (1-based line and character column). */
export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

/** One record: its fields, the line it starts on, and each field's starting column. */
export interface DelimitedRecord {
  line: number;
  fields: string[];
  columns: number[];
}

/** Formats a problem as "file:line:column: message". */
export function formatProblem(problem: FileProblem, file = "input"): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Splits text into records; blank lines are skipped. */
export function readDelimited(text: string, delimiter: "," | "whitespace"): Result<DelimitedRecord[], FileProblem> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: DelimitedRecord[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  let fields: string[] = [];
  let columns: number[] = [];
  let recordLine = 1;
  const isEol = (ch: string | undefined): boolean => ch === "\n" || ch === "\r";
  const endRecord = (): void => {
    if (!(fields.length === 1 && (fields[0] as string).trim() === "") && fields.length > 0)
      records.push({ line: recordLine, fields, columns });
    fields = [];
    columns = [];
  };
  const consumeEol = (): void => {
    if (src[i] === "\r" && src[i + 1] === "\n") i++;
    i++;
    line++;
    col = 1;
  };
  while (i < src.length) {
    recordLine = line;
    if (delimiter === "whitespace") {
      while (i < src.length && !isEol(src[i])) {
        while (src[i] === " " || src[i] === "\t") {
          i++;
          col++;
        }
        if (i >= src.length || isEol(src[i])) break;
        const start = i;
        columns.push(col);
        while (i < src.length && !isEol(src[i]) && src[i] !== " " && src[i] !== "\t") {
          i++;
          col++;
        }
        fields.push(src.slice(start, i));
      }
      endRecord();
      if (i < src.length) consumeEol();
      continue;
    }
    for (;;) {
      columns.push(col);
      if (src[i] === '"') {
        const openLine = line;
        const openCol = col;
        i++;
        col++;
        let value = "";
        for (;;) {
          if (i >= src.length) return err({ line: openLine, column: openCol, message: "unterminated quoted field" });
          const ch = src[i] as string;
          if (ch === '"' && src[i + 1] === '"') {
            value += '"';
            i += 2;
            col += 2;
          } else if (ch === '"') {
            i++;
            col++;
            break;
          } else if (isEol(ch)) {
            value += "\n";
            consumeEol();
          } else {
            value += ch;
            i++;
            col++;
          }
        }
        if (i < src.length && src[i] !== "," && !isEol(src[i]))
          return err({ line, column: col, message: "unexpected character after a closing quote" });
        fields.push(value);
      } else {
        const start = i;
        while (i < src.length && src[i] !== "," && !isEol(src[i])) {
          i++;
          col++;
        }
        fields.push(src.slice(start, i));
      }
      if (src[i] === ",") {
        i++;
        col++;
        continue;
      }
      break;
    }
    endRecord();
    if (i < src.length) consumeEol();
  }
  return ok(records);
}

/** Parses field `index` of a record as a finite number, or reports where it is not one. */
export function numberField(
  record: DelimitedRecord,
  index: number,
  name: string,
  allowEmpty = false,
): Result<number | null, FileProblem> {
  const raw = record.fields[index];
  const column = record.columns[index] ?? record.columns[record.columns.length - 1] ?? 1;
  if (raw === undefined) return err({ line: record.line, column, message: `missing field ${index + 1} (${name})` });
  const t = raw.trim();
  if (t === "" && allowEmpty) return ok(null);
  const v = Number(t);
  if (t === "" || !Number.isFinite(v))
    return err({
      line: record.line,
      column,
      message: `field ${index + 1} (${name}) must be a number, got ${JSON.stringify(raw)}`,
    });
  return ok(v);
}

/** Checks a record has exactly the expected number of fields. */
export function expectFieldCount(record: DelimitedRecord, expected: number): Result<true, FileProblem> {
  if (record.fields.length === expected) return ok(true);
  const column =
    record.fields.length > expected
      ? (record.columns[expected] ?? 1)
      : (record.columns[record.columns.length - 1] ?? 1);
  return err({ line: record.line, column, message: `expected ${expected} fields, found ${record.fields.length}` });
}
