import { describe, expect, it } from "vitest";
import { trainNativeScorecard } from "./default-scorecard.js";
import { toFeatureRow } from "./native-features.js";
import { buildStabilityReport, renderStabilityHtml, renderStabilityText } from "./stability-report.js";
import { generateApplicantBook } from "./synthetic-book.js";

const { scorecard } = trainNativeScorecard(generateApplicantBook({ size: 4000, seed: 21 }), {
  seed: 21,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("stability report", () => {
  it("finds a same-process intake stable and a riskier intake shifted", () => {
    const same = buildStabilityReport(
      scorecard,
      generateApplicantBook({ size: 3000, seed: 99 }).map((b) => toFeatureRow(b.applicant)),
    );
    const shifted = buildStabilityReport(
      scorecard,
      generateApplicantBook({ size: 3000, seed: 99, riskShift: 1 }).map((b) => toFeatureRow(b.applicant)),
    );
    expect(same.score.band).toBe("stable");
    expect(shifted.score.index).toBeGreaterThan(0.25);
    expect(shifted.features).toHaveLength(scorecard.features.length);
    expect(renderStabilityText(shifted)).toContain("significant shift");
  });

  it("renders a self-contained HTML page with inline SVG bars", () => {
    const html = renderStabilityHtml(
      buildStabilityReport(
        scorecard,
        generateApplicantBook({ size: 500, seed: 2 }).map((b) => toFeatureRow(b.applicant)),
      ),
    );
    expect(html).toContain("<svg");
    expect(html).toContain("<rect");
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });
});
