import { describe, expect, it } from "vitest";
import { normaliseForMatching, normaliseText } from "./normalise-text.js";
import { contentTerms } from "./content-terms.js";
import { charGrams, hanGrams, wordGrams } from "./ngrams.js";
import { stemWord } from "./stem-word.js";
import { contentWords, hanRuns, tokeniseText } from "./tokenise-text.js";

describe("normalisation", () => {
  it("folds full-width forms, case and apostrophe variants", () => {
    expect(normaliseText("Ｃａｒｄ’s ＰＩＮ")).toBe("card's pin");
  });

  it("drops apostrophes and digit-group commas when matching meaning", () => {
    expect(normaliseForMatching("Don’t send １０,000 or 1,250,000")).toBe("dont send 10000 or 1250000");
  });
});

describe("tokeniser", () => {
  it("keeps every word as written in the surface form, contractions whole", () => {
    expect(tokeniseText("What's my 10,000 limit?", "surface").map((t) => t.text)).toEqual([
      "what's",
      "my",
      "10",
      "000",
      "limit",
    ]);
  });

  it("drops stop words and stems in the content form, keeping decimals whole", () => {
    expect(contentWords("I cancelled my cards at 6.9% APR")).toEqual(["cancel", "card", "6.9", "apr"]);
  });

  it("ends a Latin word where Chinese starts and cuts Chinese into words, dropping function words", () => {
    expect(tokeniseText("我的visa卡被冻结了", "content")).toEqual([
      { text: "visa", han: false },
      { text: "卡", han: true },
      { text: "冻结", han: true },
    ]);
    expect(hanRuns("我的visa卡")).toEqual(["我的", "卡"]);
  });

  it("keeps banking terms whole and every word in the surface form", () => {
    expect(tokeniseText("境外汇款手续费是多少？", "surface").map((t) => t.text)).toEqual([
      "境外汇款",
      "手续费",
      "是",
      "多少",
    ]);
    expect(tokeniseText("快速支付的收款人", "surface").map((t) => t.text)).toEqual(["快速支付", "的", "收款人"]);
  });

  it("meets inflections with one stemmer", () => {
    expect(["charge", "charges", "charged", "charging"].map(stemWord)).toEqual(["charg", "charg", "charg", "charg"]);
    expect(stemWord("2.99")).toBe("2.99");
  });
});

describe("n-grams", () => {
  it("drops Chinese n-grams made only of function characters when asked", () => {
    expect(hanGrams("我的卡", 2, true)).toEqual(["的卡"]);
    expect(hanGrams("我的卡", 2, false)).toEqual(["我的", "的卡"]);
  });

  it("marks word boundaries in character n-grams", () => {
    expect(charGrams("pin", 2, 3)).toEqual(["<p", "pi", "in", "n>", "<pi", "pin", "in>"]);
  });

  it("builds word n-grams up to the given length", () => {
    expect(wordGrams(["lost", "my", "card"], 2)).toEqual(["lost", "lost my", "my", "my card", "card"]);
  });

  it("gives search terms as stemmed words and Chinese words followed by their content characters", () => {
    expect(contentTerms("Lost cards 银行卡丢了")).toEqual(["lost", "card", "银行卡", "银", "行", "卡", "丢"]);
    expect(contentTerms("客服热线")).toEqual(["客服热线", "客", "服", "热", "线"]);
  });
});
