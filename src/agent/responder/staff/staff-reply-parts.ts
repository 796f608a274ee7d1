// Shared pieces of the staff tools' replies (customer overview, transactions, conversations, handoff queue, fraud
// figures): the stand-in sentences, and bilingual names for the codes their data carries (intents, statuses,
// channels, card and account products), so a Chinese reply holds no English word.
import type { Locale } from "../../../shared/locale.js";
import type { StandInResult } from "../../tools/tool-results.js";

const STAND_IN: Record<Locale, Record<StandInResult["status"], string>> = {
  en: {
    forbidden: "Only a member of staff can see this.",
    unavailable: "I couldn't run that lookup just now. Please try again.",
    rejected: "OK, nothing was done.",
    failed: "The lookup failed. Please try again, or use the staff console.",
  },
  "zh-CN": {
    forbidden: "只有银行工作人员可以查看此信息。",
    unavailable: "暂时无法执行该查询，请稍后再试。",
    rejected: "好的，未执行任何操作。",
    failed: "查询失败，请重试或使用员工控制台。",
  },
};

/** The sentence for a result the tool did not produce itself. */
export function standInSentence(result: StandInResult, locale: Locale): string {
  return STAND_IN[locale][result.status];
}

/** Whether a result is a stand-in rather than the tool's own output. */
export function isStandIn<T extends { status: string }>(result: T | StandInResult): result is StandInResult {
  return ["forbidden", "unavailable", "rejected", "failed"].includes(result.status);
}

const INTENTS: Record<string, [string, string]> = {
  account_details: ["account details", "账户信息"],
  advice_request: ["a request for advice", "咨询建议"],
  app_login_problem: ["app login problems", "应用登录问题"],
  balance: ["balance", "账户余额"],
  bot_capabilities: ["what the assistant can do", "助手功能"],
  card_abroad: ["using a card abroad", "境外用卡"],
  card_activation: ["card activation", "激活银行卡"],
  card_declined: ["a declined card", "银行卡被拒"],
  card_delivery: ["card delivery", "银行卡寄送"],
  card_freeze_unfreeze: ["freezing or unfreezing a card", "冻结或解冻银行卡"],
  card_limits: ["card limits", "银行卡限额"],
  card_pin: ["card PIN", "银行卡密码"],
  card_replacement: ["card replacement", "补换银行卡"],
  close_account: ["closing an account", "销户"],
  complaint: ["a complaint", "投诉"],
  compromised_card: ["a compromised card", "银行卡信息泄露"],
  contact_and_branches: ["contact details and branches", "联系方式和网点"],
  credit_card_application: ["a credit card application", "申请信用卡"],
  credit_declined_reason: ["why credit was declined", "信贷被拒原因"],
  credit_limit_increase: ["a credit limit increase", "提高信用额度"],
  credit_score: ["credit score", "信用评分"],
  direct_debits_standing_orders: ["direct debits and standing orders", "直接扣款和定期转账"],
  dispute_transaction: ["disputing a transaction", "交易争议"],
  fees_and_charges: ["fees and charges", "费用"],
  goodbye: ["saying goodbye", "道别"],
  greeting: ["a greeting", "问候"],
  hardship_support: ["financial hardship support", "经济困难援助"],
  identity_verification: ["identity verification", "身份验证"],
  interest_rates_savings: ["savings interest rates", "储蓄利率"],
  international_transfer: ["an international transfer", "境外汇款"],
  loan_eligibility: ["loan eligibility", "贷款资格"],
  loan_rates: ["loan rates", "贷款利率"],
  lost_or_stolen_card: ["a lost or stolen card", "银行卡丢失或被盗"],
  mobile_wallet: ["mobile wallets", "手机钱包"],
  mortgage_enquiry: ["a mortgage enquiry", "房贷咨询"],
  open_account: ["opening an account", "开户"],
  out_of_scope: ["something outside banking", "非银行业务问题"],
  overdraft: ["overdraft", "透支"],
  password_reset: ["a password reset", "重置密码"],
  payment_limits_cutoffs: ["payment limits and cut-off times", "支付限额和截止时间"],
  payment_recall: ["recalling a payment", "撤回付款"],
  pending_payment: ["a pending payment", "待处理付款"],
  recent_transactions: ["recent transactions", "近期交易"],
  scam_report: ["reporting a scam", "举报诈骗"],
  speak_to_human: ["asking for a person", "要求转人工"],
  statements: ["statements", "对账单"],
  thanks: ["thanks", "致谢"],
  transfer_fees: ["transfer fees", "转账手续费"],
  two_factor_new_device: ["two-factor sign-in on a new device", "新设备双重验证"],
  unrecognised_transaction: ["an unrecognised transaction", "不认识的交易"],
};

/** The router intents that have a topic name (the customer intents). */
export const NAMED_INTENTS: readonly string[] = Object.keys(INTENTS);

/** What a customer asked about, named from a router intent. */
export function intentTopic(intent: string, locale: Locale): string {
  const names = INTENTS[intent];
  if (names) return locale === "zh-CN" ? names[1] : names[0];
  return locale === "zh-CN" ? "其他问题" : intent.replace(/_/g, " ");
}

const NAMES: Record<Locale, Record<string, string>> = {
  en: {
    waiting: "waiting",
    with_agent: "with staff",
    closed: "closed",
    none: "low risk",
    review: "review",
    block: "high risk (block)",
    chip_and_pin: "chip and PIN",
    contactless: "contactless",
    online: "online",
    card_present: "in person",
    active: "active",
    frozen: "frozen",
    blocked: "blocked",
    open: "open",
    resolved: "resolved",
    rejected: "rejected",
    duplicate: "duplicate",
    bot: "assistant",
    human: "staff",
    en: "English",
    "zh-CN": "Chinese",
  },
  "zh-CN": {
    waiting: "等待中",
    with_agent: "处理中",
    closed: "已关闭",
    none: "低风险",
    review: "需复核",
    block: "高风险（拦截）",
    chip_and_pin: "芯片密码",
    contactless: "非接触支付",
    online: "线上",
    card_present: "线下刷卡",
    active: "正常",
    frozen: "已冻结",
    blocked: "已停用",
    open: "处理中",
    resolved: "已解决",
    rejected: "已驳回",
    duplicate: "重复",
    bot: "智能助手",
    human: "人工",
    en: "英文",
    "zh-CN": "中文",
    "Visa Debit": "维萨借记卡",
    visa: "维萨卡",
    Mastercard: "万事达卡",
    mastercard: "万事达卡",
    "Everyday Current Account": "日常活期账户",
    "Everyday Saver": "日常储蓄账户",
    current: "活期账户",
    savings: "储蓄账户",
    Wales: "威尔士",
    London: "伦敦",
    "South East": "东南部",
    "North West": "西北部",
    Yorkshire: "约克郡",
    "East Midlands": "东米德兰",
    "Northern Ireland": "北爱尔兰",
    Scotland: "苏格兰",
    "North East": "东北部",
    Manchester: "曼彻斯特",
  },
};

/** The name of a status, level, channel, language or product code in a reply; unknown codes stay as they are in English. */
export function codeName(code: string, locale: Locale): string {
  const name = NAMES[locale][code];
  if (name) return name;
  if (locale === "en") return code.replace(/_/g, " ");
  // A Chinese reply holds no English word: an unknown product or code gets a neutral name.
  return /[A-Za-z]/.test(code) ? "其他" : code;
}

/** An ISO timestamp as a short date and time (UTC). */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hhmm = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  if (locale === "zh-CN") return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hhmm}`;
  const date = d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `${date} ${hhmm}`;
}

/** A fraud probability as a percentage with one decimal. */
export function formatPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** Fills a renderer's `{name}` placeholders; an unknown name becomes empty, never the raw placeholder. */
export function fill(template: string | undefined, vars: Record<string, string | number>): string {
  return (template ?? "").replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ""));
}
