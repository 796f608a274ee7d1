// npm run simulate: runs the transaction simulator and prints scenario counts and timing (optionally writes CSV).
import fs from "node:fs";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { simulateTransactions } from "../scoring/fraud/simulate-transactions.js";

const args = parseCli({
  name: "simulate",
  summary: "Simulate card transactions (Handbook scale by default) and report fraud scenario rates",
  usage:
    "npm run simulate -- [--seed 0] [--customers 5000] [--terminals 10000] [--days 183] [--handbook-only] [--out file.csv]",
  options: {
    seed: { type: "string", default: "0", description: "Random seed" },
    customers: { type: "string", default: "5000", description: "Customers" },
    terminals: { type: "string", default: "10000", description: "Terminals" },
    days: { type: "string", default: "183", description: "Days" },
    "handbook-only": { type: "boolean", default: false, description: "Only the book's three scenarios" },
    out: { type: "string", description: "Write transactions as CSV here" },
  },
});
const int = (k: string): number => {
  const v = Number(args.values[k]);
  if (!Number.isInteger(v) || v <= 0) fail(`--${k} must be a positive integer`);
  return v;
};
const days = int("days");
const bar = createProgress("simulate", days);
const t0 = performance.now();
const ds = simulateTransactions(
  {
    seed: Number(args.values["seed"]),
    customers: int("customers"),
    terminals: int("terminals"),
    days,
    ...(args.values["handbook-only"] ? { cardTestingPerDay: 0, accountTakeoversPerDay: 0 } : {}),
  },
  () => bar.tick(),
);
bar.stop();
const seconds = (performance.now() - t0) / 1000;
const names = [
  "genuine",
  "1 amount > 220",
  "2 compromised terminal",
  "3 compromised customer",
  "4 card testing",
  "5 account takeover",
];
const counts = new Array<number>(names.length).fill(0);
let frauds = 0;
for (let i = 0; i < ds.tx.length; i++) {
  counts[ds.tx.scenario[i] as number] = (counts[ds.tx.scenario[i] as number] as number) + 1;
  frauds += ds.tx.fraud[i] as number;
}
console.log(
  renderTable(
    ["scenario", "transactions", "% of all"],
    names.map((n, k) => [n, counts[k] as number, ((100 * (counts[k] as number)) / ds.tx.length).toFixed(3)]),
  ),
);
console.log(
  `\n${ds.tx.length} transactions, ${frauds} frauds (${((100 * frauds) / ds.tx.length).toFixed(3)} %) in ${seconds.toFixed(2)} s`,
);
const out = args.values["out"];
if (typeof out === "string") {
  const fd = fs.openSync(out, "w");
  fs.writeSync(
    fd,
    "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO\n",
  );
  let buf = "";
  for (let i = 0; i < ds.tx.length; i++) {
    const t = ds.tx.time[i] as number;
    buf += `${i},${new Date((ds.startEpoch + t) * 1000).toISOString()},${ds.tx.customer[i]},${ds.tx.terminal[i]},${ds.tx.amount[i]},${t},${Math.floor(t / 86400)},${ds.tx.fraud[i]},${ds.tx.scenario[i]}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = "";
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  console.log(`wrote ${out}`);
}
printJsonLine({
  transactions: ds.tx.length,
  frauds,
  fraud_rate: frauds / ds.tx.length,
  scenario_counts: counts.slice(1),
  seconds: Math.round(seconds * 100) / 100,
});
