// Seeds a deterministic synthetic bank: simulated card histories, people, accounts, cards, merchants, the demo
// customers (demo1 with a recent payment the real model flags), a trained fraud model and stored assessments.
import { createRng, seedFromString } from "../shared/random.js";
import { computeFeatureMatrix } from "../scoring/fraud/batch-features.js";
import { DEFAULT_LABEL_DELAY_DAYS, FEATURE_COUNT } from "../scoring/fraud/fraud-features.js";
import { featuriseSimulation } from "../scoring/fraud/featurise-simulation.js";
import { createFraudScorer } from "../scoring/fraud/fraud-scorer.js";
import type { FraudModelArtefact } from "../scoring/fraud/fraud-model-artefact.js";
import {
  simulateTransactions,
  type SimulatedDataset,
  type TransactionColumns,
} from "../scoring/fraud/simulate-transactions.js";
import { defaultValidationFolds, trainFraudModel, type FraudCandidate } from "../scoring/fraud/train-fraud-model.js";
import type { Account, Card, Customer, FraudAssessment, Merchant, Transaction } from "./bank-schemas.js";
import type { BankImport, BankStore } from "./bank-store.js";
import { makeMerchant, makePerson, regionOf } from "./synthetic-identities.js";

/** Quick candidates for start-up training (the full grid is for train:fraud and eval:fraud). */
export const SEED_CANDIDATES: FraudCandidate[] = [
  { name: "logistic C=1", kind: "logistic", C: 1 },
  { name: "gbdt 100 trees/lr 0.1/depth 3", kind: "gbdt", gbdt: { trees: 100, learningRate: 0.1, maxDepth: 3 } },
];

/** Options of a seeding run. */
export interface SeedBankOptions {
  store: BankStore;
  seed: number;
  customers: number;
  days?: number;
  /** "Today" as YYYY-MM-DD: the simulated history ends the day before. */
  today: string;
  /** A model to score with; trained on simulated history when absent. */
  model?: FraudModelArtefact;
  makeCreditProfile?: (customer: Customer) => unknown;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** What a seeding run produced. */
export interface SeedBankResult {
  customers: number;
  transactions: number;
  flagged: number;
  model: FraudModelArtefact;
  demo1FlaggedTransactionId: string;
  seconds: number;
}

/** Fixed demo customers present in every seeded bank. */
export const DEMO_CUSTOMERS = {
  demo1: { name: "Alex Morgan", locale: "en", last4: "4821" },
  demo2: { name: "李伟", locale: "zh-CN", last4: "7316" },
} as const;

/** Seeds an empty store deterministically from the seed (same seed, customers, days and today → same bank). */
export function seedBank(options: SeedBankOptions): SeedBankResult {
  const t0 = performance.now();
  const days = options.days ?? 183;
  const todayEpoch = Date.parse(`${options.today}T00:00:00Z`) / 1000;
  if (!Number.isFinite(todayEpoch)) throw new Error(`seedBank: today must be YYYY-MM-DD, got ${options.today}`);
  const startDate = new Date((todayEpoch - days * 86_400) * 1000).toISOString().slice(0, 10);
  const nC = options.customers;
  const nT = Math.max(20, 2 * nC);
  const progress = options.onProgress ?? (() => {});
  const ds = simulateTransactions(
    { seed: options.seed, customers: nC, terminals: nT, days, startDate, mapSize: mapSizeFor(nT) },
    (d) => progress("simulate", d + 1, days),
  );
  const [demo1, demo2] = pickDemoCustomers(ds);
  const injected = injectDemoPayment(ds, demo1, todayEpoch - 2 * 86_400 + 14 * 3600 + 23 * 60);
  const n = injected.tx.length;
  const epoch = new Float64Array(n);
  for (let i = 0; i < n; i++) epoch[i] = ds.startEpoch + (injected.tx.time[i] as number);
  const X = computeFeatureMatrix(
    {
      length: n,
      epoch,
      customer: injected.tx.customer,
      terminal: injected.tx.terminal,
      amount: injected.tx.amount,
      fraudLabel: injected.reported,
    },
    { x: ds.terminalX, y: ds.terminalY },
  );
  progress("features", 1, 1);
  const model = options.model ?? trainDefaultModel(ds, options.seed);
  progress("model", 1, 1);
  const scorer = createFraudScorer(model);
  const probs = scorer.probabilities(X, n);

  const rng = createRng(seedFromString(`${options.seed}:identities`));
  const custId = (c: number): string =>
    c === demo1 ? "demo1" : c === demo2 ? "demo2" : `c${String(c).padStart(6, "0")}`;
  const customers: (Customer & { creditProfile?: unknown })[] = [];
  const accounts: Account[] = [];
  const cards: Card[] = [];
  const usedLast4 = new Set<string>(["4821", "7316"]);
  for (let c = 0; c < nC; c++) {
    const person = makePerson(rng);
    const demo = c === demo1 ? DEMO_CUSTOMERS.demo1 : c === demo2 ? DEMO_CUSTOMERS.demo2 : undefined;
    const customer: Customer = {
      id: custId(c),
      ...person,
      ...(demo
        ? {
            name: demo.name,
            locale: demo.locale,
            employment: "employed" as const,
            monthlyIncome: c === demo1 ? 3200 : 2900,
          }
        : {}),
      region: regionOf(
        ((ds.customers.x[c] as number) * 100) / ds.config.mapSize,
        ((ds.customers.y[c] as number) * 100) / ds.config.mapSize,
      ),
    };
    const profile = options.makeCreditProfile?.(customer);
    customers.push(profile === undefined ? customer : { ...customer, creditProfile: profile });
    const sortCode = `20-${String(10 + rng.int(89))}-${String(10 + rng.int(89))}`;
    accounts.push({
      id: `acc-${customer.id}-1`,
      customerId: customer.id,
      type: "current",
      currency: "GBP",
      balance: Math.round(rng.uniform(50, 6000) * 100) / 100,
      sortCode,
      accountNumber: String(10_000_000 + rng.int(89_999_999)),
    });
    if (rng.next() < 0.4 || demo)
      accounts.push({
        id: `acc-${customer.id}-2`,
        customerId: customer.id,
        type: "savings",
        currency: "GBP",
        balance: Math.round(rng.uniform(100, 25_000) * 100) / 100,
        sortCode,
        accountNumber: String(10_000_000 + rng.int(89_999_999)),
      });
    let last4 = demo?.last4 ?? String(rng.int(10_000)).padStart(4, "0");
    while (!demo && usedLast4.has(last4) && usedLast4.size < 9000) last4 = String(rng.int(10_000)).padStart(4, "0");
    usedLast4.add(last4);
    const expiry = `${String(1 + rng.int(12)).padStart(2, "0")}/${String(27 + rng.int(4))}`;
    cards.push({
      id: `card-${customer.id}-1`,
      customerId: customer.id,
      accountId: `acc-${customer.id}-1`,
      last4,
      brand: rng.next() < 0.6 ? "visa" : "mastercard",
      status: "active",
      expiry,
    });
  }
  const merchants: Merchant[] = [];
  for (let t = 0; t < nT; t++) {
    const x = ds.terminalX[t] as number;
    const y = ds.terminalY[t] as number;
    merchants.push({
      id: `m${String(t).padStart(6, "0")}`,
      ...makeMerchant(rng, (x * 100) / ds.config.mapSize, (y * 100) / ds.config.mapSize),
      x,
      y,
    });
  }
  options.store.importRows({ customers, accounts, cards, merchants });

  let flagged = 0;
  let demoId = "";
  const chunk = 50_000;
  const row = new Float32Array(FEATURE_COUNT);
  for (let start = 0; start < n; start += chunk) {
    const txs: NonNullable<BankImport["transactions"]> = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const c = injected.tx.customer[i] as number;
      const t = injected.tx.terminal[i] as number;
      const m = merchants[t] as Merchant;
      const amount = injected.tx.amount[i] as number;
      const id = `tx-${String(i).padStart(8, "0")}`;
      row.set(X.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT));
      const p = probs[i] as number;
      const level = scorer.level(p, row);
      let assessment: Omit<FraudAssessment, "transactionId">;
      if (level === "none") assessment = { probability: p, level, reasons: [], modelVersion: model.modelVersion };
      else {
        const s = scorer.score(row);
        assessment = {
          probability: s.probability,
          level: s.level,
          reasons: s.reasons,
          modelVersion: model.modelVersion,
        };
        flagged++;
      }
      if (i === injected.demoIndex) {
        demoId = id;
        if (level === "none")
          throw new Error(
            `seedBank: the demo1 payment scored ${p.toFixed(3)} and was not flagged; the fraud model or thresholds are unusable`,
          );
      }
      const tx: Transaction = {
        id,
        cardId: `card-${custId(c)}-1`,
        customerId: custId(c),
        terminalId: m.id,
        merchantName: m.name,
        merchantCategory: m.category,
        amount,
        currency: "GBP",
        timestamp: new Date((epoch[i] as number) * 1000).toISOString(),
        channel: m.online ? "online" : amount <= 100 ? "contactless" : "chip_and_pin",
        region: m.region,
      };
      txs.push({ ...tx, reportedFraud: (injected.reported[i] as number) === 1, assessment });
    }
    options.store.importRows({ transactions: txs });
    progress("store", Math.min(n, start + chunk), n);
  }
  return {
    customers: nC,
    transactions: n,
    flagged,
    model,
    demo1FlaggedTransactionId: demoId,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Trains the start-up model on simulated history (a 600-customer, 63-day simulation when the bank itself is small). */
export function trainDefaultModel(ds: SimulatedDataset, seed: number): FraudModelArtefact {
  const source =
    ds.config.customers >= 1000
      ? ds
      : simulateTransactions({
          seed,
          customers: 600,
          terminals: 1200,
          days: 63,
          mapSize: mapSizeFor(1200),
          startDate: ds.config.startDate,
        });
  const data = featuriseSimulation(source);
  const nDays = source.config.days;
  const delay = DEFAULT_LABEL_DELAY_DAYS;
  const finalDays = Math.min(28, nDays - delay);
  return trainFraudModel(data, {
    validationFolds: defaultValidationFolds(nDays, { trainDays: 14, delayDays: delay, folds: 2 }),
    finalTrainDays: { start: nDays - delay - finalDays, days: finalDays },
    candidates: SEED_CANDIDATES,
    now: new Date(Date.parse(`${ds.config.startDate}T00:00:00Z`) + ds.config.days * 86_400_000),
  }).artefact;
}

/** Map side giving the Handbook's terminal density (10,000 terminals on 100 × 100). */
export function mapSizeFor(terminals: number): number {
  return 100 * Math.sqrt(terminals / 10_000);
}

/** Picks two ordinary, active customers to play demo1 and demo2 (deterministic for a dataset). */
function pickDemoCustomers(ds: SimulatedDataset): [number, number] {
  const recent = new Uint8Array(ds.config.customers);
  const cutoff = (ds.config.days - 7) * 86_400;
  for (let i = 0; i < ds.tx.length; i++)
    if ((ds.tx.time[i] as number) >= cutoff && ds.tx.fraud[i] === 0) recent[ds.tx.customer[i] as number] = 1;
  const picks: number[] = [];
  for (let c = 0; c < ds.config.customers && picks.length < 2; c++) {
    const mean = ds.customers.meanAmount[c] as number;
    const rate = ds.customers.meanTxPerDay[c] as number;
    if (recent[c] && mean >= 25 && mean <= 55 && rate >= 1.2) picks.push(c);
  }
  for (let c = 0; c < ds.config.customers && picks.length < 2; c++) if (recent[c] && !picks.includes(c)) picks.push(c);
  if (picks.length < 2)
    throw new Error("seedBank: too few active customers to choose the demo customers; seed more customers");
  return [picks[0] as number, picks[1] as number];
}

/**
 * Adds demo1's suspicious payment: a large online-marketplace style purchase far from home, two days ago,
 * not yet reported (within the label delay) so only the model can flag it.
 */
function injectDemoPayment(
  ds: SimulatedDataset,
  c: number,
  at: number,
): { tx: TransactionColumns; reported: Uint8Array; demoIndex: number } {
  let far = 0;
  let best = -1;
  for (let t = 0; t < ds.terminalX.length; t++) {
    const d = Math.hypot(
      (ds.terminalX[t] as number) - (ds.customers.x[c] as number),
      (ds.terminalY[t] as number) - (ds.customers.y[c] as number),
    );
    if (d > best) [best, far] = [d, t];
  }
  const time = at - ds.startEpoch;
  const src = ds.tx;
  let pos = 0;
  while (pos < src.length && (src.time[pos] as number) <= time) pos++;
  const n = src.length + 1;
  const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, v: number, make: (k: number) => T): T => {
    const out = make(n);
    out.set(a.subarray(0, pos), 0);
    out[pos] = v;
    out.set(a.subarray(pos), pos + 1);
    return out;
  };
  const amount = Math.round(Math.max((ds.customers.meanAmount[c] as number) * 6.2, 180) * 100) / 100 + 60;
  const tx: TransactionColumns = {
    length: n,
    time: copy(src.time, time, (k) => new Int32Array(k)),
    customer: copy(src.customer, c, (k) => new Int32Array(k)),
    terminal: copy(src.terminal, far, (k) => new Int32Array(k)),
    amount: copy(src.amount, amount, (k) => new Float64Array(k)),
    fraud: copy(src.fraud, 1, (k) => new Uint8Array(k)),
    scenario: copy(src.scenario, 5, (k) => new Uint8Array(k)),
  };
  // what the bank knows: simulated frauds count as reported (chargebacks); the demo payment is not reported yet
  const reported = tx.fraud.slice();
  reported[pos] = 0;
  return { tx, reported, demoIndex: pos };
}
