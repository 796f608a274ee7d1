// Query expansion with a small bilingual banking glossary: a Chinese question about a topic documented only in
// English still reaches the English document, and customer slang meets the words the documents use.

const ZH_TO_EN: [string, string][] = [
  ["挂失", "report lost stolen card"],
  ["丢", "lost"],
  ["被偷", "stolen"],
  ["被盗", "stolen"],
  ["冻结", "freeze"],
  ["锁卡", "freeze card"],
  ["解冻", "unfreeze"],
  ["激活", "activate"],
  ["密码", "pin password passcode"],
  ["限额", "limit"],
  ["非接触", "contactless"],
  ["闪付", "contactless"],
  ["国外", "abroad"],
  ["海外", "abroad overseas"],
  ["境外", "abroad"],
  ["出国", "abroad travel"],
  ["手续费", "fee"],
  ["收费", "fee charge"],
  ["费用", "fee cost"],
  ["转账", "transfer payment"],
  ["汇款", "international payment transfer"],
  ["到账", "arrive"],
  ["截止", "cut-off time"],
  ["转错", "wrong payment recall"],
  ["撤回", "recall cancel payment"],
  ["定期付款", "standing order"],
  ["自动扣款", "direct debit recurring payment"],
  ["贷款", "loan"],
  ["利率", "interest rate apr"],
  ["利息", "interest rate aer"],
  ["房贷", "mortgage"],
  ["按揭", "mortgage"],
  ["首付", "mortgage deposit loan-to-value first-time buyer"],
  ["信用卡", "credit card"],
  ["年费", "annual fee"],
  ["返现", "cashback"],
  ["信用评分", "credit score"],
  ["信用分", "credit score"],
  ["储蓄", "savings saver"],
  ["存款", "savings"],
  ["对账单", "statement"],
  ["账单", "statement"],
  ["开户", "open account"],
  ["销户", "close account"],
  ["透支", "overdraft"],
  ["诈骗", "scam"],
  ["骗", "scam fraud"],
  ["钓鱼", "phishing"],
  ["验证码", "one-time passcode code"],
  ["安全账户", "safe account"],
  ["不是我", "unauthorised transaction did not make"],
  ["争议", "dispute"],
  ["退款", "refund"],
  ["投诉", "complaint"],
  ["客服", "customer service contact"],
  ["电话", "phone number call"],
  ["分行", "branch"],
  ["网点", "branch"],
  ["新手机", "new device phone"],
  ["登录", "log in app"],
  ["忘记密码", "forgot password reset"],
  ["失业", "hardship financial difficulty"],
  ["还不上", "hardship struggling repayments"],
  ["被拒", "declined"],
  ["拒付", "declined"],
];

const EN_SYNONYMS: [RegExp, string][] = [
  [/\bnick(ed)?\b/, "stolen"],
  [/\bpinched\b/, "stolen"],
  [/\bcash ?(machine|point)s?\b/, "atm"],
  [/\bwire\b/, "transfer"],
  [/\btap\b/, "contactless"],
  [/\bcc\b/, "credit card"],
  [/\bdd\b/, "direct debit"],
  [/\brejected\b|\bturned down\b|\brefused\b/, "declined"],
  [/\bsort code\b|\bwrong account\b/, "mistaken payment"],
];

/** Appends glossary terms for the Chinese words and slang found in a query. */
export function expandQuery(query: string): string {
  const extra = new Set<string>();
  for (const [zh, en] of ZH_TO_EN) if (query.includes(zh)) extra.add(en);
  const lower = query.toLowerCase();
  for (const [pattern, en] of EN_SYNONYMS) if (pattern.test(lower)) extra.add(en);
  return extra.size === 0 ? query : `${query}\n${[...extra].join(" ")}`;
}

// Chinese documents and customers name the same things differently (转账 vs 汇款, 手续费 vs 收费).
const ZH_SYNONYMS: [RegExp, string][] = [
  [/(国际|海外|境外|国外|出国).{0,4}(转账|汇款)|(转账|汇款|汇钱|打钱).{0,4}(国外|海外|境外|中国|国内|香港|台湾|澳门|美国|欧洲|新加坡)/, "国际汇款 SWIFT 费用 到账"],
  [/转账|打款|汇钱/, "汇款"],
  [/手续费|多少钱|费用/, "收费 费用"],
  [/卡.{0,3}(丢|不见|找不到)|丢.{0,2}卡/, "挂失 丢失"],
  [/骗子|被骗/, "诈骗"],
];

/** Appends Chinese synonyms, for matching a Chinese question against Chinese documents. */
export function expandChineseQuery(query: string): string {
  const extra = ZH_SYNONYMS.filter(([re]) => re.test(query)).map(([, add]) => add);
  return extra.length === 0 ? query : `${query} ${extra.join(" ")}`;
}
