import { describe, expect, it } from "vitest";
import { expandSynonyms, foldSynonyms } from "./apply-synonyms.js";
import { SYNONYMS } from "./synonym-table.js";

describe("synonym table", () => {
  it("says where every entry came from and keeps its patterns stateless", () => {
    for (const e of SYNONYMS) {
      expect(e.from.length).toBeGreaterThan(0);
      expect(e.use.length).toBeGreaterThan(0);
      expect(e.written.global || e.written.sticky).toBe(false);
    }
  });

  it("keeps every entry of the four former tables", () => {
    const count = (from: string): number => SYNONYMS.filter((e) => e.from.includes(from as never)).length;
    expect([count("glossary"), count("slang"), count("zh-wording"), count("answer")]).toEqual([65, 9, 5, 5]);
  });
});

describe("expansion", () => {
  it("adds the English documents' words for Chinese wording and slang", () => {
    expect(expandSynonyms("信用卡被盗", "en")).toBe("信用卡被盗\nstolen credit card");
    expect(expandSynonyms("my card got nicked", "en")).toBe("my card got nicked\nstolen");
  });

  it("adds only the words the query lacks, and leaves it unchanged when nothing applies", () => {
    expect(expandSynonyms("汇款要多久", "zh")).toBe("汇款要多久");
    expect(expandSynonyms("转账要多久", "zh")).toBe("转账要多久\n汇款");
    expect(expandSynonyms("what is my balance", "en")).toBe("what is my balance");
  });
});

describe("folding", () => {
  it("folds interchangeable words onto one, in both languages", () => {
    expect(foldSynonyms("What are the CHARGES for sending abroad?")).toBe(
      "what are the fee for transfer international?",
    );
    expect(foldSynonyms("打款手续费")).toBe("汇款收费 费用");
  });
});
