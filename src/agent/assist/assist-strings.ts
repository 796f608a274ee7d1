// Every sentence agent assist writes itself, in both languages: the summary's templates, what each tool did, the
// suggested replies built from tool results, and the next actions in words. Facts only enter through `{name}` values.
import type { Locale } from "../../shared/locale.js";

const EN = {
  wants: "The customer asked about {topics}.",
  latestQuestion: "Latest question: “{question}”",
  wantsNone: "The customer has not written anything yet.",
  botDid: "The assistant {steps}.",
  botDidNothing: "The assistant answered without calling any tools.",
  botSilent: "The assistant has not replied yet.",
  lastReply: "Its last reply: “{reply}”",
  answerToLatest: "Its reply to the latest question: “{reply}”",
  stepSeparator: "; ",
  topicSeparator: "; ",
  pendingAction: "Waiting for the customer to approve: {summary}.",
  pendingAwaiting: "The assistant is waiting for the customer to give more details.",
  pendingUnanswered: "Not answered yet: “{text}”",
  ticketWaiting: "Ticket {id} is waiting for a member of staff.",
  ticketWithAgent: "Ticket {id} is with {staff}.",
  ticketClosed: "Ticket {id} is closed.",
  pendingNone: "Nothing is pending.",
  holding:
    "Thank you for waiting. I'm a member of the Harbor Bank team and I've read your conversation so far. Let me look into this for you now.",
  clarify: "Could you tell me a little more about {topic}, so that I can help you with it?",
  frozen: "Your card ending {last4} is frozen, so no new payments can be made with it.",
  freezePending: "I can see you asked to freeze your card ending {last4}. I'm freezing it for you now.",
  freezePendingNoCard: "I can see you asked to freeze your card. I'm freezing it for you now.",
  freezeRejected:
    "Your card ending {last4} has not been frozen and stays as it was. Just let me know if you'd like it frozen.",
  disputeOpened: "Your dispute about this payment is open, and our disputes team will be in touch.",
  disputePending: "I can see you want to dispute {transaction}. I'm opening the dispute for you now.",
  thisPayment: "this payment",
  creditEstimate:
    "The estimate you saw for {amount} over {term} months comes from the information we hold; it is not a credit decision. I can go through the main factors with you.",
  riskChecked: "I've looked at the fraud check on {transaction} and I'm reviewing it with you now.",
  actionFreeze: "Freeze {customer}'s card ending {last4}",
  actionFreezeAnyCard: "Freeze {customer}'s card",
  actionDispute: "Open a dispute for {transaction}",
  actionCredit: "Explain the credit decision for {customer} for {amount} over {term} months",
  actionCreditAssumed:
    "Explain the credit decision for {customer} for {amount} over {term} months (amount or term not stated: default shown)",
  actionRisk: "Is transaction {transaction} fraud?",
  actionTransactions: "Show {customer}'s transactions from the last {days} days",
  actionOverview: "Overview of {customer}",
  actionSearch: "Search the guides: {query}",
};

const ZH: typeof EN = {
  wants: "客户咨询了{topics}。",
  latestQuestion: "最新的问题：“{question}”",
  wantsNone: "客户还没有发送任何消息。",
  botDid: "助手{steps}。",
  botDidNothing: "助手没有调用任何工具，直接作了回复。",
  botSilent: "助手还没有回复。",
  lastReply: "最后一条回复：“{reply}”",
  answerToLatest: "对最新问题的回复：“{reply}”",
  stepSeparator: "；",
  topicSeparator: "、",
  pendingAction: "等待客户确认：{summary}。",
  pendingAwaiting: "助手正在等待客户补充信息。",
  pendingUnanswered: "尚未回复：“{text}”",
  ticketWaiting: "工单 {id} 正在等待工作人员接手。",
  ticketWithAgent: "工单 {id} 由 {staff} 处理中。",
  ticketClosed: "工单 {id} 已关闭。",
  pendingNone: "没有待处理的事项。",
  holding: "感谢您的耐心等待。我是海港银行的工作人员，已经看过您之前的对话，现在就为您处理。",
  clarify: "能否请您再详细说明一下{topic}的情况，以便我为您处理？",
  frozen: "您尾号 {last4} 的银行卡已冻结，冻结期间无法用该卡进行新的支付。",
  freezePending: "我看到您申请冻结尾号 {last4} 的银行卡，我现在就为您冻结。",
  freezePendingNoCard: "我看到您申请冻结银行卡，我现在就为您冻结。",
  freezeRejected: "尾号 {last4} 的银行卡没有冻结，状态保持不变。如需冻结，请告诉我。",
  disputeOpened: "您对这笔交易的争议已经提交，争议处理团队会与您联系。",
  disputePending: "我看到您希望对{transaction}提出争议，我现在就为您提交。",
  thisPayment: "这笔交易",
  creditEstimate:
    "您看到的{amount}、{term}个月的预审估算是根据我们现有信息得出的，并非信贷决定。我可以和您一起看看主要的影响因素。",
  riskChecked: "我已经看到{transaction}的反欺诈检测结果，现在和您一起核实。",
  actionFreeze: "帮客户{customer}冻结尾号{last4}的卡",
  actionFreezeAnyCard: "帮客户{customer}冻结银行卡",
  actionDispute: "为交易{transaction}发起争议",
  actionCredit: "客户{customer}的信用评估结果如何？贷款{amount}，期限{term}个月",
  actionCreditAssumed:
    "客户{customer}的信用评估结果如何？贷款{amount}，期限{term}个月（客户未说明金额或期限，使用默认值）",
  actionRisk: "交易{transaction}的风险评分是多少",
  actionTransactions: "客户{customer}最近{days}天的交易",
  actionOverview: "客户{customer}的概况",
  actionSearch: "查询知识库：{query}",
};

/** A string key. */
export type AssistStringKey = keyof typeof EN;

/** Renders an assist string in a language, filling `{name}` values. */
export function assistText(locale: Locale, key: AssistStringKey, vars: Record<string, string | number> = {}): string {
  const table = locale === "zh-CN" ? ZH : EN;
  return table[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ""));
}

/** Every reply template of a language as written: vetted wording the output rails accept as a source. */
export function assistReplyTemplates(locale: Locale): readonly string[] {
  const table = locale === "zh-CN" ? ZH : EN;
  const replies: readonly AssistStringKey[] = [
    "holding",
    "clarify",
    "frozen",
    "freezePending",
    "freezePendingNoCard",
    "freezeRejected",
    "disputeOpened",
    "disputePending",
    "creditEstimate",
    "riskChecked",
  ];
  return replies.map((k) => table[k]);
}

type StepPhrase = { do: string; done: string };

// What each tool does, as the summary says it: "do" after "could not" / "asked to approve", "done" when it ran.
const STEPS: Record<Locale, Record<string, StepPhrase>> = {
  en: {
    search_knowledge: { do: "search the guides", done: "searched the guides" },
    list_cards: { do: "look up the customer's cards", done: "looked up the customer's cards" },
    get_accounts: { do: "check the accounts", done: "checked the accounts" },
    get_recent_transactions: { do: "check recent transactions", done: "checked recent transactions" },
    check_transaction_risk: { do: "run the fraud check{on}", done: "ran the fraud check{on}" },
    freeze_card: { do: "freeze the card{ending}", done: "froze the card{ending}" },
    open_dispute: { do: "open a dispute{on}", done: "opened a dispute{on}" },
    check_credit_eligibility: { do: "estimate a loan{loan}", done: "gave a loan estimate{loan}" },
    explain_credit_decision: { do: "explain the credit estimate", done: "explained the credit estimate" },
    handoff_to_human: { do: "pass the conversation to staff", done: "passed the conversation to staff" },
  },
  "zh-CN": {
    search_knowledge: { do: "查阅指南", done: "查阅了指南" },
    list_cards: { do: "查询客户的银行卡", done: "查询了客户的银行卡" },
    get_accounts: { do: "查询账户", done: "查询了账户" },
    get_recent_transactions: { do: "查询近期交易", done: "查询了近期交易" },
    check_transaction_risk: { do: "进行反欺诈检测{on}", done: "进行了反欺诈检测{on}" },
    freeze_card: { do: "冻结{ending}银行卡", done: "冻结了{ending}银行卡" },
    open_dispute: { do: "提交争议{on}", done: "提交了争议{on}" },
    check_credit_eligibility: { do: "估算贷款资格{loan}", done: "给出了贷款预审估算{loan}" },
    explain_credit_decision: { do: "解释信贷估算", done: "解释了信贷估算" },
    handoff_to_human: { do: "将对话转交工作人员", done: "将对话转交给了工作人员" },
  },
};

const OTHER_TOOL: Record<Locale, StepPhrase> = {
  en: { do: "use another tool", done: "used another tool" },
  "zh-CN": { do: "使用其他工具", done: "使用了其他工具" },
};

const STATUS: Record<Locale, Record<"awaiting" | "rejected" | "failed", string>> = {
  en: { awaiting: "asked the customer to approve: {do}", rejected: "was told not to {do}", failed: "could not {do}" },
  "zh-CN": { awaiting: "请客户确认：{do}", rejected: "客户拒绝了：{do}", failed: "未能{do}" },
};

/** The details a step phrase may name. */
export interface StepDetails {
  last4?: string;
  transactionId?: string;
  loan?: { amount: string; term: number };
}

function details(locale: Locale, d: StepDetails): Record<string, string> {
  if (locale === "zh-CN")
    return {
      ending: d.last4 ? `尾号 ${d.last4} 的` : "",
      on: d.transactionId ? `（${d.transactionId}）` : "",
      loan: d.loan ? `（${d.loan.amount}，${d.loan.term}个月）` : "",
    };
  return {
    ending: d.last4 ? ` ending ${d.last4}` : "",
    on: d.transactionId ? ` on ${d.transactionId}` : "",
    loan: d.loan ? ` for ${d.loan.amount} over ${d.loan.term} months` : "",
  };
}

/** One tool call as the summary tells it, by its status. */
export function stepPhrase(locale: Locale, tool: string, status: string, d: StepDetails): string {
  const phrase = STEPS[locale][tool] ?? OTHER_TOOL[locale];
  const vars = details(locale, d);
  const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? "");
  const kind =
    status === "ok"
      ? undefined
      : status === "awaiting_confirmation"
        ? "awaiting"
        : status === "rejected"
          ? "rejected"
          : "failed";
  if (!kind) return fill(phrase.done);
  return STATUS[locale][kind].replace("{do}", fill(phrase.do));
}
