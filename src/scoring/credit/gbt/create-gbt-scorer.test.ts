import { describe, expect, it } from "vitest";
import { generateApplicantBook } from "../synthetic-book.js";
import { createGbtCreditScorer } from "./create-gbt-scorer.js";
import { trainCreditChallengerOnApplicants } from "./train-credit-gbt.js";

const book = generateApplicantBook({ size: 600, seed: 7 });
const model = trainCreditChallengerOnApplicants(book, { params: { trees: 20 } });
const scorer = createGbtCreditScorer({ model, version: "gbt-test" });

describe("createGbtCreditScorer", () => {
  it("serves a boosted-trees model whose points table adds up to the points, with grade and decision", () => {
    for (const entry of book.slice(0, 50)) {
      const score = scorer.score(entry.applicant);
      expect(score.pointsTable.reduce((sum, row) => sum + row.points, 0)).toBe(score.points);
      expect(["A", "B", "C", "D", "E"]).toContain(score.grade);
      expect(["approve", "refer", "decline"]).toContain(score.decision);
      expect(score.scorecardVersion).toBe("gbt-test");
      for (const r of score.reasons) expect(r.text["zh-CN"]).toMatch(/\p{Script=Han}/u);
    }
  });
});
