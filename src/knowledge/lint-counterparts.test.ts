import { describe, expect, it } from "vitest";
import type { KnowledgeDocument } from "./knowledge-schemas.js";
import { lintCounterparts } from "./lint-counterparts.js";
import { parseKnowledgeDocument } from "./parse-document.js";

function doc(path: string, frontMatter: string, body: string): KnowledgeDocument {
  const parsed = parseKnowledgeDocument(`---\n${frontMatter}\n---\n\n${body}\n`, path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const EN_META = 'id: fees\ntitle: Fees\nlocale: en\nproduct: fees\nversion: "2026.1"\neffective_from: 2026-01-01';
const ZH_META = 'id: zh-fees\ntitle: 收费\nlocale: zh-CN\nproduct: fees\nversion: "2026.1"\neffective_from: 2026-01-01\ncounterpart: fees';
const en = doc("en/fees.md", EN_META, "# Fees\n\nA SWIFT payment costs £15 and arrives in 1–4 working days. Call 0345 600 7000, 8am–8pm.");

describe("lintCounterparts", () => {
  it("accepts a translation that states the same facts with the same dates", () => {
    const zh = doc("zh-CN/zh-fees.md", ZH_META, "# 收费\n\nSWIFT汇款每笔£15，1至4个工作日到账。请于8:00至20:00致电0345 600 7000。");
    expect(lintCounterparts([en, zh])).toEqual({ english: 1, pairs: 1, problems: [] });
  });

  it("reports a changed figure both ways and a different version", () => {
    const zh = doc(
      "zh-CN/zh-fees.md",
      ZH_META.replace('"2026.1"', '"2025.2"'),
      "# 收费\n\nSWIFT汇款每笔£20，1至4个工作日到账。请于8:00至20:00致电0345 600 7000。",
    );
    const problems = lintCounterparts([en, zh]).problems.map((p) => p.problem);
    expect(problems).toContainEqual(expect.stringMatching(/^version is 2025.2/));
    expect(problems).toContainEqual("missing facts of fees: money:£15");
    expect(problems).toContainEqual("facts not in fees: money:£20");
  });

  it("reports an English document without a counterpart and a counterpart naming nothing", () => {
    const stray = doc("zh-CN/zh-other.md", ZH_META.replace("id: zh-fees", "id: zh-other").replace("counterpart: fees", "counterpart: nothing"), "# 其他");
    const report = lintCounterparts([en, stray]);
    expect(report.problems).toEqual([
      { path: "zh-CN/zh-other.md", problem: "counterpart nothing is not an English document" },
      { path: "en/fees.md", problem: "no zh-CN counterpart" },
    ]);
  });
});
