// Card-transaction simulator written from the Fraud Detection Handbook's specification (not its code), plus two
// scenarios the book lacks (card-testing bursts, account takeover). Generates day by day into typed columns.
import { z } from "zod";
import { createRng, seedFromString, type Rng } from "../../shared/random.js";

/** Fraud scenario codes stored per transaction (0 = genuine). */
export const SCENARIO = {
  genuine: 0,
  largeAmount: 1,
  compromisedTerminal: 2,
  compromisedCustomer: 3,
  cardTesting: 4,
  accountTakeover: 5,
} as const;

/** Simulation settings; defaults are the Handbook's scale and parameters. */
export const SimulationConfigSchema = z.object({
  seed: z.number().int().default(0),
  customers: z.number().int().min(1).default(5000),
  terminals: z.number().int().min(1).default(10000),
  days: z.number().int().min(1).default(183),
  radius: z.number().positive().default(5),
  /** Side of the square map; smaller populations use a smaller map so terminal density matches the book's. */
  mapSize: z.number().positive().default(100),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default("2018-04-01"),
  /** Per-day counts at Handbook scale (5,000 customers / 10,000 terminals); scaled with the population. */
  compromisedTerminalsPerDay: z.number().min(0).default(2),
  compromisedCustomersPerDay: z.number().min(0).default(3),
  cardTestingPerDay: z.number().min(0).default(0.5),
  accountTakeoversPerDay: z.number().min(0).default(0.5),
});
/** Simulation settings. */
export type SimulationConfig = z.infer<typeof SimulationConfigSchema>;

/** Customer profiles as columns (index = customer id). */
export interface CustomerProfiles {
  x: Float64Array;
  y: Float64Array;
  meanAmount: Float64Array;
  stdAmount: Float64Array;
  meanTxPerDay: Float64Array;
}

/** Transactions as columns, sorted by time; `time` is seconds since the start date (UTC midnight). */
export interface TransactionColumns {
  length: number;
  time: Int32Array;
  customer: Int32Array;
  terminal: Int32Array;
  amount: Float64Array;
  fraud: Uint8Array;
  scenario: Uint8Array;
}

/** A simulated dataset: profiles, terminal positions and the transactions. */
export interface SimulatedDataset {
  config: SimulationConfig;
  /** Epoch seconds of the start date, so `startEpoch + time` is a real instant. */
  startEpoch: number;
  customers: CustomerProfiles;
  terminalX: Float64Array;
  terminalY: Float64Array;
  tx: TransactionColumns;
}

const DAY = 86_400;

/** Generates a dataset; memory stays at a few dozen bytes per transaction (typed columns, no row objects). */
export function simulateTransactions(
  input: Partial<SimulationConfig> = {},
  onDay?: (day: number) => void,
): SimulatedDataset {
  const config = SimulationConfigSchema.parse(input);
  const { customers: nC, terminals: nT, days } = config;
  const profileRng = createRng(seedFromString(`${config.seed}:customers`));
  const customers: CustomerProfiles = {
    x: new Float64Array(nC),
    y: new Float64Array(nC),
    meanAmount: new Float64Array(nC),
    stdAmount: new Float64Array(nC),
    meanTxPerDay: new Float64Array(nC),
  };
  for (let c = 0; c < nC; c++) {
    customers.x[c] = profileRng.uniform(0, config.mapSize);
    customers.y[c] = profileRng.uniform(0, config.mapSize);
    const mean = profileRng.uniform(5, 100);
    customers.meanAmount[c] = mean;
    customers.stdAmount[c] = mean / 2;
    customers.meanTxPerDay[c] = profileRng.uniform(0, 4);
  }
  const terminalRng = createRng(seedFromString(`${config.seed}:terminals`));
  const terminalX = new Float64Array(nT);
  const terminalY = new Float64Array(nT);
  for (let t = 0; t < nT; t++) {
    terminalX[t] = terminalRng.uniform(0, config.mapSize);
    terminalY[t] = terminalRng.uniform(0, config.mapSize);
  }
  const grid = buildTerminalGrid(terminalX, terminalY, config.radius, config.mapSize);
  const available: Int32Array[] = [];
  for (let c = 0; c < nC; c++)
    available.push(grid.within(customers.x[c] as number, customers.y[c] as number, config.radius));

  let expected = 0;
  for (let c = 0; c < nC; c++) expected += (customers.meanTxPerDay[c] as number) * days;
  const out = createColumnBuilder(Math.ceil(expected * 1.05) + 1024);
  const customerRngs: Rng[] = [];
  for (let c = 0; c < nC; c++) customerRngs.push(createRng(seedFromString(`${config.seed}:c:${c}`)));
  const fraudRng = createRng(seedFromString(`${config.seed}:fraud`));
  const terminalScale = nT / 10_000;
  const customerScale = nC / 5_000;
  const terminalCompromisedUntil = new Int32Array(nT);
  const customerCompromisedUntil = new Int32Array(nC);
  const day = createColumnBuilder(4096);

  for (let d = 0; d < days; d++) {
    for (let k = stochasticRound(config.compromisedTerminalsPerDay * terminalScale, fraudRng); k > 0; k--) {
      terminalCompromisedUntil[fraudRng.int(nT)] = d + 28;
    }
    for (let k = stochasticRound(config.compromisedCustomersPerDay * customerScale, fraudRng); k > 0; k--) {
      customerCompromisedUntil[fraudRng.int(nC)] = d + 14;
    }
    day.length = 0;
    for (let c = 0; c < nC; c++) {
      const rng = customerRngs[c] as Rng;
      const terms = available[c] as Int32Array;
      const nb = rng.poisson(customers.meanTxPerDay[c] as number);
      for (let i = 0; i < nb; i++) {
        const secs = Math.trunc(rng.normal(43_200, 20_000));
        const mean = customers.meanAmount[c] as number;
        let amount = rng.normal(mean, customers.stdAmount[c] as number);
        if (amount < 0) amount = rng.uniform(0, 2 * mean);
        amount = Math.round(amount * 100) / 100;
        const pick = terms.length > 0 ? rng.int(terms.length) : -1;
        if (secs <= 0 || secs >= DAY || pick < 0) continue;
        const terminal = terms[pick] as number;
        let fraud = 0;
        let scenario: number = SCENARIO.genuine;
        if (amount > 220) [fraud, scenario] = [1, SCENARIO.largeAmount];
        if ((terminalCompromisedUntil[terminal] as number) > d) [fraud, scenario] = [1, SCENARIO.compromisedTerminal];
        if ((customerCompromisedUntil[c] as number) > d && fraudRng.next() < 1 / 3) {
          amount = Math.round(amount * 5 * 100) / 100;
          [fraud, scenario] = [1, SCENARIO.compromisedCustomer];
        }
        day.push(d * DAY + secs, c, terminal, amount, fraud, scenario);
      }
    }
    for (let k = stochasticRound(config.cardTestingPerDay * customerScale, fraudRng); k > 0; k--) {
      injectCardTesting(day, d, fraudRng.int(nC), nT, fraudRng);
    }
    for (let k = stochasticRound(config.accountTakeoversPerDay * customerScale, fraudRng); k > 0; k--) {
      const c = fraudRng.int(nC);
      injectAccountTakeover(day, d, c, customers, grid, config, fraudRng);
    }
    out.appendSorted(day);
    onDay?.(d);
  }
  const [y, m, dd] = config.startDate.split("-").map(Number) as [number, number, number];
  return { config, startEpoch: Date.UTC(y, m - 1, dd) / 1000, customers, terminalX, terminalY, tx: out.finish() };
}

/** Card testing: a fraudster checks a stolen card with a burst of tiny payments at merchants the customer never used. */
function injectCardTesting(day: ColumnBuilder, d: number, c: number, nT: number, rng: Rng): void {
  const burst = 5 + rng.int(8);
  let t = d * DAY + 3_600 + rng.int(DAY - 7_200);
  for (let i = 0; i < burst && t < (d + 1) * DAY; i++) {
    day.push(t, c, rng.int(nT), Math.round(rng.uniform(0.5, 3) * 100) / 100, 1, SCENARIO.cardTesting);
    t += 10 + rng.int(80);
  }
}

/** Account takeover: after credentials leak, a few high-value payments far from the customer's usual area. */
function injectAccountTakeover(
  day: ColumnBuilder,
  d: number,
  c: number,
  cp: CustomerProfiles,
  grid: TerminalGrid,
  config: SimulationConfig,
  rng: Rng,
): void {
  let far: Int32Array = new Int32Array(0);
  const minDistance = Math.min(30, config.mapSize / 3);
  for (let attempt = 0; attempt < 20 && far.length === 0; attempt++) {
    const x = rng.uniform(0, config.mapSize);
    const y = rng.uniform(0, config.mapSize);
    if (Math.hypot(x - (cp.x[c] as number), y - (cp.y[c] as number)) < minDistance) continue;
    far = grid.within(x, y, config.radius);
  }
  if (far.length === 0) return;
  const n = 2 + rng.int(3);
  let t = d * DAY + rng.int(DAY - 4 * 3_600);
  const mean = cp.meanAmount[c] as number;
  for (let i = 0; i < n; i++) {
    const amount = Math.round(mean * rng.uniform(2.5, 6) * 100) / 100;
    day.push(t, c, far[rng.int(far.length)] as number, amount, 1, SCENARIO.accountTakeover);
    t += 300 + rng.int(3_000);
  }
}

function stochasticRound(x: number, rng: Rng): number {
  const whole = Math.floor(x);
  return whole + (rng.next() < x - whole ? 1 : 0);
}

/** Buckets terminals on a grid so "terminals within r" is a local lookup instead of a scan. */
interface TerminalGrid {
  within(x: number, y: number, r: number): Int32Array;
}

function buildTerminalGrid(tx: Float64Array, ty: Float64Array, cell: number, mapSize: number): TerminalGrid {
  const size = Math.max(1, Math.ceil(mapSize / cell));
  const buckets: number[][] = Array.from({ length: size * size }, () => []);
  const cellOf = (v: number): number => Math.min(size - 1, Math.max(0, Math.floor(v / cell)));
  for (let t = 0; t < tx.length; t++)
    (buckets[cellOf(ty[t] as number) * size + cellOf(tx[t] as number)] as number[]).push(t);
  return {
    within(x, y, r) {
      const found: number[] = [];
      const span = Math.ceil(r / cell);
      const cx = cellOf(x);
      const cy = cellOf(y);
      for (let gy = Math.max(0, cy - span); gy <= Math.min(size - 1, cy + span); gy++) {
        for (let gx = Math.max(0, cx - span); gx <= Math.min(size - 1, cx + span); gx++) {
          for (const t of buckets[gy * size + gx] as number[]) {
            if (Math.hypot((tx[t] as number) - x, (ty[t] as number) - y) < r) found.push(t);
          }
        }
      }
      return Int32Array.from(found.sort((a, b) => a - b));
    },
  };
}

interface ColumnBuilder {
  length: number;
  push(time: number, customer: number, terminal: number, amount: number, fraud: number, scenario: number): void;
  appendSorted(other: ColumnBuilder): void;
  cols(): TransactionColumns;
  finish(): TransactionColumns;
}

function createColumnBuilder(capacity: number): ColumnBuilder {
  let cap = Math.max(16, capacity);
  let c = alloc(cap);
  const grow = (need: number): void => {
    if (need <= cap) return;
    cap = Math.max(need, Math.ceil(cap * 1.5));
    const n = alloc(cap);
    n.time.set(c.time);
    n.customer.set(c.customer);
    n.terminal.set(c.terminal);
    n.amount.set(c.amount);
    n.fraud.set(c.fraud);
    n.scenario.set(c.scenario);
    c = n;
  };
  const b: ColumnBuilder = {
    length: 0,
    push(time, customer, terminal, amount, fraud, scenario) {
      grow(b.length + 1);
      const i = b.length++;
      c.time[i] = time;
      c.customer[i] = customer;
      c.terminal[i] = terminal;
      c.amount[i] = amount;
      c.fraud[i] = fraud;
      c.scenario[i] = scenario;
    },
    appendSorted(other) {
      const o = other.cols();
      const order = Array.from({ length: other.length }, (_, i) => i).sort(
        (p, q) => (o.time[p] as number) - (o.time[q] as number) || p - q,
      );
      grow(b.length + other.length);
      for (const i of order) {
        const j = b.length++;
        c.time[j] = o.time[i] as number;
        c.customer[j] = o.customer[i] as number;
        c.terminal[j] = o.terminal[i] as number;
        c.amount[j] = o.amount[i] as number;
        c.fraud[j] = o.fraud[i] as number;
        c.scenario[j] = o.scenario[i] as number;
      }
    },
    cols: () => ({ ...c, length: b.length }),
    finish: () => ({
      length: b.length,
      time: c.time.slice(0, b.length),
      customer: c.customer.slice(0, b.length),
      terminal: c.terminal.slice(0, b.length),
      amount: c.amount.slice(0, b.length),
      fraud: c.fraud.slice(0, b.length),
      scenario: c.scenario.slice(0, b.length),
    }),
  };
  return b;
}

function alloc(n: number): Omit<TransactionColumns, "length"> {
  return {
    time: new Int32Array(n),
    customer: new Int32Array(n),
    terminal: new Int32Array(n),
    amount: new Float64Array(n),
    fraud: new Uint8Array(n),
    scenario: new Uint8Array(n),
  };
}
