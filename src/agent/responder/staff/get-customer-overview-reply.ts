// The staff reply to get_customer_overview: who the customer is, then their accounts, cards, recent contacts, open
// handoff tickets and disputes, one short line each, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatDate, formatMoney } from "../reply-templates.js";
import { codeName, formatDateTime, intentTopic, isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T: Record<Locale, Record<string, string>> = {
  en: {
    head: "Customer {id}: {name} (region {region}, prefers {language}).",
    accounts: "Accounts:",
    account: "• {type} ending {last4}: balance {balance}",
    noAccounts: "Accounts: none.",
    cards: "Cards:",
    card: "• {brand} ending {last4}: {status}",
    noCards: "Cards: none.",
    contacts: "Recent contacts ({count}):",
    contact: "• {date}, chat{about}{handed}",
    about: " about {topic}",
    handed: ", handed to a person",
    noContacts: "Recent contacts: none on record.",
    tickets: "Open handoff tickets ({count}):",
    ticket: "• {id} ({status}), conversation {session}",
    noTickets: "Open handoff tickets: none.",
    disputes: "Disputes ({count}):",
    dispute: "• {id} on {tx}: {status}, opened {date}",
    noDisputes: "Disputes: none.",
    notFound: "No customer has the id {id}. Check the id, or search by name.",
  },
  "zh-CN": {
    head: "客户 {id}：{name}（地区：{region}，偏好语言：{language}）。",
    accounts: "账户：",
    account: "• {type}，尾号 {last4}：余额 {balance}",
    noAccounts: "账户：无。",
    cards: "银行卡：",
    card: "• {brand}，尾号 {last4}：{status}",
    noCards: "银行卡：无。",
    contacts: "近期联系（{count} 次）：",
    contact: "• {date}，在线聊天{about}{handed}",
    about: "，咨询{topic}",
    handed: "，已转人工",
    noContacts: "近期联系：无记录。",
    tickets: "未结的转人工工单（{count} 张）：",
    ticket: "• {id}（{status}），对话 {session}",
    noTickets: "未结的转人工工单：无。",
    disputes: "争议（{count} 笔）：",
    dispute: "• {id}，交易 {tx}：{status}，提交于 {date}",
    noDisputes: "争议：无。",
    notFound: "没有客户编号为 {id} 的客户。请核对编号，或按姓名查找。",
  },
};

/** Renders a get_customer_overview result for a member of staff. */
export function renderGetCustomerOverviewReply(result: ToolResult<"get_customer_overview">, locale: Locale): string {
  if (isStandIn(result)) return standInSentence(result, locale);
  const t = T[locale];
  if (result.status === "not_found") return fill(t["notFound"], { id: result.customerId });
  if (result.status === "forbidden") return standInSentence(result, locale);
  const { customer } = result;
  const lines = [
    fill(t["head"], {
      id: customer.id,
      name: customer.name,
      region: codeName(customer.region, locale),
      language: codeName(customer.locale, locale),
    }),
  ];
  const section = <X>(items: readonly X[], head: string, none: string, line: (x: X) => string): void => {
    if (items.length === 0) lines.push(fill(t[none], {}));
    else lines.push(fill(t[head], { count: items.length }), ...items.map(line));
  };
  section(result.accounts, "accounts", "noAccounts", (a) =>
    fill(t["account"], {
      type: codeName(a.type, locale),
      last4: a.last4,
      balance: formatMoney(a.balance, a.currency, locale),
    }),
  );
  section(result.cards, "cards", "noCards", (c) =>
    fill(t["card"], { brand: codeName(c.brand, locale), last4: c.last4, status: codeName(c.status, locale) }),
  );
  section(result.recentContacts, "contacts", "noContacts", (c) =>
    fill(t["contact"], {
      date: formatDateTime(c.date, locale),
      about: c.intent ? fill(t["about"], { topic: intentTopic(c.intent, locale) }) : "",
      handed: c.handedOff ? fill(t["handed"], {}) : "",
    }),
  );
  section(result.openTickets, "tickets", "noTickets", (k) =>
    fill(t["ticket"], { id: k.id, status: codeName(k.status, locale), session: k.sessionId }),
  );
  section(result.disputes, "disputes", "noDisputes", (d) =>
    fill(t["dispute"], {
      id: d.id,
      tx: d.transactionId,
      status: codeName(d.status, locale),
      date: formatDate(d.createdAt, locale),
    }),
  );
  return lines.join("\n");
}
