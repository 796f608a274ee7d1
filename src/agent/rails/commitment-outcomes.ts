// The outcome events a bank reply can assert for a customer, by class rather than by idiom: credit approved, money
// coming back, a fee waived, a rate or a limit granted, a case won, a block lifted, a bad outcome ruled out. Each
// predicate that is not an outcome on its own ("went through", "到账") needs an outcome thing in the same sentence.
// Texts are normalised as the commitment rail does (lower case, English contractions expanded) before these run;
// every repetition is bounded, so each pattern runs in linear time.
import { bilingual, type BilingualPattern } from "./bilingual-pattern.js";

/** Outcome predicates, and the things one of which must be in the sentence for them to count. */
export interface OutcomeFamily {
  /** What kind of promise a hit is, for the reason. */
  kind: string;
  predicate: BilingualPattern;
  /** Undefined when the predicate is an outcome on its own ("refunded", "waived", "退还给您"). */
  thing?: RegExp;
  /**
   * Money that moves for another reason: when one of these words comes before the predicate, with no word of money
   * coming back before it, the predicate is a payment arriving, not an outcome ("a SWIFT payment arrives …").
   */
  otherMoney?: { word: RegExp; unlessAfter: RegExp };
}

/** A group of alternatives, so long word lists can be written over several lines. */
const alt = (...options: string[]): string => `(?:${options.join("|")})`;
/** A bounded run of words and figures between two parts of an English shape. */
const gap = (n: number): string => `[a-z£$€0-9,.'% -]{0,${n}}?`;
/** A bounded run inside one Chinese clause. */
const zgap = (n: number): string => `[^，。,;；!?！？]{0,${n}}?`;

const AMOUNT = String.raw`[£$€] ?\d[\d,]{0,12}(?:\.\d{1,2})?`;
const PERCENT = String.raw`\d{1,2}(?:\.\d{1,3})? ?%`;
// A percentage that is a rate, not a fee ("a 2.75% fee") or a share ("2% of the amount").
const RATE_FIGURE = alt(
  String.raw`${PERCENT}(?! ?(?:fees?|charges?|commission|surcharge|of|cashback|foreign|transaction)\b)`,
  String.raw`(?:our|the|your) (?:very )?(?:best|lowest|top|cheapest|preferential|special) (?:rate|apr|aer|price|deal)`,
);

const REFUND_THING =
  String.raw`\brefunds?\b(?! (?:request|claim|application|form|process|team|polic|decision|status|reference` +
  String.raw`|rules?))`;
const MONEY_THING = [
  REFUND_THING,
  String.raw`\b(?:money|funds|cash|cashback|compensation|reimbursement|payout|goodwill payment|loss|losses|loan` +
    String.raw`|full amount)\b`,
  AMOUNT,
  "钱|款|赔偿|补偿|赔付|理赔|金额|损失|资金",
].join("|");
const CREDIT_THING = [
  String.raw`\b(?:loans?|mortgage|remortgage|credit|overdraft|limit|application|increase|borrowing|finance)\b`,
  String.raw`\b(?:agreement in principle|payment holiday|claim|complaint|appeal|dispute|chargeback|case|request)\b`,
  String.raw`\b(?:fee|charge|interest|waiver)\b`,
  "贷款|借款|房贷|按揭|信用卡|申请|额度|提额|透支|分期|授信|利率|争议|投诉|申诉|索赔",
].join("|");
const FEE_THING =
  String.raw`\b(?:fees?|charges?|interest|penalty|penalties|costs?|commission|surcharge)\b|(?<![免收消花经浪])费|利息|罚息|罚金` +
  String.raw`|滞纳金|钱`;
const CASE_THING = [
  String.raw`\b(?:dispute|claim|complaint|appeal|chargeback|case|investigation)s?\b`,
  "争议|投诉|申诉|索赔|理赔|调查|拒付|纠纷",
].join("|");
const BLOCK_THING = String.raw`\b(?:block|hold|freeze|restriction|suspension|blocked|frozen)s?\b|冻结|限制|止付|封锁|暂停`;

const thing = (...sources: string[]): RegExp => new RegExp(sources.join("|"));

// A payment or transfer the customer sends, or money the customer is paid, arrives too; only money coming back to
// them is an outcome.
const OTHER_MONEY = {
  word: new RegExp(
    alt(
      String.raw`\b(?:payments?|transfers?|transactions?|direct debits?|standing orders?|swift|chaps|bacs|cut-off)\b`,
      String.raw`\b(?:salary|wages|pension|benefits|deposits?|income|repayments?)\b`,
      "转账|汇款|付款|支付|工资|薪水|养老金|收入|还款|存款",
    ),
  ),
  unlessAfter: /refund|compensation|reimburse|money back|退款|赔偿|补偿|退还/,
};

const GET_OR_GIVE = alt(
  "get|gets|getting|got|receive|receives|receiving|received|have|having|see",
  "give|giving|gave|pay|paying|send|sending|hand|handing|credit|crediting|credited|put|putting|transfer|transferring",
);
const RETURN = alt(
  "return|returns|returning|returned|repay|repays|repaying|repaid|refund",
  "recover|recovers|recovering|recovered|release|releases|releasing|released",
);
const GO = alt(
  "go|goes|gone|went|going|come|comes|came|coming",
  "sail|sails|sailed|breeze|breezes|breezed|fly|flies|flew",
);
const PUT = alt(
  "credit|crediting|credited|pay|paying|paid|put|putting|send|sending",
  "transfer|transferring|deposit|depositing|return|returning",
);
const BACK_OBJECT = alt(
  "all|every|the|your|this|that|a|full|whole|entire|penny|pound|of|it|them|money|funds|cash|amount|sum",
  String.raw`£ ?[\d,.]{1,12}|\d[\d,.]{0,12}`,
);

/** Money coming back that names itself: "refunded", "we'll pay you back", "you'll get your £480 back", "退还给您". */
const MONEY_BACK = bilingual(
  [
    String.raw`\b(?:refunded|refunding|reimbursed|reimbursing|reimburse|compensated|compensating)\b`,
    String.raw`\brefunds? (?:you|your|the|this|that|it|them|all|every|everything|in full|£|\d)` +
      String.raw`|\bcompensate (?:you|your|for)\b`,
    String.raw`\b(?:pay|paying|paid|repay|repaying|repaid|refund|give|giving|send|sending|credit|crediting) you ` +
      String.raw`(?:back|£ ?\d|\d|the (?:full|whole|entire)|in full|for (?:the|your|any|all))`,
    String.raw`\bpa(?:y|id|ying) (?:it|them|the money|that|this|everything|every penny|the full amount) back\b`,
    String.raw`\b(?:pay|pays|paid|paying|give|giving|gave|hand|handing) back (?:every|all|the|your|what` +
      String.raw`|everything|in full|£|\d)`,
    String.raw`\b${RETURN}` +
      String.raw` (?:you |to you )?(?:your|the|all|every|all of) ${gap(12)}(?:money|funds|cash|£|amount|payment` +
      String.raw`|loss|losses|penny|pound)`,
    String.raw`\b(?:reversed|reversing|reverse|refunded) (?:the|that|this|your) ${gap(30)}\b(?:payment` +
      String.raw`|transaction|debit|charge)s?\b`,
    String.raw`\b(?:be|been|is|are|was|get|gets|got) paid (?:in full|out|back)\b`,
    String.raw`\b${GET_OR_GIVE} (?:you )?(?:${BACK_OBJECT} ){1,6}back\b`,
    String.raw`\b(?:get|gets|getting|receive|receives|receiving) ${AMOUNT}|\b(?:be|been|being) (?:paid|given|sent` +
      String.raw`|credited) ${AMOUNT}`,
    String.raw`\bback (?:in|into|on|onto) your\b|\bback with you\b|\bback to your (?:[a-z]+ ){0,2}(?:account|card` +
      String.raw`|bank)\b`,
    String.raw`\b(?:get|getting|got|receive|receiving|have|having) (?:the|your|a|an|this|that|full` +
      String.raw`|every) (?:[a-z£$€0-9,.-]+ ){0,3}?` +
      String.raw`(?:refund|compensation|reimbursement|goodwill payment|cashback)\b` +
      String.raw`(?! (?:agreement|application|decision|calculator|team|request|form|process))`,
    String.raw`(?:退款|退还|退回|返还|赔偿|赔付|补偿|理赔|报销|(?<!索)赔)` +
      String.raw`(?!申请|请求|流程|政策|事宜|进度|标准|条件|规定|规则|制度|上限|资格|是否|能否|与否|的可能|时间|金额|记录|方式|渠道|部门|团队|结果)`,
  ].join("|"),
);

/** Credit granted that names itself: "you're approved", "we'll lend you", "you've got the card", "you're in". */
const CREDIT_GRANTED = bilingual(
  [
    String.raw`\blend(?:ing)? you\b|\bapprov(?:e|ing) (?:you|your)\b|\baccept(?:ing)? you\b`,
    String.raw`\byou (?:(?:are|were|have|had|will|get|got|now|all|officially|been|be|fully|already|just|also` +
      String.raw`|then) ){1,4}` +
      String.raw`(?:pre-?approved|approved|accepted|eligible|qualified)\b`,
    String.raw`\byou (?:qualify|qualified|are eligible|are qualified) for\b|\byou are in(?= ?(?:[,.;!—–-]|$))`,
    String.raw`\byou have got (?:the|your|a) (?:[a-z]+ ){0,2}(?:loan|card|mortgage|overdraft|increase|limit` +
      String.raw`|refund|money|rate)\b`,
    String.raw`\b(?:get|getting|got|receive|receiving|have|having) (?:the|your|a|an|this|that|full` +
      String.raw`|every) (?:[a-z£$€0-9,.-]+ ){0,3}?` +
      String.raw`(?:loan|mortgage|overdraft|credit card|limit increase)\b` +
      String.raw`(?! (?:agreement|application|decision|calculator|team|request|form|process))`,
  ].join("|"),
);

/** A waiver that names itself: "waived", "written off". */
const WAIVED = bilingual(String.raw`\b(?:waived|waiving|waive)\b|\bwrit(?:ten|e|ing) off\b`);

const WILL_NOT = alt(
  "will not|will never|shall not|is not going to|are not going to|am not going to|not going to|never",
);
const WILL_NOT_HAVE_TO = alt(WILL_NOT, "will not have to|will not need to");
const NO_LONGER = alt(WILL_NOT, "no longer");

/** A bad outcome ruled out: "you won't be declined", "you won't pay a penny", "no charge for this", "不会向您收费". */
const BAD_RULED_OUT = bilingual(
  [
    String.raw`\b${WILL_NOT} (?:be |ever be |get )?` +
      String.raw`(?:declined|rejected|refused|turned down|closed|frozen|blocked|suspended|penali[sz]ed)\b`,
    String.raw`\b${WILL_NOT} (?:have to |need to )?(?:lose (?:a penny|any money|anything|out|your money|a pound)` +
      String.raw`|be out of pocket)\b`,
    String.raw`\b${WILL_NOT_HAVE_TO} pay ` +
      String.raw`(?:a penny|anything|a thing|any|the|this|that|a fee|for (?:this|that|it|the))\b`,
    String.raw`\bdo not (?:have|need) to pay (?:the|this|that) (?:[a-z£0-9.,]+ ){0,3}(?:fee|charge|interest` +
      String.raw`|penalty)s?\b`,
    String.raw`\b(?:you|this|that|it) ${WILL_NOT} be charged\b(?! for [a-z]+ing\b)`,
    String.raw`\b(?:we|i) ${WILL_NOT} (?:be )?charg(?:e|ing) you\b(?! for [a-z]+ing\b)`,
    String.raw`\bwill not cost you\b|\bwill cost you nothing\b|\b(?:will )?pay nothing\b|\bnothing (?:more )?to pay\b`,
    String.raw`\bthere (?:will be no|will not be (?:a|any)|will never be (?:a|any)|is going to be no) ` +
      String.raw`(?:[a-z]+ ){0,2}(?:fee|charge|cost|interest|penalty)s?\b`,
    String.raw`\b(?:no|zero|not the slightest|not the smallest|not a) (?:chance|risk|way|possibility` +
      String.raw`|danger) (?:of |that )?` +
      String.raw`${gap(40)}\b(?:declined|rejected|refused|turned down|closed|frozen|blocked|charged)\b`,
    String.raw`\bno (?:[a-z]+ ){0,2}(?:fee|charge|cost)s? (?:for|on) (?:this|that|you|your)\b` +
      String.raw`|\bnot (?:be )?charged (?:for|on) (?:this|that|it)\b`,
    String.raw`不会(?:再)?(?:向|跟|找)?(?:您|你)收(?:取)?(?:费|钱|任何)`,
    String.raw`不会(?:再|再次|因此)?被(?:拒|冻结|关闭|取消|封|扣)|不会(?:再)?(?:拒绝|冻结|关闭)(?:您|你)|一分(?:钱)?(?:都|也)?不会少`,
    String.raw`不会(?:让您|让你)?(?:有)?(?:任何)?损失|分文不取|(?:不用|无需|不需要|不必)(?:您|你)?(?:再)?(?:付|交|支付|承担)`,
  ].join("|"),
);

/** Approval and other settled outcomes that need an outcome thing: "went through", "a yes", "批下来了". */
const SETTLED = bilingual(
  [
    String.raw`\b(?:approved|pre-?approved|accepted|granted|agreed|signed off|successful|succeeded|sanctioned` +
      String.raw`|authori[sz]ed|okayed)\b`,
    String.raw`\b(?:is|was|has been|got|gets|given|been) (?:a |the )?(?:yes|go-?ahead|green light|thumbs up|nod)\b`,
    String.raw`\bsa(?:id|ys) yes\b(?! to (?:a|any))|\bgreen-?lit\b`,
    String.raw`\b${GO} through\b` +
      String.raw`(?! (?:the|a|your|our|this|these|each|every|them|it|all|any|some|with|on|to|steps?)\b)`,
    String.raw`\b(?:a )?shoo-?in\b|\b(?:a done deal|in the bag|a formality|a given|a sure thing|a safe bet` +
      String.raw`|a dead cert)\b`,
    String.raw`\b(?:a certainty|a foregone conclusion|home and dry|nailed on|a slam dunk|a no-brainer)\b`,
    String.raw`\b(?:ready|available) to (?:draw ?down|use|spend|withdraw)\b`,
    String.raw`\bas good as (?:approved|done|yours|won|granted|agreed|sorted|guaranteed|certain|there)\b` +
      String.raw`|\byours to keep\b`,
    String.raw`\b(?:loan|mortgage|card|overdraft|limit|increase|money|refund|rate|compensation|cashback|it|that` +
      String.raw`|${AMOUNT})` +
      String.raw`${gap(20)}(?:'s| is| are| will be| is now) (?:all |now )?yours\b`,
    "批准|获批|批下来?|批了|批给|审批通过|通过审批|审核通过|通过审核|顺利通过|通过(?:了|啦)|同意了|已经?同意|放款|下款",
    "稳过|稳了|妥了|搞定|办好了|办下来|(?:已经?|能|会|就能|就会|肯定|可以)通过(?=了|啦|吧|的|审批|审核|$|[,.!?;:。])",
    `非(?:您|你)莫属|归(?:您|你)了?|是(?:您|你)的了|(?:给|帮)(?:您|你)(?:批|过)了|(?:申请|贷款)${zgap(8)}过了|下来了`,
    "没问题|没有问题|不成问题|成功了|已经?生效|生效了|开通了|提款|用款|(?:能|会|就能|可以)?(?:拿到|借到|贷到|批到)",
  ].join("|"),
);

/** Money on its way to the customer, which needs money in the sentence: "is on its way", "到账". */
const MONEY_MOVES = bilingual(
  [
    String.raw`\bon (?:its|their|the) way\b|\bheading (?:to|for|your|back|into)\b|\bcoming back\b|\bstays? with you\b`,
    String.raw`\b(?:land|lands|landed|landing|arrive|arrives|arrived|arriving|reach|reaches|reached|hit|hits) ` +
      String.raw`(?:in |into |back )?(?:your|you|by|within|today|tomorrow|tonight|on|this|in (?:\d|the next|a|two` +
      String.raw`|three|five))`,
    String.raw`\b(?:be|is|are|was) (?:with you|in your (?:[a-z]+ )?account)\b`,
    String.raw`\bin your (?:[a-z]+ )?account (?:by|within|today|tomorrow|tonight|on|this|first|before)\b`,
    String.raw`\b(?:is|are|was|were|be|been|being|has|have|had|got|gets)(?: now| already| just| successfully` +
      String.raw`| fully| also| today| personally){0,2} ` +
      String.raw`(?:processed|issued|sent|paid out|paid(?! off)|credited|deposited|released|returned|recovered` +
      String.raw`|repaid)\b`,
    String.raw`\b(?:is|are|was|were|be|been|being|has|have|had|got|gets)(?: now| already| just| successfully` +
      String.raw`| fully| also| today| personally){0,2} ` +
      String.raw`(?:sorted|arranged|organi[sz]ed|put through)\b`,
    String.raw`\b(?:cover|covering|covered|absorb|make good) (?:the|your|what|all|any|every|this|that)\b`,
    String.raw`\b${PUT}` + String.raw` ${gap(30)}\b(?:to|into|in) your (?:[a-z]+ )?(?:account|card)\b`,
    "到账|到(?:您|你)(?:的)?(?:账|卡|户)|在路上|退(?:到|回|给|还)|回到(?:您|你)|打(?:到|回|给)(?:您|你)|还给(?:您|你)|赔给|补给",
    `转(?:回|给)(?:您|你)|返还|追回|要回|拿回|收回来|入账|(?:负责|承担|赔付|补上)${zgap(6)}损失`,
  ].join("|"),
);

/** A fee taken away, which needs a fee in the sentence: "gone", "on us", "taken off", "免收", "算我们的". */
const FEE_GONE = bilingual(
  [
    String.raw`\b(?:waived|waiving|waive|removed|remove|removing|cancell?ed|cancel|cancelling|reversed|reverse` +
      String.raw`|reversing)\b`,
    String.raw`\b(?:dropped|drop|dropping|scrapped|scrap|wiped|wipe|refunded|gone|(?<!-)free|covered|cover` +
      String.raw`|covering|absorbed|absorb)\b`,
    String.raw`\b(?:taken off|knocked off|struck off|on us|on the house|picked up|pick up|picking up|let you off)\b`,
    String.raw`\b(?:disappear|disappears|vanish|go away|come off)\b|\blet (?:it|that|this|the [a-z ]{1,20}) go\b`,
    String.raw`\b(?:take|taken|taking|took|knock|knocked|knocking) ${gap(30)}\boff\b`,
    String.raw`\b${NO_LONGER} (?:be )?` +
      String.raw`(?:charg(?:e|ed|ing)|tak(?:e|en|ing)|deduct(?:ed|ing)?|appl(?:y|ied)|add(?:ed)?|debit(?:ed)?` +
      String.raw`|appear|show up|see)\b(?! (?:you )?for [a-z]+ing\b)`,
    "免除|免掉|免了|免收|免单|全免|减免|豁免|免去|免费|不(?:会|再)?(?:再)?收(?:取)?|取消|撤销|撤掉|去掉|去除|抹掉",
    "退回|退还|返还|算(?:我们|银行|我)的|(?:我们|银行|本行|我)(?:来)?(?:出|付|承担|买单|负担)",
    `由(?:我们|银行|本行|我)${zgap(4)}(?:承担|支付|付|出|买单)|替(?:您|你)(?:出|付|承担|支付)`,
    "按零收取|零收费|不扣|抵扣|抵消|冲抵|冲正|冲回",
  ].join("|"),
);

/** A rate or price granted to the customer: "you'll get 3.9%", "locked at 2.9%", "利率降到3.5%". */
const RATE = bilingual(
  [
    String.raw`\b` +
      alt(
        "get|gets|getting|got|receive|receiving|give|gives|giving|gave|offer(?:ing|ed)? you|(?:be|been|are|is) offered",
        "honou?r(?:ing)?|match(?:ing)?|beat(?:ing)?|appl(?:y|ied|ying)|qualif(?:y|ies|ied) for|eligible for",
        "(?:be|been|are|is) on|(?:stay|stays|remain|remains) (?:at|on)|(?:will|shall) (?:be|complete|stay|remain" +
          "|start|run|sit) (?:at|on)",
        "new (?:interest )?(?:rate|apr)|for you at",
      ) +
      ` ${gap(40)}${RATE_FIGURE}`,
    String.raw`\b(?:lock(?:ed|ing)?|fix(?:ed|ing)?|set(?:ting)?|secur(?:e|ed|ing)|confirmed|held|hold(?:ing)?` +
      String.raw`|kept|keep(?:ing)?) ` +
      String.raw`${gap(40)}\b(?:at|to|on|in) ${RATE_FIGURE}`,
    String.raw`\b` +
      alt(
        "drop|drops|dropped|dropping|fall|falls|fell|come down|comes down|go down|goes down|reduced?|lowered?" +
          "|cut(?:ting)?",
        "raised?|increased?|go up|goes up|moved?|moving|switch(?:ed)?|bring(?:ing)?|brought",
      ) +
      String.raw` ${gap(50)}\bto ${RATE_FIGURE}`,
    String.raw`\b(?:rate|apr|aer)\b${gap(30)}\b(?:will be|is going to be|will stay|will remain|will become` +
      String.raw`|becomes) ${RATE_FIGURE}`,
    String.raw`\b(?:knock|knocking|knocked|take|taking|took|taken|shave|shaving|shaved|cut` +
      String.raw`|cutting) ${RATE_FIGURE} off\b`,
    `按${zgap(2)}${PERCENT}${zgap(2)}(?:算|计算|计息|执行|收取|给)`,
    `(?:享受|拿到|获得|得到|给(?:您|你)|为(?:您|你)|帮(?:您|你))${zgap(12)}(?:${PERCENT}|最低(?:的)?利率|最优惠|优惠利率)`,
    `利率${zgap(10)}` +
      alt(
        "定为|定在|锁定|锁在|稳定在|保持在?|调整为|调为|调到|降到|降至|降为|下调到|下调至|下调为|调低到|调低至",
        "上调到|上调至|上调为|提高到|提到|就是|给到",
      ) +
      String.raw`${zgap(3)}\d`,
    String.raw`给(?:您|你)的${zgap(8)}利率${zgap(4)}(?:是|为)${zgap(3)}\d`,
  ].join("|"),
);

/** A credit limit raised or granted: "your limit goes up to £8,000", "额度已调整为£1,500". */
const LIMIT = bilingual(
  [
    String.raw`\b(?:limit|overdraft|credit line|borrowing)s?(?:'s| has| have| is| are| will| was)?(?: now| been` +
      String.raw`| being| be){0,2} ` +
      alt(
        "raised|increased|extended|doubled|bumped up|upped|moved up|go(?:es|ing|ne)? up|went up",
        "rais(?:e|ing)|increas(?:e|ing)|extend(?:ing)?|jump(?:s|ed|ing)?",
      ) +
      String.raw`\b`,
    String.raw`\b` +
      alt(
        "raise|raised|raising|increase|increased|increasing|extend|extended|extending",
        "double|doubled|doubling|upped|bump(?:ed)? up|lift(?:ed)?",
      ) +
      String.raw` (?:your|the|this|that) (?:[a-z]+ ){0,2}(?:limit|overdraft)\b`,
    String.raw`\b(?:new|higher|increased|starting|raised) (?:credit |card |overdraft |borrowing )?limit (?:of|is` +
      String.raw`|will be|£)`,
    `(?:额度|限额)${zgap(10)}(?:提高|提升|调高|上调|增加|提到|涨到|升到|调整为|调整到|调到|加到|上涨|翻倍)`,
    `(?:提高|提升|调高|上调|增加)(?:了)?(?:您|你)?的?${zgap(6)}(?:额度|限额)|新(?:的)?额度|提额(?:已经?|成功|通过|批)`,
  ].join("|"),
);

/** A dispute, claim or complaint decided for the customer, which needs the case in the sentence. */
const CASE_WON = bilingual(
  [
    String.raw`\b(?:in your favou?r|your way|upheld|uphold|won|win|succeeded|succeed|successful|settled` +
      String.raw`|found for you)\b`,
    "胜诉|赢|成立|成功|支持|对(?:您|你)有利|认定|判给|结果(?:是|为)?(?:对您有利|退款|赔偿|全额)",
  ].join("|"),
);

/** A block, hold or freeze lifted, which needs the block in the sentence. */
const BLOCK_LIFTED = bilingual(
  [
    String.raw`\b(?:lifted|lift|lifting|removed|cleared|ended|gone|over|unfrozen|unblocked|unfreeze|unblock)\b`,
    String.raw`\b(?:reactivated|reinstated|restored)\b|\b(?:come|comes|coming|came|taken|be taken) off\b`,
    `解除|解冻|解封|(?:冻结|限制|止付|封锁|暂停)${zgap(8)}(?:取消|恢复)`,
  ].join("|"),
);

/** Every outcome family the assertion check looks for. */
export const OUTCOME_FAMILIES: readonly OutcomeFamily[] = [
  { kind: "money back", predicate: MONEY_BACK },
  { kind: "credit granted", predicate: CREDIT_GRANTED },
  { kind: "bad outcome ruled out", predicate: BAD_RULED_OUT },
  { kind: "fee waiver", predicate: WAIVED },
  { kind: "approval", predicate: SETTLED, thing: thing(CREDIT_THING, MONEY_THING) },
  { kind: "money", predicate: MONEY_MOVES, thing: thing(MONEY_THING), otherMoney: OTHER_MONEY },
  { kind: "fee waiver", predicate: FEE_GONE, thing: thing(FEE_THING) },
  { kind: "rate", predicate: RATE },
  { kind: "limit", predicate: LIMIT },
  { kind: "case outcome", predicate: CASE_WON, thing: thing(CASE_THING) },
  { kind: "block lifted", predicate: BLOCK_LIFTED, thing: thing(BLOCK_THING) },
];
