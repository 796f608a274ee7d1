import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePii, parsePiiCorpus, type PiiCorpusLine } from "./pii-eval.js";

const CORPUS_DIR = join(import.meta.dirname, "../../../data/pii");

function load(split: "dev" | "test"): PiiCorpusLine[] {
  const parsed = parsePiiCorpus(readFileSync(join(CORPUS_DIR, `${split}.jsonl`), "utf8"));
  if (!parsed.ok) throw new Error(`${split}.jsonl: ${parsed.error}`);
  return parsed.value;
}

describe("PII corpus evaluation", () => {
  it("counts an entity as recalled only when one span of its kind covers all of it", () => {
    const report = evaluatePii([
      {
        id: "a",
        lang: "en",
        text: "card 4111 1111 1111 1111 12/27",
        entities: [
          { kind: "card", text: "4111 1111 1111 1111" },
          { kind: "card_security", text: "12/27" },
        ],
      },
      {
        id: "b",
        lang: "en",
        text: "order 12345678 sent to acct 87654321",
        entities: [{ kind: "sort_code", text: "87654321" }],
      },
      { id: "c", lang: "en", text: "call 07700 900123", entities: [] },
    ]);
    expect(report.perKind.card?.recall).toBe(1);
    expect(report.perKind.card_security?.recall).toBe(1);
    expect(report.perKind.sort_code?.recall).toBe(0);
    // The account span overlaps the (mislabelled) entity, so it is a wrong kind, not a false positive; the phone is one.
    expect(report.errors.filter((e) => e.type === "false_positive").map((e) => e.id)).toEqual(["c"]);
  });

  it("rejects a corpus line whose entity is not in its text", () => {
    const bad = JSON.stringify({ id: "x", lang: "en", text: "hello", entities: [{ kind: "card", text: "4111" }] });
    expect(parsePiiCorpus(bad)).toEqual({ ok: false, error: 'line 1: entity "4111" is not in the text' });
  });

  it.each(["dev", "test"] as const)("meets the targets on the %s split: recall 1.0 and precision ≥ 0.98", (split) => {
    const lines = load(split);
    expect(lines.length).toBeGreaterThanOrEqual(200);
    const report = evaluatePii(lines);
    const missed = report.errors.filter((e) => e.type === "missed");
    expect(missed).toEqual([]);
    expect(report.overall.recall).toBe(1);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.98);
  });
});
