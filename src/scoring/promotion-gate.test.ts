import { describe, expect, it } from "vitest";
import { decidePromotion, flattenMetrics, type EvaluationSet, type GatePolicy } from "./promotion-gate.js";

const policy: GatePolicy = { target: { name: "auc", tolerance: 0.005 }, guards: [{ name: "ks", tolerance: 0.02 }] };
const set = (name: string, champion: Record<string, number>, challenger: Record<string, number>, n = 100) =>
  ({ name, n, champion, challenger }) satisfies EvaluationSet;

describe("promotion gate", () => {
  it("promotes a challenger better on the target and no worse on the guards", () => {
    const d = decidePromotion(policy, [
      set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.8, ks: 0.41 }),
      set("recent", { auc: 0.75, ks: 0.38 }, { auc: 0.76, ks: 0.38 }),
    ]);
    expect(d.promote).toBe(true);
    expect(d.reason).toMatch(/^promoted: held_out auc 0.7800 → 0.8000/);
  });

  it("refuses a deliberately worse challenger and says why", () => {
    const d = decidePromotion(policy, [set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.7, ks: 0.3 })]);
    expect(d.promote).toBe(false);
    expect(d.failures.join("\n")).toMatch(/held_out ks 0.3000 is worse than the champion's 0.4000 by more than 0.02/);
    expect(d.failures.join("\n")).toMatch(/not better than the champion's/);
  });

  it("refuses a challenger that only ties on the target (it must be strictly better)", () => {
    const d = decidePromotion(policy, [set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.78, ks: 0.4 })]);
    expect(d.promote).toBe(false);
  });

  it("lets a guard slip within its tolerance but not beyond it", () => {
    const within = decidePromotion(policy, [set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.79, ks: 0.385 })]);
    const beyond = decidePromotion(policy, [set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.79, ks: 0.37 })]);
    expect(within.promote).toBe(true);
    expect(beyond.promote).toBe(false);
  });

  it("refuses when the recent window got worse beyond tolerance even if held-out improved", () => {
    const d = decidePromotion(policy, [
      set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.8, ks: 0.4 }),
      set("recent", { auc: 0.78, ks: 0.4 }, { auc: 0.74, ks: 0.4 }),
    ]);
    expect(d.promote).toBe(false);
    expect(d.failures[0]).toMatch(/^recent auc/);
  });

  it("skips an empty recent window and metrics undefined for the champion", () => {
    const d = decidePromotion(policy, [
      set("held_out", { auc: 0.78, ks: Number.NaN }, { auc: 0.8, ks: 0.1 }),
      set("recent", { auc: Number.NaN, ks: Number.NaN }, { auc: Number.NaN, ks: Number.NaN }, 0),
    ]);
    expect(d.promote).toBe(true);
  });

  it("refuses when the held-out set is empty or a hard constraint is broken", () => {
    expect(decidePromotion(policy, [set("held_out", {}, {}, 0)]).promote).toBe(false);
    const d = decidePromotion(
      policy,
      [set("held_out", { auc: 0.78, ks: 0.4 }, { auc: 0.8, ks: 0.4 })],
      ["the challenger uses protected attributes: age"],
    );
    expect(d.promote).toBe(false);
    expect(d.reason).toMatch(/protected attributes: age/);
  });

  it("flattens metrics into set.role.metric keys with nulls for undefined values", () => {
    expect(flattenMetrics([set("held_out", { auc: 0.123456 }, { auc: Number.NaN }, 5)])).toEqual({
      "held_out.n": 5,
      "held_out.champion.auc": 0.1235,
      "held_out.challenger.auc": null,
    });
  });
});
