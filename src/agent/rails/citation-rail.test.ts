import { describe, expect, it } from "vitest";
import { checkCitations } from "./citation-rail.js";

const ids = new Set([1, 2, 3]);

describe("citation rail", () => {
  it("keeps markers that cite this turn's passages", () => {
    expect(checkCitations("It costs £15 [1][2].", ids)).toEqual({
      text: "It costs £15 [1][2].",
      cited: [1, 2],
      dropped: 0,
    });
  });

  it("removes markers whose passage was not given, with the space before them", () => {
    expect(checkCitations("It costs £15 [7]. Done【9】", ids)).toEqual({
      text: "It costs £15. Done",
      cited: [],
      dropped: 2,
    });
  });

  it("drops the unknown ids of a list or range and keeps the rest", () => {
    expect(checkCitations("See [1, 7] and [2-5] and 【3，8】.", ids).text).toBe("See [1] and [2, 3] and 【3】.");
  });

  it("leaves vault placeholders and other brackets alone", () => {
    expect(checkCitations("Your [CARD_1] (see [a]).", ids).text).toBe("Your [CARD_1] (see [a]).");
  });
});
