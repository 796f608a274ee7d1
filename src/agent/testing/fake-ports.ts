// In-memory fakes of the agent's ports for unit tests: two customers with cards and transactions, a keyword router.
import type {
  AgentPorts,
  BankPort,
  CardView,
  CreditView,
  RouteDecisionView,
  RouterPort,
  TransactionView,
} from "../agent-ports.js";
import { err, ok } from "../../shared/result.js";
import { createFakeStaffTools } from "./fake-staff-tools.js";

/** A tiny bank with demo1 and demo2. */
export function createFakeBank(): BankPort & {
  cards: CardView[];
  disputes: { customerId: string; transactionId: string; reason: string }[];
} {
  const cards: CardView[] = [
    { id: "card-1", customerId: "demo1", last4: "4821", brand: "Visa Debit", status: "active" },
    { id: "card-2", customerId: "demo2", last4: "7310", brand: "Visa Debit", status: "active" },
  ];
  const txs: TransactionView[] = [
    {
      id: "tx-1",
      customerId: "demo1",
      cardId: "card-1",
      merchantName: "Tesco",
      merchantCategory: "grocery",
      amount: 45.2,
      currency: "GBP",
      timestamp: "2026-11-27T10:00:00Z",
      channel: "card_present",
    },
    {
      id: "tx-2",
      customerId: "demo1",
      cardId: "card-1",
      merchantName: "QuickShop Online",
      merchantCategory: "electronics",
      amount: 899,
      currency: "GBP",
      timestamp: "2026-11-28T02:10:00Z",
      channel: "online",
    },
    {
      id: "tx-9",
      customerId: "demo2",
      cardId: "card-2",
      merchantName: "淘宝",
      merchantCategory: "online",
      amount: 120,
      currency: "GBP",
      timestamp: "2026-11-26T09:00:00Z",
      channel: "online",
    },
  ];
  const disputes: { customerId: string; transactionId: string; reason: string }[] = [];
  return {
    cards,
    disputes,
    getCustomer: (id) =>
      id === "demo1"
        ? { id, name: "Alex Morgan", locale: "en", region: "London" }
        : id === "demo2"
          ? { id, name: "Li Wei", locale: "zh-CN", region: "Manchester" }
          : undefined,
    searchCustomers: (q) =>
      q.includes("demo") ? [{ id: q, name: "Alex Morgan", locale: "en", region: "London" }] : [],
    listAccounts: (c) =>
      c === "demo1"
        ? [
            {
              id: "acc-1",
              customerId: c,
              type: "Everyday Current Account",
              currency: "GBP",
              balance: 1234.56,
              accountNumber: "12345678",
            },
          ]
        : [],
    listCards: (c) => cards.filter((k) => k.customerId === c),
    getCard: (id) => cards.find((k) => k.id === id),
    setCardStatus: (id, status) => {
      const card = cards.find((k) => k.id === id);
      if (card) card.status = status;
    },
    listTransactions: (c, o) =>
      txs
        .filter((t) => t.customerId === c && (!o.cardId || t.cardId === o.cardId))
        .sort((a, b) => b.timestamp.localeCompare(a.timestamp))
        .slice(0, o.limit),
    getTransaction: (id) => txs.find((t) => t.id === id),
    createDispute: (input) => {
      const open = disputes.findIndex((d) => d.transactionId === input.transactionId);
      if (open >= 0) return { id: `D-${open + 1}`, status: "open", alreadyOpen: true };
      disputes.push(input);
      return { id: `D-${disputes.length}`, status: "open" };
    },
    findOpenDispute: (transactionId) => {
      const open = disputes.findIndex((d) => d.transactionId === transactionId);
      return open >= 0 ? `D-${open + 1}` : undefined;
    },
    listFlaggedTransactions: () => [],
  };
}

const CREDIT: CreditView = {
  points: 575,
  grade: "C",
  probabilityOfDefault: 0.06,
  decision: "approve",
  reasons: [
    {
      code: "UTIL",
      text: { en: "Revolving utilisation is high (85%)", "zh-CN": "循环额度使用率偏高（85%）" },
      pointsLost: 22,
    },
  ],
  pointsTable: [],
  scorecardVersion: "test-1",
};

/** Fake ports around the fake bank; knowledge returns one passage about fees. */
export function createFakePorts(bank = createFakeBank()): AgentPorts & { tickets: string[] } {
  const tickets: string[] = [];
  return {
    bank,
    tickets,
    knowledge: {
      search: async () => [
        {
          chunkId: "fees#1",
          docId: "fees-schedule-2026",
          topic: "fees-schedule-2026",
          title: "Fee schedule 2026",
          version: "2026.1",
          section: "International payments",
          text: "International (SWIFT) payments cost £15 online and £25 in branch. The cut-off is 2pm UK time.",
          score: 0.9,
          locale: "en",
        },
      ],
    },
    fraud: {
      assess: (id) =>
        id === "tx-2"
          ? {
              probability: 0.91,
              level: "block",
              reasons: [
                {
                  code: "AMT",
                  text: {
                    en: "amount is 9.8× this customer's 30-day average",
                    "zh-CN": "金额是该客户30天平均值的9.8倍",
                  },
                },
              ],
              modelVersion: "fraud-test",
            }
          : { probability: 0.01, level: "none", reasons: [], modelVersion: "fraud-test" },
    },
    credit: { prequalify: (customerId) => (customerId === "demo1" ? ok(CREDIT) : err("no_profile")) },
    staff: createFakeStaffTools(),
    openTicket: (sessionId) => {
      tickets.push(sessionId);
      return { ticketId: `T-${tickets.length}` };
    },
  };
}

const RULES: [RegExp, string, string][] = [
  [/freeze|冻结/i, "card_freeze_unfreeze", "cards"],
  [/lost|stolen|丢/i, "lost_or_stolen_card", "fraud"],
  [/don'?t recogni[sz]e|不认识/i, "unrecognised_transaction", "fraud"],
  [/dispute|争议/i, "dispute_transaction", "fraud"],
  [/transactions|交易/i, "recent_transactions", "account"],
  [/balance|余额/i, "balance", "account"],
  [/loan|borrow|贷款/i, "loan_eligibility", "credit"],
  [/person|human|人工/i, "speak_to_human", "handoff"],
  [/hello|hi\b|你好/i, "greeting", "smalltalk"],
  [/weather|天气/i, "out_of_scope", "out_of_scope"],
  [/fee|cost|手续费|swift/i, "transfer_fees", "knowledge"],
];

/** A keyword router good enough for unit tests of the chat service. */
export function createKeywordRouter(): RouterPort {
  return {
    route(text) {
      const hit = RULES.find(([re]) => re.test(text));
      const [intent, route] = hit ? [hit[1], hit[2]] : ["unknown", "knowledge"];
      const amounts = [...text.matchAll(/£\s?([\d,]+)/g)].map((m) => ({
        value: Number((m[1] as string).replace(/,/g, "")),
        currency: "GBP",
        text: m[0],
      }));
      const decision: RouteDecisionView = {
        intent,
        route,
        confidence: hit ? 0.95 : 0.2,
        top: [{ intent, route, probability: hit ? 0.95 : 0.2 }],
        outOfScope: route === "out_of_scope",
        lowConfidence: !hit,
        slots: {
          amounts,
          terms: [],
          dates: [],
          cardLastFour: [...text.matchAll(/ending (\d{4})/g)].map((m) => m[1] as string),
          merchants: [],
          transactionRefs: [],
        },
      };
      return decision;
    },
  };
}
