import { describe, expect, it } from "vitest";
import { computeFeatureMatrix, type FeatureLog } from "./batch-features.js";
import { F, FEATURE_COUNT, FRAUD_FEATURES } from "./fraud-features.js";
import { createOnlineFeatureState } from "./online-feature-state.js";
import { simulateTransactions } from "./simulate-transactions.js";

const DAY = 86_400;
const START = Date.UTC(2024, 0, 1) / 1000;

function logOf(rows: { day: number; customer: number; terminal: number; amount: number; fraud: number }[]): FeatureLog {
  return {
    length: rows.length,
    epoch: rows.map((r) => START + r.day * DAY),
    customer: rows.map((r) => r.customer),
    terminal: rows.map((r) => r.terminal),
    amount: rows.map((r) => r.amount),
    fraudLabel: rows.map((r) => r.fraud),
  };
}
const locations = { x: [10, 20, 30, 90], y: [10, 20, 30, 90] };

describe("terminal risk features", () => {
  it("ignore frauds reported within the 7-day label delay", () => {
    // terminal 2 had frauds 3 days ago: the bank cannot know yet, so the risk must read 0
    const log = logOf([
      { day: 0, customer: 1, terminal: 2, amount: 10, fraud: 1 },
      { day: 1, customer: 2, terminal: 2, amount: 10, fraud: 1 },
      { day: 3, customer: 3, terminal: 2, amount: 10, fraud: 0 },
    ]);
    const X = computeFeatureMatrix(log, locations);
    const row = 2 * FEATURE_COUNT;
    expect(X[row + F.TERMINAL_ID_RISK_1DAY_WINDOW]).toBe(0);
    expect(X[row + F.TERMINAL_ID_RISK_7DAY_WINDOW]).toBe(0);
    expect(X[row + F.TERMINAL_ID_RISK_30DAY_WINDOW]).toBe(0);
    expect(X[row + F.TERMINAL_ID_NB_TX_30DAY_WINDOW]).toBe(0);
    // without the delay the same frauds would leak into the features
    const leaky = computeFeatureMatrix(log, locations, { delayDays: 0 });
    expect(leaky[row + F.TERMINAL_ID_RISK_7DAY_WINDOW]).toBeGreaterThan(0);
  });

  it("count frauds once they are older than the delay, in the window (t-7-w, t-7]", () => {
    const log = logOf([
      { day: 0, customer: 1, terminal: 2, amount: 10, fraud: 1 },
      { day: 2, customer: 2, terminal: 2, amount: 10, fraud: 0 },
      { day: 10, customer: 3, terminal: 2, amount: 10, fraud: 0 },
    ]);
    const X = computeFeatureMatrix(log, locations);
    const row = 2 * FEATURE_COUNT;
    expect(X[row + F.TERMINAL_ID_NB_TX_7DAY_WINDOW]).toBe(2);
    expect(X[row + F.TERMINAL_ID_RISK_7DAY_WINDOW]).toBeCloseTo(0.5);
    expect(X[row + F.TERMINAL_ID_NB_TX_1DAY_WINDOW]).toBe(0);
  });
});

describe("customer features", () => {
  it("compare the amount with the customer's earlier 30-day average and flag new merchants far from home", () => {
    const log = logOf([
      { day: 0, customer: 1, terminal: 0, amount: 20, fraud: 0 },
      { day: 1, customer: 1, terminal: 0, amount: 40, fraud: 0 },
      { day: 2, customer: 1, terminal: 3, amount: 186, fraud: 0 },
    ]);
    const X = computeFeatureMatrix(log, locations);
    const row = 2 * FEATURE_COUNT;
    expect(X[row + F.AMOUNT_TO_CUSTOMER_AVG_30D]).toBeCloseTo(6.2, 5);
    expect(X[row + F.NEW_TERMINAL_30D]).toBe(1);
    expect(X[row + F.DISTANCE_FROM_USUAL_AREA]).toBeCloseTo(Math.hypot(80, 80), 3);
    expect(X[row + F.CUSTOMER_ID_NB_TX_7DAY_WINDOW]).toBe(3);
    expect(X[FEATURE_COUNT + F.NEW_TERMINAL_30D]).toBe(0);
  });
});

describe("online and batch features", () => {
  it("agree on every feature of every transaction", () => {
    const ds = simulateTransactions({
      seed: 11,
      customers: 150,
      terminals: 300,
      days: 60,
      mapSize: 100 * Math.sqrt(0.03),
      cardTestingPerDay: 20,
      accountTakeoversPerDay: 20,
    });
    const n = ds.tx.length;
    const epoch = Array.from(ds.tx.time, (t) => ds.startEpoch + t);
    const locs = { x: ds.terminalX, y: ds.terminalY };
    const X = computeFeatureMatrix(
      {
        length: n,
        epoch,
        customer: ds.tx.customer,
        terminal: ds.tx.terminal,
        amount: ds.tx.amount,
        fraudLabel: ds.tx.fraud,
      },
      locs,
    );
    const state = createOnlineFeatureState({ locations: locs });
    const out = new Float32Array(FEATURE_COUNT);
    let worst = 0;
    let worstName = "";
    for (let i = 0; i < n; i++) {
      const tx = {
        epoch: epoch[i] as number,
        customer: ds.tx.customer[i] as number,
        terminal: ds.tx.terminal[i] as number,
        amount: ds.tx.amount[i] as number,
      };
      state.featurise(tx, out);
      for (let j = 0; j < FEATURE_COUNT; j++) {
        const d =
          Math.abs((out[j] as number) - (X[i * FEATURE_COUNT + j] as number)) / Math.max(1, Math.abs(out[j] as number));
        if (d > worst) [worst, worstName] = [d, FRAUD_FEATURES[j] as string];
      }
      state.add(tx, ds.tx.fraud[i] as number);
    }
    expect(n).toBeGreaterThan(5000);
    expect(worst, worstName).toBeLessThan(1e-5);
  });

  it("featurises one new transaction from running state in well under a millisecond", () => {
    const ds = simulateTransactions({
      seed: 5,
      customers: 500,
      terminals: 1000,
      days: 40,
      mapSize: 100 * Math.sqrt(0.1),
    });
    const state = createOnlineFeatureState({ locations: { x: ds.terminalX, y: ds.terminalY } });
    for (let i = 0; i < ds.tx.length; i++)
      state.add(
        {
          epoch: ds.startEpoch + (ds.tx.time[i] as number),
          customer: ds.tx.customer[i] as number,
          terminal: ds.tx.terminal[i] as number,
          amount: ds.tx.amount[i] as number,
        },
        ds.tx.fraud[i] as number,
      );
    const out = new Float32Array(FEATURE_COUNT);
    const t0 = performance.now();
    const reps = 2000;
    for (let k = 0; k < reps; k++)
      state.featurise({ epoch: ds.startEpoch + 40 * DAY, customer: k % 500, terminal: k % 1000, amount: 42 }, out);
    expect((performance.now() - t0) / reps).toBeLessThan(0.2);
  });
});
