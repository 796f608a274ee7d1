import { describe, expect, it } from "vitest";
import { adversarialInputs } from "../../../test/support/adversarial-text.js";
import { applyRails } from "./apply-rails.js";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import { testEvidence } from "./test-evidence.test-helpers.js";

const LENGTH = 2000;
// A 2,000-character reply of a thousand one-character lines is a thousand sentences, each checked by every rail: that
// is linear work, but more of it than one message costs a detector, so the budget is 100 ms and linearity is checked
// by doubling the length of the slowest inputs.
const BUDGET_MS = 100;
// Words that open the rails' own patterns, each followed by a long run they must reject without backtracking.
const RAIL_TRIGGERS = [
  "your ",
  "will ",
  "you will get ",
  "consider the ",
  "no chance of ",
  "i have ",
  "已经",
  "我们会",
  "给您",
  "百分之",
  "下午",
  "half past ",
  "Monday to ",
  "周一至",
  "[1, ",
  "[CARD_",
  "between ",
  "1 to ",
];
const BODIES = [" ", "a ", "1 ", "1", "一", ",", "-", "£1", "9:"];

function railInputs(): { label: string; text: string }[] {
  return RAIL_TRIGGERS.flatMap((t) =>
    BODIES.map((b) => ({ label: `${t}+${b}`, text: (t + b.repeat(LENGTH)).slice(0, LENGTH) })),
  );
}

/** The smaller of wall and CPU time of the best of three runs: on a shared machine the wall clock measures the queue. */
function cost(run: () => void, enough = 0): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3 && best > enough; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    const used = process.cpuUsage(cpu);
    best = Math.min(best, performance.now() - start, (used.user + used.system) / 1000);
  }
  return best;
}

describe("rails on hostile text", () => {
  it(`check any 2,000-character reply within ${BUDGET_MS} ms, in time linear in its length`, () => {
    const caches = createEvidenceCaches();
    const prepared = [
      prepareEvidence(testEvidence(), caches),
      prepareEvidence(testEvidence({ locale: "zh-CN" }), caches),
    ];
    const slow: string[] = [];
    const costs: { label: string; ms: number; text: string; p: (typeof prepared)[number] }[] = [];
    for (const input of [...adversarialInputs(LENGTH), ...railInputs()]) {
      for (const p of prepared) {
        const ms = cost(() => applyRails(input.text, p), BUDGET_MS);
        costs.push({ label: `${input.label} (${p.locale})`, ms, text: input.text, p });
        if (ms > BUDGET_MS) slow.push(`${input.label} (${p.locale}): ${ms.toFixed(0)} ms`);
      }
    }
    expect(slow).toEqual([]);
    // Twice the text costs about twice the time: a super-linear pattern would cost four times as much or more.
    const worst = costs.sort((a, b) => b.ms - a.ms).slice(0, 8);
    const superLinear = worst.flatMap(({ label, text, p }) => {
      const single = cost(() => applyRails(text, p));
      const doubled = cost(() => applyRails(text + text, p));
      return doubled > 3.5 * single + 10 ? [`${label}: ${single.toFixed(0)} ms, doubled ${doubled.toFixed(0)} ms`] : [];
    });
    expect(superLinear).toEqual([]);
  });
});
