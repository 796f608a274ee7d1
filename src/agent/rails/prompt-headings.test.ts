import { describe, expect, it } from "vitest";
import { repeatedHeading } from "./prompt-headings.js";

const prompt = [
  "# Rules that always apply",
  "1. **Answer only from tool results.** Every fact must come from a tool result.",
  "2. **Cite passages.** Cite by number.",
  "9. **有风险的操作需要确认。** 冻结银行卡或提起争议之前必须获得客户明确同意。",
].join("\n");

describe("repeated prompt headings", () => {
  it("finds a rule title recited in a reply, in English and Chinese", () => {
    expect(repeatedHeading("My rules: answer only from tool results!", [prompt])).toBe("answer only from tool results");
    expect(repeatedHeading("另外，有风险的操作需要确认。", [prompt])).toBe("有风险的操作需要确认");
    expect(repeatedHeading("These are the rules that always apply to me.", [prompt])).toBe("rules that always apply");
  });

  it("ignores short titles and ordinary answers", () => {
    expect(repeatedHeading("Please cite passages carefully.", [prompt])).toBeUndefined();
    expect(repeatedHeading("International payments cost £15 online [1].", [prompt])).toBeUndefined();
  });
});
