// The widget's interface text in English and Simplified Chinese, and the rule for following the conversation's language.

/** The UI locales the widget speaks. */
export type UiLocale = "en" | "zh-CN";

const EN = {
  launcherOpen: "Chat with Harbor Bank",
  launcherClose: "Close chat",
  unread: "New message",
  title: "Harbor Bank",
  subtitle: "Virtual assistant · 24/7",
  close: "Close chat",
  endChat: "End chat",
  endChatConfirm: "Chat ended. Start a new conversation any time.",
  greeting: "Hello! I can help with cards, payments, accounts and our products. How can I help today?",
  inputLabel: "Type your message",
  placeholder: "Type your message…",
  send: "Send",
  typing: "Assistant is typing",
  you: "You",
  assistant: "Harbor assistant",
  staff: "Harbor Bank team",
  system: "Notice",
  sources: "Sources",
  confirmTitle: "Please confirm",
  approve: "Approve",
  cancel: "Cancel",
  approved: "Approved",
  cancelled: "Cancelled",
  handoffWaiting: "Connecting you to a member of our team…",
  handoffActive: "You are now chatting with a member of our team",
  handoffClosed: "Our team member has left the chat. The assistant is back.",
  errorNetwork: "We could not reach Harbor Bank. Check your connection and try again.",
  errorServer: "Something went wrong on our side.",
  retry: "Retry",
  signedOutNote: "You are not signed in. Sign in to online banking for help with your accounts.",
  disclaimer: "Automated assistant. Never share your PIN or full card number.",
  suggestions: "Suggested replies",
  helped: "This answer helped",
  notHelped: "This answer did not help",
  feedbackCommentLabel: "What went wrong? (optional)",
  feedbackSend: "Send feedback",
  feedbackThanks: "Thank you for your feedback.",
  feedbackFailed: "Your feedback could not be sent. Please try again.",
  csatTitle: "How was your chat today?",
  csat1: "Very poor",
  csat2: "Poor",
  csat3: "OK",
  csat4: "Good",
  csat5: "Very good",
  csatCommentLabel: "Anything else to tell us? (optional)",
  csatSend: "Send rating",
  csatLater: "Not now",
};

/** The keys every locale must translate. */
export type StringKey = keyof typeof EN;

const ZH: Record<StringKey, string> = {
  launcherOpen: "与海港银行在线交谈",
  launcherClose: "关闭对话",
  unread: "新消息",
  title: "海港银行",
  subtitle: "智能助手 · 全天候服务",
  close: "关闭对话",
  endChat: "结束对话",
  endChatConfirm: "对话已结束。您可以随时开始新的对话。",
  greeting: "您好！我可以帮您处理银行卡、付款、账户及产品相关问题。请问有什么可以帮您？",
  inputLabel: "输入您的消息",
  placeholder: "输入您的消息…",
  send: "发送",
  typing: "助手正在输入",
  you: "您",
  assistant: "海港助手",
  staff: "海港银行客服",
  system: "通知",
  sources: "参考来源",
  confirmTitle: "请确认",
  approve: "确认",
  cancel: "取消",
  approved: "已确认",
  cancelled: "已取消",
  handoffWaiting: "正在为您转接人工客服…",
  handoffActive: "您正在与我们的客服人员交谈",
  handoffClosed: "客服人员已离开对话，智能助手将继续为您服务。",
  errorNetwork: "无法连接海港银行。请检查网络后重试。",
  errorServer: "我们这边出了点问题。",
  retry: "重试",
  signedOutNote: "您尚未登录。登录网上银行后可查询账户相关问题。",
  disclaimer: "智能助手。请勿透露您的密码或完整卡号。",
  suggestions: "建议回复",
  helped: "这个回答有帮助",
  notHelped: "这个回答没有帮助",
  feedbackCommentLabel: "哪里有问题？（选填）",
  feedbackSend: "提交反馈",
  feedbackThanks: "感谢您的反馈。",
  feedbackFailed: "反馈未能发送，请稍后重试。",
  csatTitle: "您对本次对话满意吗？",
  csat1: "非常不满意",
  csat2: "不满意",
  csat3: "一般",
  csat4: "满意",
  csat5: "非常满意",
  csatCommentLabel: "还有什么想告诉我们？（选填）",
  csatSend: "提交评分",
  csatLater: "暂不评价",
};

const TABLES: Record<UiLocale, Record<StringKey, string>> = { en: EN, "zh-CN": ZH };

/** Returns the text for a key in a locale. */
export function t(locale: UiLocale, key: StringKey): string {
  return TABLES[locale][key];
}

/** Normalises a `data-lang` value ("zh", "zh-CN", "zh-Hans", "en-GB") to a UI locale. */
export function toUiLocale(value: string | null | undefined): UiLocale {
  return value && /^zh/i.test(value) ? "zh-CN" : "en";
}

/** The locale a customer's message is written in, or undefined when it is too short to tell (e.g. "ok", "123"). */
export function localeOfMessage(text: string): UiLocale | undefined {
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  if (han > 0 && han * 3 >= latin) return "zh-CN";
  if (latin >= 4) return "en";
  return undefined;
}
