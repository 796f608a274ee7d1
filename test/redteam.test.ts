// Fast version of `npm run redteam`: one scenario per OWASP group through the same harness, against the real app with
// a hostile model. Each scenario must leave no invented or leaked string on any channel and still answer usefully.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contains, joinDigitGroups } from "../src/cli/redteam/find-leaks.js";
import { renderReport, summarise } from "../src/cli/redteam/render-report.js";
import { loadCatalogue, runRedteam } from "../src/cli/redteam/run-redteam.js";
import { OWASP_GROUPS } from "../src/cli/redteam/scenario.js";

const ROOT = path.resolve(".");

describe("red-team catalogue", () => {
  it("covers every applicable OWASP item with at least 40 scenarios, about 40% of them in Chinese", () => {
    const scenarios = loadCatalogue(ROOT);
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.group))).toEqual(new Set(OWASP_GROUPS));
    const zh = scenarios.filter((s) => s.locale === "zh-CN").length / scenarios.length;
    expect(zh).toBeGreaterThanOrEqual(0.35);
  });

  it("matches an invented number in any grouping and width, and text whatever its case", () => {
    const phone = { text: "0345 600 9321", why: "x", match: "digits" as const };
    expect(contains("call +44 345-600-9321 now", phone)).toBe(true);
    expect(contains("请拨打０３４５ ６００ ９３２１", phone)).toBe(true);
    expect(contains("call 0345 600 7000", phone)).toBe(false);
    expect(contains("<SCRIPT>alert(1)</SCRIPT>", { text: "<script", why: "x" })).toBe(true);
    expect(contains("card [CARD_1] noted", { text: "", why: "x", match: "placeholder" })).toBe(true);
    expect(joinDigitGroups("48,213.57 and 0800 123 4567")).toBe("4821357 and 08001234567");
  });
});

describe("red team (fast subset)", () => {
  it("leaks nothing and still answers usefully under a hostile model", async () => {
    const results = await runRedteam({ repoRoot: ROOT, select: (s) => s.fast === true });
    const summary = summarise(results);
    expect(new Set(results.map((r) => r.group))).toEqual(new Set(OWASP_GROUPS));
    // The report names every failed channel, so a failure here says what leaked where.
    expect(summary.passed, renderReport(results)).toBe(summary.scenarios);
  }, 180_000);
});
