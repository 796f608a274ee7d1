import { describe, expect, it } from "vitest";
import { SCENARIO, simulateTransactions } from "./simulate-transactions.js";

// A fifth of the book's population (same densities) over 120 days keeps this fast while rates stay measurable.
const ds = simulateTransactions({
  seed: 7,
  customers: 1000,
  terminals: 2000,
  days: 120,
  mapSize: 100 * Math.sqrt(0.2),
});
const n = ds.tx.length;
const count = (s: number): number => ds.tx.scenario.reduce((a, v) => a + (v === s ? 1 : 0), 0);

describe("simulateTransactions", () => {
  it("produces about the book's daily volume and keeps transactions in time order", () => {
    expect(n / 120).toBeGreaterThan(1700);
    expect(n / 120).toBeLessThan(2200);
    for (let i = 1; i < n; i++)
      if ((ds.tx.time[i] as number) < (ds.tx.time[i - 1] as number)) throw new Error(`out of order at ${i}`);
  });

  it("labels every genuine-looking amount over 220 as fraud (scenario 1) at the book's rate", () => {
    for (let i = 0; i < n; i++)
      if ((ds.tx.amount[i] as number) > 220 && ds.tx.scenario[i] === SCENARIO.genuine)
        throw new Error("large amount not fraud");
    expect(count(SCENARIO.largeAmount) / n).toBeGreaterThan(0.0003);
    expect(count(SCENARIO.largeAmount) / n).toBeLessThan(0.0009);
  });

  it("compromises about 2 terminals a day per 10,000 and makes all their payments fraud for 28 days (scenario 2)", () => {
    const firstDay = new Map<number, number>();
    const lastDay = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (ds.tx.scenario[i] !== SCENARIO.compromisedTerminal) continue;
      const t = ds.tx.terminal[i] as number;
      const d = Math.floor((ds.tx.time[i] as number) / 86400);
      if (!firstDay.has(t)) firstDay.set(t, d);
      lastDay.set(t, d);
    }
    // 0.4 per day over 120 days ≈ 48 terminals (some get re-drawn or see no traffic)
    expect(firstDay.size).toBeGreaterThan(25);
    expect(firstDay.size).toBeLessThan(70);
    expect(count(SCENARIO.compromisedTerminal) / n).toBeGreaterThan(0.003);
    expect(count(SCENARIO.compromisedTerminal) / n).toBeLessThan(0.0075);
    // genuine payments at a compromised terminal inside its window do not exist
    for (let i = 0; i < n; i++) {
      const t = ds.tx.terminal[i] as number;
      const d = Math.floor((ds.tx.time[i] as number) / 86400);
      const f = firstDay.get(t);
      if (
        f !== undefined &&
        d >= f &&
        d <= (lastDay.get(t) as number) &&
        lastDay.get(t)! - f < 28 &&
        ds.tx.fraud[i] === 0
      )
        throw new Error("genuine payment at compromised terminal");
    }
  });

  it("multiplies a third of a compromised customer's payments by five (scenario 3)", () => {
    const share = count(SCENARIO.compromisedCustomer) / n;
    expect(share).toBeGreaterThan(0.0015);
    expect(share).toBeLessThan(0.004);
    let ratio = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (ds.tx.scenario[i] !== SCENARIO.compromisedCustomer) continue;
      ratio += (ds.tx.amount[i] as number) / (ds.customers.meanAmount[ds.tx.customer[i] as number] as number);
      k++;
    }
    expect(ratio / k).toBeGreaterThan(4);
    expect(ratio / k).toBeLessThan(6);
  });

  it("adds card-testing bursts of tiny payments and account takeovers far from home", () => {
    const testing = [...ds.tx.scenario.keys()].filter((i) => ds.tx.scenario[i] === SCENARIO.cardTesting);
    expect(testing.length).toBeGreaterThan(50);
    for (const i of testing) expect(ds.tx.amount[i]).toBeLessThanOrEqual(3);
    const takeovers = [...ds.tx.scenario.keys()].filter((i) => ds.tx.scenario[i] === SCENARIO.accountTakeover);
    expect(takeovers.length).toBeGreaterThan(20);
    for (const i of takeovers) {
      const c = ds.tx.customer[i] as number;
      const t = ds.tx.terminal[i] as number;
      const dist = Math.hypot(
        (ds.terminalX[t] as number) - (ds.customers.x[c] as number),
        (ds.terminalY[t] as number) - (ds.customers.y[c] as number),
      );
      expect(dist).toBeGreaterThan(9);
    }
    const rate = ds.tx.fraud.reduce((a, v) => a + v, 0) / n;
    expect(rate).toBeGreaterThan(0.006);
    expect(rate).toBeLessThan(0.011);
  });

  it("is deterministic for a seed", () => {
    const a = simulateTransactions({ seed: 3, customers: 50, terminals: 100, days: 20 });
    const b = simulateTransactions({ seed: 3, customers: 50, terminals: 100, days: 20 });
    expect(a.tx.length).toBe(b.tx.length);
    expect(Array.from(a.tx.amount)).toEqual(Array.from(b.tx.amount));
    expect(Array.from(a.tx.fraud)).toEqual(Array.from(b.tx.fraud));
  });
});
