import { describe, expect, it } from "vitest";
import { ensureBank } from "../../bank/ensure-bank.js";
import { createModelRegistry } from "../../scoring/model-registry.js";
import { ok } from "../../shared/result.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFraudRetrainer } from "./fraud-retrainer.js";
import { runRetrain } from "./run-retrain.js";

describe("fraud retraining through the gate", () => {
  it("refuses a deliberately worse challenger on the held-out tail and keeps today's model as champion", () => {
    const bank = ensureBank({ dbPath: ":memory:", seed: 3, customers: 150, today: "2026-06-01", days: 60 });
    try {
      const registry = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "fraud-registry-")) });
      const retrainer = createFraudRetrainer({ store: bank.store, baseline: () => ok(JSON.stringify(bank.model)) });
      const r = runRetrain(registry, "fraud", retrainer, { actor: "test", forceWorse: true });
      if (!r.ok) throw new Error(r.error);
      expect(r.value.promoted).toBe(false);
      expect(r.value.metrics["held_out.n"]).toBeGreaterThan(0);
      expect(r.value.metrics["held_out.challenger.auc"]).toBeLessThan(r.value.metrics["held_out.champion.auc"] ?? 0);
      expect(registry.champion("fraud")).toMatchObject({ value: { version: r.value.champion } });
      expect(registry.history("fraud").map((h) => h.action)).toEqual(["promote", "refuse"]);
    } finally {
      bank.store.close();
    }
  }, 120_000);
});
