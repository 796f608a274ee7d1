// Linear-time text handling (issue 13): every detector and extractor that reads customer text answers a 2,000-character
// adversarial message within 50 ms. The same attack over HTTP is tested in chat-api.test.ts, which already has an app.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadIntentCatalogue } from "../src/router/intent-catalogue.js";
import { createIntentRouter } from "../src/router/intent-router.js";
import { trainRouter } from "../src/router/router-model.js";
import { createFixedClock } from "../src/shared/clock.js";
import { adversarialInputs, CHARACTER_CLASSES, CHARACTER_PAIRS } from "./support/adversarial-text.js";
import { textDetectors, type TextDetector } from "./support/text-detectors.js";

const LENGTH = 2000;
const BUDGET_MS = 50;
// Best of three absorbs scheduler noise on a shared machine; a run this slow is the algorithm, not noise.
const ATTEMPTS = 3;
const HOPELESS_MS = 1000;

/**
 * One run's cost: the smaller of wall time and this process's CPU time. On a machine shared by many test workers the
 * wall clock mostly measures the run queue; CPU time measures the work, and a backtracking regex is all CPU.
 */
function costOfRun(detector: TextDetector, text: string): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  detector.run(text);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return Math.min(wallMs, (used.user + used.system) / 1000);
}

function bestOfRuns(detector: TextDetector, text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ATTEMPTS; i++) {
    const ms = costOfRun(detector, text);
    best = Math.min(best, ms);
    if (best <= BUDGET_MS || ms >= HOPELESS_MS) break;
  }
  return best;
}

const inputs = adversarialInputs(LENGTH);
const catalogue = loadIntentCatalogue(join(import.meta.dirname, "fixtures/intents"));
if (!catalogue.ok) throw new Error(catalogue.error);
const router = createIntentRouter({
  model: trainRouter(catalogue.value, { now: new Date("2026-03-18T00:00:00Z") }),
  clock: createFixedClock("2026-03-18T10:00:00Z"),
});

describe("adversarial inputs", () => {
  it("cover every character class and pair, each as a 2,000-character message", () => {
    expect(inputs.length).toBeGreaterThan(2 * (CHARACTER_CLASSES.length + CHARACTER_PAIRS.length));
    for (const unit of ["一", "万", "一万", "1 ", "1-", "a@", "+4", "１", "£", "¥", " ", "."]) {
      expect(inputs.some((i) => i.label.startsWith(JSON.stringify(unit)))).toBe(true);
    }
    expect(inputs.every((i) => i.text.length === LENGTH)).toBe(true);
  });
});

describe.each(textDetectors(router))("$name", (detector) => {
  it(`reads every adversarial ${LENGTH}-character message within ${BUDGET_MS} ms`, () => {
    const slow: string[] = [];
    for (const input of inputs) {
      const ms = bestOfRuns(detector, input.text);
      if (ms > BUDGET_MS) slow.push(`${input.label}: ${ms.toFixed(0)} ms`);
      // One hopeless input proves the point; timing the rest would only hold up the suite.
      if (ms >= HOPELESS_MS) break;
    }
    expect(slow).toEqual([]);
  });
});
