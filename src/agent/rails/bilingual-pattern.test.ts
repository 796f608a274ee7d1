import { describe, expect, it } from "vitest";
import { bilingual, blankHits, findAll, matchesAny } from "./bilingual-pattern.js";

describe("bilingual patterns", () => {
  const pattern = bilingual(String.raw`\b(?:sure|certain)\b|肯定|一定(?!要)|\d ?%`);

  it("splits the English and Chinese alternatives and finds both in mixed text", () => {
    expect(pattern.en?.source).toBe(String.raw`\b(?:sure|certain)\b|\d ?%`);
    expect(pattern.zh?.source).toBe("肯定|一定(?!要)");
    expect(findAll(pattern, "肯定 sure 3%").map((h) => h.text)).toEqual(["肯定", "sure", "3%"]);
  });

  it("finds the same hits however often the shared regexes run, an empty match included", () => {
    const first = findAll(pattern, "肯定 sure 3% 肯定");
    expect(findAll(pattern, "肯定 sure 3% 肯定")).toEqual(first);
    expect(first.map((h) => h.start)).toEqual([0, 3, 8, 11]);
    expect(findAll(bilingual("x?"), "ab")).toHaveLength(3);
  });

  it("blanks hits in one pass, overlapping ones included, keeping every offset", () => {
    const text = "no doubt, not 不用担心";
    const out = blankHits(text, [
      { start: 0, end: 8 },
      { start: 3, end: 8 },
      { start: 14, end: 18 },
    ]);
    expect(out).toBe("________, not ____");
    expect(out).toHaveLength(text.length);
  });

  it("keeps alternatives inside groups and classes whole", () => {
    expect(bilingual("a(?:b|c)[|]|d").en?.source).toBe("a(?:b|c)[|]|d");
    expect(matchesAny(pattern, "一定要")).toBe(false);
  });
});
