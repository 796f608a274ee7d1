// Labelled corpora (PII strings, rail cases) are JSONL files read by eval CLIs: one parser reports the first bad line.
import type { z } from "zod";
import { err, ok, type Result } from "./result.js";

/** Parses JSONL rows against a schema; the first malformed line is reported with its number. */
export function parseJsonLines<S extends z.ZodTypeAny>(
  jsonl: string,
  schema: S,
  /** A further check of a parsed row; its message is reported with the line number. */
  check: (row: z.infer<S>) => string | undefined = () => undefined,
): Result<z.infer<S>[]> {
  const rows: z.infer<S>[] = [];
  const lines = jsonl.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    if (!line) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return err(`line ${i + 1}: not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return err(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
    const problem = check(parsed.data);
    if (problem) return err(`line ${i + 1}: ${problem}`);
    rows.push(parsed.data);
  }
  return ok(rows);
}
