import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trainNativeScorecard } from "../../scoring/credit/default-scorecard.js";
import { serialiseScorecard } from "../../scoring/credit/scorecard-artefact.js";
import { generateApplicantBook } from "../../scoring/credit/synthetic-book.js";
import { createModelRegistry } from "../../scoring/model-registry.js";
import { ok } from "../../shared/result.js";
import { createCreditRetrainer, SCORECARD_FAMILY, splitBook, type CreditFamily } from "./credit-retrainer.js";
import { GBT_FAMILY } from "./credit-gbt-family.js";
import { runRetrain } from "./run-retrain.js";

const book = generateApplicantBook({ size: 4000, seed: 3 });
const recent = generateApplicantBook({ size: 1000, seed: 4, riskShift: 0.15 });
// A weak champion: a scorecard fitted on only 400 applicants of another draw.
const weakText = serialiseScorecard(
  trainNativeScorecard(generateApplicantBook({ size: 400, seed: 5 }), { seed: 5, createdAt: "2026-01-01T00:00:00Z" })
    .scorecard,
);
const now = () => new Date("2026-12-01T12:00:00Z");

function setUp(families: readonly CreditFamily[] = [SCORECARD_FAMILY]) {
  const registry = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "credit-registry-")) });
  const retrainer = createCreditRetrainer({ baseline: () => ok(weakText), families, book, recent, now });
  return { registry, retrainer };
}

describe("credit retraining through the gate", () => {
  it("keeps a fixed held-out quarter out of training", () => {
    const a = splitBook(book);
    const b = splitBook(book);
    expect(a.heldOut).toHaveLength(1000);
    expect(a.heldOut).toEqual(b.heldOut);
    expect(a.train.some((e) => a.heldOut.includes(e))).toBe(false);
  });

  it("promotes a challenger with a better held-out AUC, then refuses a deliberately worse one", () => {
    const { registry, retrainer } = setUp();
    const better = runRetrain(registry, "credit", retrainer, { actor: "test" });
    if (!better.ok) throw new Error(better.error);
    expect(better.value.promoted).toBe(true);
    expect(better.value.metrics["held_out.challenger.auc"]).toBeGreaterThan(
      better.value.metrics["held_out.champion.auc"] ?? 1,
    );
    const worse = runRetrain(registry, "credit", retrainer, { actor: "test", forceWorse: true });
    if (!worse.ok) throw new Error(worse.error);
    expect(worse.value).toMatchObject({ champion: better.value.challenger, promoted: false });
    expect(registry.rollback("credit", { actor: "test", reason: "drill" })).toMatchObject({
      value: { to: better.value.champion },
    });
    expect(registry.history("credit").map((h) => h.action)).toEqual(["promote", "promote", "refuse", "rollback"]);
  }, 60_000);

  it("refuses a challenger that uses a protected attribute however good it is", () => {
    const leaky: CreditFamily = {
      name: "leaky",
      train: (entries, options) => SCORECARD_FAMILY.train(entries, options),
      load: (text) => {
        const r = SCORECARD_FAMILY.load(text);
        return r.ok && text !== weakText ? ok({ ...r.value, inputs: [...r.value.inputs, "age"] }) : r;
      },
    };
    const { registry, retrainer } = setUp([leaky]);
    const r = runRetrain(registry, "credit", retrainer, { actor: "test" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.promoted).toBe(false);
    expect(r.value.reason).toMatch(/protected attributes: age/);
  }, 60_000);

  it("trains the boosted-trees challenger, judges it against a scorecard champion and stores it readable", () => {
    const { registry, retrainer } = setUp([GBT_FAMILY, SCORECARD_FAMILY]);
    const r = runRetrain(registry, "credit", retrainer, { actor: "test" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.promoted).toBe(true);
    const stored = registry.read("credit", r.value.challenger);
    expect(stored.ok && GBT_FAMILY.load(stored.value).ok).toBe(true);
  }, 60_000);
});
