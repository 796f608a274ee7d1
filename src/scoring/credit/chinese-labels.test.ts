import { describe, expect, it } from "vitest";
import {
  CurrentAccountStatusSchema,
  EmploymentTypeSchema,
  HousingSchema,
  LoanPurposeSchema,
} from "./applicant-schema.js";
import { trainNativeScorecard } from "./default-scorecard.js";
import { NATIVE_FEATURES } from "./native-features.js";
import { describeBin, reasonText, type ReasonDirection } from "./reason-texts.js";
import { generateApplicantBook } from "./synthetic-book.js";

// Staff read the points table in Chinese: every characteristic, bin and reason must hold no English word.
const LATIN_WORD = /[A-Za-z]{2,}/;

const { scorecard } = trainNativeScorecard(generateApplicantBook({ size: 3000, seed: 11 }), {
  seed: 11,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("Chinese labels of the credit scorecard", () => {
  it("labels every characteristic of the trained scorecard in Chinese", () => {
    for (const feature of scorecard.features) {
      expect(feature.label["zh-CN"], feature.name).toMatch(/[\u4e00-\u9fff]/);
      expect(feature.label["zh-CN"], feature.name).not.toMatch(LATIN_WORD);
    }
  });

  it("describes every bin of every characteristic without an English word", () => {
    for (const feature of scorecard.features) {
      for (const bin of feature.bins) {
        expect(describeBin(bin, feature, "zh-CN"), `${feature.name} ${JSON.stringify(bin)}`).not.toMatch(LATIN_WORD);
      }
    }
  });

  it("has a Chinese name for every category an applicant can have", () => {
    const categories: Record<string, readonly string[]> = {
      employmentType: EmploymentTypeSchema.options,
      housing: HousingSchema.options,
      currentAccountStatus: CurrentAccountStatusSchema.options,
      purpose: LoanPurposeSchema.options,
    };
    for (const [name, values] of Object.entries(categories)) {
      const feature = NATIVE_FEATURES.find((f) => f.name === name);
      for (const value of values) {
        const zh = feature?.categoryLabels?.[value]?.["zh-CN"];
        expect(zh, `${name}.${value}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("words every reason in Chinese without an English word", () => {
    const directions: ReasonDirection[] = ["high", "low", "missing", "category"];
    for (const feature of scorecard.features) {
      const sample = feature.kind === "categorical" ? Object.keys(feature.categoryLabels ?? {})[0] : 12;
      for (const direction of directions) {
        expect(reasonText(feature, direction, sample)["zh-CN"], `${feature.name} ${direction}`).not.toMatch(LATIN_WORD);
      }
    }
  });
});
