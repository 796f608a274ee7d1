// What each customer intent is about, as a short phrase in both languages, so a summary can say what the customer
// wanted without showing staff the router's internal names.
import type { BilingualText, Locale } from "../../shared/locale.js";

const TOPICS: Readonly<Record<string, BilingualText>> = {
  account_details: { en: "their account details", "zh-CN": "账户信息" },
  advice_request: { en: "financial advice", "zh-CN": "理财建议" },
  app_login_problem: { en: "trouble signing in to the app", "zh-CN": "手机银行登录问题" },
  balance: { en: "their balance", "zh-CN": "账户余额" },
  bot_capabilities: { en: "what the assistant can do", "zh-CN": "助手能做什么" },
  card_abroad: { en: "using their card abroad", "zh-CN": "在境外用卡" },
  card_activation: { en: "activating a card", "zh-CN": "激活银行卡" },
  card_declined: { en: "a declined card payment", "zh-CN": "银行卡支付被拒" },
  card_delivery: { en: "card delivery", "zh-CN": "银行卡寄送" },
  card_freeze_unfreeze: { en: "freezing or unfreezing a card", "zh-CN": "冻结或解冻银行卡" },
  card_limits: { en: "card limits", "zh-CN": "银行卡限额" },
  card_pin: { en: "their card PIN", "zh-CN": "银行卡密码" },
  card_replacement: { en: "a replacement card", "zh-CN": "补办银行卡" },
  close_account: { en: "closing an account", "zh-CN": "销户" },
  complaint: { en: "a complaint", "zh-CN": "投诉" },
  compromised_card: { en: "a card that may be compromised", "zh-CN": "银行卡信息可能泄露" },
  contact_and_branches: { en: "contact details and branches", "zh-CN": "联系方式和网点" },
  credit_card_application: { en: "applying for a credit card", "zh-CN": "申请信用卡" },
  credit_declined_reason: { en: "why credit was declined", "zh-CN": "信贷被拒的原因" },
  credit_limit_increase: { en: "a higher credit limit", "zh-CN": "提高信用额度" },
  credit_score: { en: "their credit score", "zh-CN": "信用评分" },
  direct_debits_standing_orders: { en: "direct debits and standing orders", "zh-CN": "直接借记和定期转账" },
  dispute_transaction: { en: "disputing a payment", "zh-CN": "对交易提出争议" },
  fees_and_charges: { en: "fees and charges", "zh-CN": "费用和收费" },
  goodbye: { en: "ending the chat", "zh-CN": "结束对话" },
  greeting: { en: "a greeting", "zh-CN": "问候" },
  hardship_support: { en: "support in financial difficulty", "zh-CN": "经济困难支持" },
  identity_verification: { en: "identity checks", "zh-CN": "身份验证" },
  interest_rates_savings: { en: "savings interest rates", "zh-CN": "储蓄利率" },
  international_transfer: { en: "an international transfer", "zh-CN": "国际汇款" },
  loan_eligibility: { en: "whether they can get a loan", "zh-CN": "贷款资格" },
  loan_rates: { en: "loan rates", "zh-CN": "贷款利率" },
  lost_or_stolen_card: { en: "a lost or stolen card", "zh-CN": "银行卡丢失或被盗" },
  mobile_wallet: { en: "mobile wallets", "zh-CN": "手机钱包" },
  mortgage_enquiry: { en: "a mortgage", "zh-CN": "房贷" },
  open_account: { en: "opening an account", "zh-CN": "开户" },
  out_of_scope: { en: "something outside banking", "zh-CN": "银行业务以外的问题" },
  overdraft: { en: "an overdraft", "zh-CN": "透支" },
  password_reset: { en: "resetting a password", "zh-CN": "重置密码" },
  payment_limits_cutoffs: { en: "payment limits and cut-off times", "zh-CN": "支付限额和截止时间" },
  payment_recall: { en: "recalling a payment", "zh-CN": "撤回付款" },
  pending_payment: { en: "a pending payment", "zh-CN": "处理中的付款" },
  recent_transactions: { en: "their recent transactions", "zh-CN": "近期交易" },
  scam_report: { en: "a possible scam", "zh-CN": "疑似诈骗" },
  speak_to_human: { en: "talking to a person", "zh-CN": "转人工客服" },
  statements: { en: "statements", "zh-CN": "账单" },
  thanks: { en: "thanking us", "zh-CN": "致谢" },
  transfer_fees: { en: "transfer fees", "zh-CN": "转账费用" },
  two_factor_new_device: { en: "two-step sign-in on a new device", "zh-CN": "新设备双重验证" },
  unrecognised_transaction: { en: "a payment they don't recognise", "zh-CN": "不认识的交易" },
};

const UNKNOWN: BilingualText = { en: "their question", "zh-CN": "咨询的问题" };

/** The topic of an intent in a language; an intent without a phrase reads as "their question". */
export function intentTopic(intent: string, locale: Locale): string {
  return (TOPICS[intent] ?? UNKNOWN)[locale];
}
