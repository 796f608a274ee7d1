// A small hand-made bank for the store tests: two customers with two cards, two merchants and seven transactions
// whose times tie and interleave with their insertion order, so ordering, windows and label rules are all visible.
import type { BankImport } from "./bank-store.js";

const at = (day: number, hour: number): string => `2024-03-0${day}T${String(hour).padStart(2, "0")}:00:00.000Z`;

/** One scored transaction of the fixture. */
function tx(
  id: string,
  customerId: string,
  cardId: string,
  terminalId: "m1" | "m2",
  timestamp: string,
  amount: number,
  scored?: { probability: number; level: "none" | "review" | "block"; withReason?: boolean },
  reportedFraud = false,
): NonNullable<BankImport["transactions"]>[number] {
  const online = terminalId === "m2";
  return {
    id,
    cardId,
    customerId,
    terminalId,
    merchantName: online ? "Harbor Online 100% _Deals_" : "Fresh Basket London",
    merchantCategory: online ? "marketplace" : "groceries",
    amount,
    currency: "GBP",
    timestamp,
    channel: online ? "online" : "contactless",
    region: "London",
    reportedFraud,
    ...(scored
      ? {
          assessment: {
            probability: scored.probability,
            level: scored.level,
            reasons: scored.withReason
              ? [
                  {
                    code: "amount_vs_average" as const,
                    text: { en: "Far above the usual amount", "zh-CN": "远高于平常金额" },
                    contribution: 1.25,
                  },
                ]
              : [],
            modelVersion: "v1",
          },
        }
      : {}),
  };
}

/** The fixture bank: demo1 (cards card-1, card-3), demo2 (card-2), c000003; merchants m1 (shop) and m2 (online). */
export const BANK_FIXTURE: BankImport = {
  customers: [
    { id: "demo1", name: "Alex Morgan", locale: "en", region: "London", monthlyIncome: 3200, employment: "employed" },
    { id: "demo2", name: "李伟", locale: "zh-CN", region: "Scotland", monthlyIncome: 2900, employment: "employed" },
    {
      id: "c000003",
      name: "Jo_Ann demo2-fan",
      locale: "en",
      region: "Wales",
      monthlyIncome: 1800.5,
      employment: "student",
      creditProfile: { score: 540, band: "D" },
    },
  ],
  accounts: [
    {
      id: "acc-1",
      customerId: "demo1",
      type: "current",
      currency: "GBP",
      balance: 1200.5,
      sortCode: "20-11-22",
      accountNumber: "12345678",
    },
    {
      id: "acc-2",
      customerId: "demo2",
      type: "current",
      currency: "GBP",
      balance: 80,
      sortCode: "20-11-23",
      accountNumber: "87654321",
    },
    {
      id: "acc-1s",
      customerId: "demo1",
      type: "savings",
      currency: "GBP",
      balance: 9000.25,
      sortCode: "20-11-22",
      accountNumber: "12345679",
    },
    {
      id: "acc-3",
      customerId: "c000003",
      type: "current",
      currency: "GBP",
      balance: 12,
      sortCode: "20-11-24",
      accountNumber: "11223344",
    },
  ],
  cards: [
    {
      id: "card-1",
      customerId: "demo1",
      accountId: "acc-1",
      last4: "4821",
      brand: "visa",
      status: "active",
      expiry: "09/28",
    },
    {
      id: "card-2",
      customerId: "demo2",
      accountId: "acc-2",
      last4: "7316",
      brand: "mastercard",
      status: "active",
      expiry: "01/29",
    },
    {
      id: "card-3",
      customerId: "demo1",
      accountId: "acc-1",
      last4: "5555",
      brand: "mastercard",
      status: "frozen",
      expiry: "03/30",
    },
    {
      id: "card-4",
      customerId: "c000003",
      accountId: "acc-3",
      last4: "0042",
      brand: "visa",
      status: "active",
      expiry: "12/27",
    },
  ],
  merchants: [
    { id: "m1", name: "Fresh Basket London", category: "groceries", region: "London", online: false, x: 1, y: 2 },
    {
      id: "m2",
      name: "Harbor Online 100% _Deals_",
      category: "marketplace",
      region: "London",
      online: true,
      x: 50.5,
      y: 60.25,
    },
  ],
  // Insertion order tx-1 … tx-7; time order tx-1, tx-6, tx-2, tx-7, tx-3, (tx-4, tx-5 at the same second).
  transactions: [
    tx("tx-1", "demo1", "card-1", "m1", at(1, 10), 10, { probability: 0.01, level: "none" }),
    tx("tx-2", "demo1", "card-1", "m1", at(2, 10), 20, { probability: 0.02, level: "none" }),
    tx("tx-3", "demo1", "card-1", "m1", at(3, 10), 30, { probability: 0.9, level: "block", withReason: true }),
    tx("tx-4", "demo1", "card-1", "m1", at(4, 10), 40.55, { probability: 0.6, level: "review" }),
    tx("tx-5", "demo1", "card-3", "m2", at(4, 10), 250, undefined, true),
    tx("tx-6", "demo2", "card-2", "m2", at(2, 9), 15, { probability: 0.03, level: "none" }),
    tx("tx-7", "demo2", "card-2", "m1", at(2, 12), 7.5, { probability: 0.7, level: "review" }),
  ],
};
