// The one synonym table: customers, the English documents and the Chinese documents name the same things
// differently ("nicked" vs "stolen", 转账 vs 汇款, 手续费 vs 收费). Merged from four former tables, each entry saying
// which (`from`); none was dropped, and the two that said the same thing in two tables are now one entry each.

/**
 * Where an entry came from: "glossary" (query-expansion ZH_TO_EN: Chinese questions reaching English documents),
 * "slang" (query-expansion EN_SYNONYMS), "zh-wording" (query-expansion ZH_SYNONYMS: Chinese questions reaching
 * Chinese documents) and "answer" (extract-answer SYNONYMS: words folded together when matching answer sentences).
 */
export type SynonymSource = "glossary" | "slang" | "zh-wording" | "answer";

/**
 * How an entry is used: "expand" appends the words of `means` a search query lacks when it matches `written` (the
 * documents' words join the customer's); "fold" replaces `written` by `means` in both texts an answer is matched on
 * (the words are interchangeable, so either side may use either).
 */
export type SynonymUse = "expand" | "fold";

/** One synonym: how it may be written, what the documents call it, and how it is used. */
export interface SynonymEntry {
  /** Matched on text normalised for matching (NFKC, lower-case, no apostrophes); bounded, so linear in its length. */
  written: RegExp;
  /** The words the documents of `lang` use for it. */
  means: string;
  /** Language of the documents `means` is worded for: "en" bridges to English documents, "zh" to Chinese ones. */
  lang: "en" | "zh";
  use: readonly SynonymUse[];
  from: readonly SynonymSource[];
}

const EXPAND = ["expand"] as const;
const FOLD = ["fold"] as const;
const BOTH = ["expand", "fold"] as const;

/** Every synonym, in the order expansions are appended and folds applied. */
export const SYNONYMS: readonly SynonymEntry[] = [
  { written: /挂失/, means: "report lost stolen card", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /丢/, means: "lost", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /被偷/, means: "stolen", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /被盗/, means: "stolen", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /冻结/, means: "freeze", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /锁卡/, means: "freeze card", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /解冻/, means: "unfreeze", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /激活/, means: "activate", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /密码/, means: "pin password passcode", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /限额/, means: "limit", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /非接触/, means: "contactless", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /闪付/, means: "contactless", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /国外/, means: "abroad", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /海外/, means: "abroad overseas", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /境外/, means: "abroad", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /出国/, means: "abroad travel", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /手续费/, means: "fee", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /收费/, means: "fee charge", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /费用/, means: "fee cost", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /转账/, means: "transfer payment", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /汇款/, means: "international payment transfer", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /到账/, means: "arrive", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /截止/, means: "cut-off time", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /转错/, means: "wrong payment recall", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /撤回/, means: "recall cancel payment", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /定期付款/, means: "standing order", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /自动扣款/, means: "direct debit recurring payment", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /贷款/, means: "loan", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /利率/, means: "interest rate apr", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /利息/, means: "interest rate aer", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /房贷/, means: "mortgage", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /按揭/, means: "mortgage", lang: "en", use: EXPAND, from: ["glossary"] },
  {
    written: /首付/,
    means: "mortgage deposit loan-to-value first-time buyer",
    lang: "en",
    use: EXPAND,
    from: ["glossary"],
  },
  { written: /信用卡/, means: "credit card", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /年费/, means: "annual fee", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /返现/, means: "cashback", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /信用评分/, means: "credit score", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /信用分/, means: "credit score", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /储蓄/, means: "savings saver", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /存款/, means: "savings", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /对账单/, means: "statement", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /账单/, means: "statement", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /开户/, means: "open account", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /销户/, means: "close account", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /透支/, means: "overdraft", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /诈骗/, means: "scam", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /骗/, means: "scam fraud", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /钓鱼/, means: "phishing", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /验证码/, means: "one-time passcode code", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /安全账户/, means: "safe account", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /不是我/, means: "unauthorised transaction did not make", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /争议/, means: "dispute", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /退款/, means: "refund", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /投诉/, means: "complaint", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /客服/, means: "customer service contact", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /电话/, means: "phone number call", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /分行/, means: "branch", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /网点/, means: "branch", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /新手机/, means: "new device phone", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /登录/, means: "log in app", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /忘记密码/, means: "forgot password reset", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /失业/, means: "hardship financial difficulty", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /还不上/, means: "hardship struggling repayments", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /被拒/, means: "declined", lang: "en", use: EXPAND, from: ["glossary"] },
  { written: /拒付/, means: "declined", lang: "en", use: EXPAND, from: ["glossary"] },

  { written: /\bnick(?:ed)?\b/, means: "stolen", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\bpinched\b/, means: "stolen", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\bcash ?(?:machine|point)s?\b/, means: "atm", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\bwire\b/, means: "transfer", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\btap\b/, means: "contactless", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\bcc\b/, means: "credit card", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\bdd\b/, means: "direct debit", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\brejected\b|\bturned down\b|\brefused\b/, means: "declined", lang: "en", use: EXPAND, from: ["slang"] },
  { written: /\bsort code\b|\bwrong account\b/, means: "mistaken payment", lang: "en", use: EXPAND, from: ["slang"] },

  {
    written:
      /(?:国际|海外|境外|国外|出国).{0,4}(?:转账|汇款)|(?:转账|汇款|汇钱|打钱).{0,4}(?:国外|海外|境外|中国|国内|香港|台湾|澳门|美国|欧洲|新加坡)/,
    means: "国际汇款 swift 费用 到账",
    lang: "zh",
    use: EXPAND,
    from: ["zh-wording"],
  },
  // zh-wording expanded 转账|打款|汇钱 to 汇款; the answer extractor folded 汇款|汇出|转帐|汇钱|打款 onto 转账.
  { written: /转账|汇款|汇出|转帐|汇钱|打款/, means: "汇款", lang: "zh", use: BOTH, from: ["zh-wording", "answer"] },
  // zh-wording expanded 手续费|多少钱|费用 to 收费 费用; the answer extractor folded 收费 with them onto 费用.
  { written: /手续费|收费|费用|多少钱/, means: "收费 费用", lang: "zh", use: BOTH, from: ["zh-wording", "answer"] },
  {
    written: /卡.{0,3}(?:丢|不见|找不到)|丢.{0,2}卡/,
    means: "挂失 丢失",
    lang: "zh",
    use: EXPAND,
    from: ["zh-wording"],
  },
  { written: /骗子|被骗/, means: "诈骗", lang: "zh", use: EXPAND, from: ["zh-wording"] },

  { written: /\b(?:cost|costs|charge|charges|price|fees)\b/, means: "fee", lang: "en", use: FOLD, from: ["answer"] },
  {
    written: /\b(?:send|sending|sent|payment|payments|transfers)\b/,
    means: "transfer",
    lang: "en",
    use: FOLD,
    from: ["answer"],
  },
  {
    written: /\b(?:abroad|overseas|international|swift)\b/,
    means: "international",
    lang: "en",
    use: FOLD,
    from: ["answer"],
  },
];
