// Which tools each route and role may use: the route picks the subset, the role caps it (anonymous visitors get
// no data tools at all, whatever the route).
import type { Identity } from "../auth/identity.js";
import type { BilingualText, Locale } from "../shared/locale.js";
import { isToolName, type ToolName } from "./tools/tool-names.js";

const ROUTE_TOOLS: Readonly<Record<string, readonly ToolName[]>> = {
  knowledge: ["search_knowledge", "handoff_to_human"],
  cards: ["search_knowledge", "list_cards", "freeze_card", "handoff_to_human"],
  fraud: [
    "search_knowledge",
    "list_cards",
    "freeze_card",
    "get_recent_transactions",
    "check_transaction_risk",
    "open_dispute",
    "handoff_to_human",
  ],
  credit: ["search_knowledge", "check_credit_eligibility", "explain_credit_decision", "handoff_to_human"],
  account: ["get_accounts", "get_recent_transactions", "search_knowledge", "handoff_to_human"],
  handoff: ["handoff_to_human", "search_knowledge"],
  smalltalk: [],
  out_of_scope: [],
  staff: [
    "lookup_customer",
    "get_customer_overview",
    "list_customer_transactions",
    "list_customer_conversations",
    "get_handoff_queue",
    "get_fraud_review_stats",
    "list_flagged_transactions",
    "explain_credit_decision",
    "draft_customer_reply",
    "search_knowledge",
    "check_transaction_risk",
    "staff_freeze_card",
    "staff_open_dispute",
  ],
};

const ANONYMOUS_TOOLS: ReadonlySet<ToolName> = new Set<ToolName>(["search_knowledge", "handoff_to_human"]);

/** The tools a caller may use on a route. */
export function allowedToolsFor(route: string, identity: Identity): ToolName[] {
  const tools = ROUTE_TOOLS[identity.kind === "staff" ? "staff" : route] ?? [];
  return identity.kind === "anonymous" ? tools.filter((t) => ANONYMOUS_TOOLS.has(t)) : [...tools];
}

/** Human-readable progress labels for tool events, in both languages. */
export const TOOL_LABELS: Readonly<Record<ToolName, BilingualText>> = {
  search_knowledge: { en: "Searching our guides…", "zh-CN": "正在查找相关指南…" },
  list_cards: { en: "Looking up your cards…", "zh-CN": "正在查询您的银行卡…" },
  get_accounts: { en: "Checking your accounts…", "zh-CN": "正在查询您的账户…" },
  get_recent_transactions: { en: "Checking your recent transactions…", "zh-CN": "正在查询您最近的交易…" },
  check_transaction_risk: { en: "Running our fraud checks…", "zh-CN": "正在进行反欺诈检测…" },
  freeze_card: { en: "Freezing your card…", "zh-CN": "正在冻结您的银行卡…" },
  open_dispute: { en: "Opening a dispute…", "zh-CN": "正在提交争议…" },
  check_credit_eligibility: { en: "Estimating your eligibility…", "zh-CN": "正在估算您的贷款资格…" },
  explain_credit_decision: { en: "Explaining the credit estimate…", "zh-CN": "正在解释信贷估算…" },
  handoff_to_human: { en: "Connecting you to our team…", "zh-CN": "正在为您转接工作人员…" },
  lookup_customer: { en: "Looking up the customer…", "zh-CN": "正在查找客户…" },
  get_customer_overview: { en: "Loading the customer overview…", "zh-CN": "正在加载客户概况…" },
  list_customer_transactions: { en: "Loading the customer's transactions…", "zh-CN": "正在查询客户的交易…" },
  list_customer_conversations: { en: "Loading the customer's conversations…", "zh-CN": "正在查询客户的对话记录…" },
  get_handoff_queue: { en: "Checking the handoff queue…", "zh-CN": "正在查看转人工队列…" },
  get_fraud_review_stats: { en: "Counting fraud review figures…", "zh-CN": "正在统计欺诈审核数据…" },
  list_flagged_transactions: { en: "Loading flagged transactions…", "zh-CN": "正在加载被标记的交易…" },
  draft_customer_reply: { en: "Drafting a reply…", "zh-CN": "正在起草回复…" },
  staff_freeze_card: { en: "Freezing the customer's card…", "zh-CN": "正在冻结客户的银行卡…" },
  staff_open_dispute: { en: "Opening a dispute for the customer…", "zh-CN": "正在为客户提交争议…" },
};

/** The progress label of a tool event; a name that is not one of our tools is shown as it is. */
export function toolLabel(name: string, locale: Locale): string {
  return isToolName(name) ? TOOL_LABELS[name][locale] : name;
}
