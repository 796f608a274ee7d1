import { describe, expect, it } from "vitest";
import {
  CommitmentCaseSchema,
  GroundingCaseSchema,
  parseCases,
  scoreCommitments,
  scoreGrounding,
} from "./rails-eval.js";

describe("rails evaluation", () => {
  it("scores the commitment rail with commitments as the positive class", () => {
    const score = scoreCommitments([
      { text: "Your loan is approved.", locale: "en", label: "commitment" },
      { text: "Approval is not guaranteed.", locale: "en", label: "safe" },
      { text: "Refunds usually take 5 days.", locale: "en", label: "commitment" },
    ]);
    expect(score).toMatchObject({ n: 3, positives: 2, tp: 1, fp: 0, fn: 1, tn: 1, recall: 0.5, precision: 1 });
    expect(score.errors.map((e) => e.text)).toEqual(["Refunds usually take 5 days."]);
  });

  it("scores the grounding rail with invented replies as the positive class", () => {
    const sources = ["Express replacement costs £15."];
    const score = scoreGrounding([
      { sources, reply: "Express replacement costs £150.", locale: "en", label: "invented" },
      { sources, reply: "It costs fifteen pounds.", locale: "en", label: "grounded" },
    ]);
    expect(score).toMatchObject({ tp: 1, tn: 1, recall: 1, precision: 1 });
  });

  it("reports the first malformed line with its number", () => {
    const bad = parseCases(
      '{"text":"a","locale":"en","label":"commitment"}\n{"text":"b","locale":"fr","label":"safe"}',
      CommitmentCaseSchema,
    );
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok ? "" : bad.error).toMatch(/^line 2: locale/);
    expect(parseCases("not json", GroundingCaseSchema)).toEqual({ ok: false, error: "line 1: not JSON" });
  });
});
