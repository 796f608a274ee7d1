// Bilingual reply templates for tool outcomes and conversation moves; every fact in them comes from a variable
// filled from a tool result, never from the template itself.
import type { Locale } from "../../shared/locale.js";

const EN = {
  greeting:
    "Hello! I'm Harbor Bank's assistant. I can help with cards, payments, accounts, loans and security questions.",
  thanks: "You're welcome. Is there anything else I can help with?",
  goodbye: "Thanks for chatting with Harbor Bank. Take care!",
  capabilities:
    "I'm Harbor Bank's virtual assistant. I can answer questions from our official guides, check your recent transactions, freeze a card, open a dispute, give a loan pre-qualification estimate, or connect you to a person.",
  signIn:
    "To help with your own account, cards or transactions I need you to sign in first. I never show account details in an anonymous chat.",
  signInGeneral: "Here's the general information in the meantime:",
  signInToAct:
    "If you sign in, I can do this for you here: check your transactions, freeze your card or open a dispute.",
  riskScanned: "I checked your {count} most recent transactions. This one stands out:",
  riskNothingStandsOut:
    "I checked your {count} most recent transactions and none of them looks unusual to our fraud checks. The latest is:",
  confirmPrompt: "Please confirm: {summary}. Nothing happens until you approve.",
  accountDetails:
    "Your {type} ends in {ending}. For your security I don't show full account details in chat; you'll find your sort code and account number in the Harbor app under Accounts.",
  noKnowledge: "I couldn't find that in our guides. Would you like me to connect you to a member of our team?",
  knowledgeIntro: "",
  cardsWhich: "Which card do you mean? You have cards ending {cards}.",
  cardsNone: "I couldn't find a card of yours that matches. Your cards end in {cards}.",
  frozen:
    "Done: your card ending {last4} is now frozen. No new payments can be made with it until you unfreeze it in the app.",
  alreadyFrozen: "Your card ending {last4} is already frozen.",
  freezeRejected: "OK, I haven't frozen anything. Your card stays as it was.",
  disputeRejected: "OK, I haven't opened a dispute.",
  disputeOpened:
    "I've opened dispute {id} for {merchant} {amount} on {date}. Our disputes team will be in touch; you can follow it in the app.",
  disputeAlreadyOpen:
    "{merchant} {amount} on {date} is already under dispute ({id}), so I haven't opened another. Our disputes team is handling it; you can follow it in the app.",
  txList: "Here are your most recent transactions:",
  txNone: "I couldn't find any matching transactions on your account.",
  txRow: "• {date} — {merchant} — {amount}{card}",
  risk: "I checked {merchant} {amount} on {date}. Our fraud checks rate it as {level} ({pct} likelihood of fraud).",
  riskReasons: "Main signals: {reasons}.",
  riskNext: "If you don't recognise it, I can freeze your card and open a dispute for you.",
  riskLevel_none: "low risk",
  riskLevel_review: "worth reviewing",
  riskLevel_block: "high risk",
  disputeWhich: "Which transaction would you like to dispute?",
  accounts: "Your accounts:",
  accountRow: "• {type} ending {ending}: {balance}",
  creditAskAmount:
    "How much would you like to borrow, and over how many years? (Personal loans are £1,000 to £35,000 over 1 to 7 years.)",
  creditEstimate: "Pre-qualification estimate for {amount} over {term} months: {decision} (grade {grade}).",
  creditDecision_approve: "you are likely to be accepted",
  creditDecision_refer: "we would need to look at your application in more detail",
  creditDecision_decline: "you are unlikely to be accepted at the moment",
  creditReasons: "The main factors: {reasons}.",
  creditDisclaimer:
    "This is an estimate from the information we hold, not a credit decision or a guarantee. A full application includes a credit check.",
  creditExplain: "Here's what affected the estimate most: {reasons}.",
  creditCurrent: "From the information we hold, our current estimate is that {decision} (grade {grade}).",
  creditNoProfile:
    "I don't have enough information on file to give you an estimate. A member of our lending team can help.",
  handoff:
    "I've passed your conversation to our team (reference {ticketId}). A member of staff will join this chat shortly; I'll stay quiet while they help you.",
  unavailable: "Sorry, I can't check that right now. Please try again in a moment.",
  notFoundTx: "I couldn't find that transaction on your account.",
  quickFreeze: "Freeze my card",
  quickDispute: "Dispute this transaction",
  quickPerson: "Talk to a person",
  quickNo: "No thanks",
  ungrounded:
    "I want to be sure I give you accurate figures, so please check the guide linked below or call us on 0345 600 7000.",
  outOfScope:
    "Sorry, that's outside what I can help with here. I can answer questions about Harbor Bank's cards, accounts, payments, loans and security, or connect you to a person.",
  advice:
    "I'm not able to give investment, tax, legal or pension advice, and I can't promise any credit outcome. For advice, please speak to a regulated financial adviser (MoneyHelper offers free, impartial guidance). I'm happy to help with questions about your Harbor accounts.",
  clarify: "Sorry, I'm not sure I understood. Did you mean one of these?",
  injection: "I can only help with your own banking, and I can't change how I work or who I'm talking to.",
  handoffAfterPending:
    "Please confirm or cancel the action waiting above first. Then I can connect you to a member of our team.",
  pendingCancelled: "I've cancelled the action that was waiting for your confirmation.",
  humanActive: "",
  route_knowledge: "A question about our products",
  route_cards: "Help with my card",
  route_fraud: "Fraud, scams or a lost card",
  route_credit: "Loans and credit",
  route_account: "My account and transactions",
  route_handoff: "Talk to a person",
  route_smalltalk: "Something else",
  route_out_of_scope: "Something else",
};

const ZH: typeof EN = {
  greeting: "您好！我是Harbor银行的智能助手，可以帮您处理银行卡、转账、账户、贷款和账户安全等问题。",
  thanks: "不客气！还有什么可以帮您的吗？",
  goodbye: "感谢您联系Harbor银行，祝您一切顺利！",
  capabilities:
    "我是Harbor银行的虚拟助手：可以根据官方指南回答问题、查看您最近的交易、冻结银行卡、提交交易争议、提供贷款预审估算，或为您转接人工客服。",
  signIn: "如需查询您本人的账户、银行卡或交易，请先登录。匿名对话中我不会显示任何账户信息。",
  signInGeneral: "以下是一般性说明：",
  signInToAct: "如果您登录，我可以直接在这里为您查看交易、冻结银行卡或提交争议。",
  riskScanned: "我查看了您最近的 {count} 笔交易，以下这笔比较可疑：",
  riskNothingStandsOut: "我查看了您最近的 {count} 笔交易，我们的反欺诈检测没有发现异常。最近的一笔是：",
  confirmPrompt: "请确认：{summary}。在您批准之前不会执行任何操作。",
  accountDetails:
    "您的{type}尾号为 {ending}。为保障您的安全，我不会在对话中显示完整账户信息；您可以在Harbor app的“账户”中查看分行代码和账号。",
  noKnowledge: "我在我们的指南中没有找到相关内容。需要为您转接人工客服吗？",
  knowledgeIntro: "",
  cardsWhich: "请问是哪张卡？您的卡尾号为 {cards}。",
  cardsNone: "没有找到与您描述相符的银行卡。您的卡尾号为 {cards}。",
  frozen: "已完成：尾号 {last4} 的银行卡已冻结。在您通过App解冻之前，该卡无法进行新的支付。",
  alreadyFrozen: "尾号 {last4} 的银行卡已经处于冻结状态。",
  freezeRejected: "好的，我没有冻结任何银行卡，您的卡状态保持不变。",
  disputeRejected: "好的，我没有提交争议。",
  disputeOpened:
    "已为您提交争议 {id}：{date} 在 {merchant} 的 {amount}。争议处理团队会与您联系，您也可以在App中查看进度。",
  disputeAlreadyOpen:
    "{date} 在 {merchant} 的 {amount} 已有处理中的争议 {id}，因此没有重复提交。争议处理团队正在处理，您也可以在App中查看进度。",
  txList: "以下是您最近的交易：",
  txNone: "没有在您的账户中找到相符的交易。",
  txRow: "• {date} — {merchant} — {amount}{card}",
  risk: "我查看了 {date} 在 {merchant} 的 {amount}。我们的反欺诈检测将其评为{level}（欺诈可能性 {pct}）。",
  riskReasons: "主要信号：{reasons}。",
  riskNext: "如果这笔交易不是您本人所为，我可以帮您冻结银行卡并提交争议。",
  riskLevel_none: "低风险",
  riskLevel_review: "需要复核",
  riskLevel_block: "高风险",
  disputeWhich: "您想对哪一笔交易提出争议？",
  accounts: "您的账户：",
  accountRow: "• {type}（尾号 {ending}）：{balance}",
  creditAskAmount: "请问您想借多少钱、分几年还款？（个人贷款金额为£1,000至£35,000，期限1至7年。）",
  creditEstimate: "{amount}、{term}个月的预审估算：{decision}（等级 {grade}）。",
  creditDecision_approve: "您获批的可能性较大",
  creditDecision_refer: "我们需要进一步审核您的申请",
  creditDecision_decline: "目前获批的可能性较低",
  creditReasons: "主要因素：{reasons}。",
  creditDisclaimer: "这只是根据我们现有信息做出的估算，并非信贷决定或保证。正式申请时会进行信用查询。",
  creditExplain: "对估算影响最大的因素：{reasons}。",
  creditCurrent: "根据我们现有的信息，目前的估算是：{decision}（等级 {grade}）。",
  creditNoProfile: "我们目前没有足够的信息为您估算。贷款团队的同事可以为您提供帮助。",
  handoff: "已将您的对话转交给我们的团队（编号 {ticketId}）。工作人员很快会加入对话，在此期间我将保持安静。",
  unavailable: "抱歉，目前无法查询，请稍后再试。",
  notFoundTx: "没有在您的账户中找到这笔交易。",
  quickFreeze: "冻结我的卡",
  quickDispute: "对这笔交易提出争议",
  quickPerson: "转人工客服",
  quickNo: "不用了",
  ungrounded: "为确保信息准确，请查看下方链接的指南，或致电 0345 600 7000 咨询。",
  outOfScope:
    "抱歉，这超出了我能帮助的范围。我可以解答有关Harbor银行银行卡、账户、转账、贷款和安全的问题，或为您转接人工客服。",
  advice:
    "我无法提供投资、税务、法律或养老金方面的建议，也不能对任何信贷结果作出承诺。如需建议，请咨询受监管的理财顾问（MoneyHelper提供免费、公正的指导）。关于您在Harbor的账户，我很乐意为您解答。",
  clarify: "抱歉，我不太确定您的意思。您是想问以下哪一项？",
  injection: "我只能协助处理您本人的银行业务，无法更改我的工作方式或对话对象。",
  handoffAfterPending: "请先确认或取消上面等待中的操作，之后我可以为您转接人工客服。",
  pendingCancelled: "我已取消等待您确认的操作。",
  humanActive: "",
  route_knowledge: "产品相关问题",
  route_cards: "银行卡帮助",
  route_fraud: "欺诈、诈骗或卡片丢失",
  route_credit: "贷款和信贷",
  route_account: "我的账户和交易",
  route_handoff: "转人工客服",
  route_smalltalk: "其他问题",
  route_out_of_scope: "其他问题",
};

/** Template keys. */
export type TemplateKey = keyof typeof EN;

/** Renders a template in a locale, filling `{name}` variables. */
export function say(locale: Locale, key: TemplateKey, vars: Record<string, string | number> = {}): string {
  const table = locale === "zh-CN" ? ZH : EN;
  return table[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ""));
}

const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  "zh-CN": new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
const SYMBOLS: Record<string, string> = { GBP: "£", EUR: "€", USD: "$" };

/** Formats money for a reply. */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const s = SYMBOLS[currency];
  const num = NUMBER_FORMATS[locale].format(amount);
  return s ? `${s}${num}` : `${num} ${currency}`;
}

/** Formats an ISO timestamp as a short date. */
export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return locale === "zh-CN"
    ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
    : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** Every template of a locale: our own vetted wording, which the output rails accept as a source of facts. */
export function templateTexts(locale: Locale): readonly string[] {
  return Object.values(locale === "zh-CN" ? ZH : EN);
}
