// The words of the commitment rail's cue check: certainty and promise cues ("definitely", "guaranteed", "保证"), the
// outcome objects they can reach, reassurance that turns a nearby outcome into a promise, and how a sentence breaks
// into clauses. A cue outlives a condition ("once you apply, approval is guaranteed"); a plain assertion does not.
// Texts are lower-cased with English contractions expanded before these run.
import { bilingual } from "./bilingual-pattern.js";

/**
 * English words at least one of which every cue shape needs. A sentence with none of them has no cue, so it skips the
 * long patterns; Chinese text is always looked at.
 */
export const CUE_WORDS: ReadonlySet<string> = new Set(
  [
    "definitely certainly surely absolutely undoubtedly guarantee guarantees guaranteed guaranteeing promise promises",
    "promised promising assure assured sure certain doubt question bound confirm count set good locked lock bag deal",
    "thing committed commit word congratulations formality given foregone nailed dry certainty brainer make made",
    "ensure ensured see seen personally stopping preventing standing reason news worry happy pleased delighted",
  ]
    .join(" ")
    .split(" "),
);

/** Words that assert certainty or a promise ("definitely", "guaranteed", "I'll make sure", "肯定", "保证"). */
export const STRONG_CUE = bilingual(
  [
    String.raw`\b(?:definitely|certainly|surely|absolutely|undoubtedly|guarantee[ds]?|guaranteeing|promise[ds]?` +
      String.raw`|promising)\b`,
    String.raw`\b(?:assured?|for sure|for certain|no doubt|without (?:a |any )?doubt|no question|without question)\b`,
    String.raw`\b(?:bound to|sure to|certain to|i can confirm|i confirm|we can confirm|count on|all set (?:for` +
      String.raw`|with))\b`,
    String.raw`\b(?:good to go|locked in|lock in|in the bag|done deal|a sure thing|committed to|commit to)\b`,
    String.raw`\b(?:i give you my word|you have my word|congratulations|(?:just |only |merely )?a formality|a given)\b`,
    String.raw`\b(?:a foregone conclusion|nailed on|home and dry|a certainty|a no-brainer)\b`,
    String.raw`\b(?:i|we) (?:will |can |am going to |are going to |shall |have )?` +
      String.raw`(?:make sure|made sure|ensure|ensured|see to it|seen to it|personally)\b`,
    String.raw`100 ?(?:%|percent|per cent)(?! of)|一定(?!要|得|程度|的)|肯定|必定|必然|绝对|(?<!请)(?:保证|确保)|担保|保准|准保`,
    String.raw`包准|准能|百分之百|百分百|铁定|妥妥|稳了|稳稳|毫无疑问|打包票|承诺|答应|恭喜|放心(?!不下)|没问题|(?:不用|别|不必)担心`,
    String.raw`没有任何问题|没什么问题|不成问题|不会有(?:任何)?问题|(?:给您|为您|帮您)锁定`,
    String.raw`\b(?:nothing (?:is )?(?:stopping|preventing|standing in the way of)|as good as)\b`,
    String.raw`\bno reason (?:why )?(?:you|it|they) (?:would|will|should|could) not\b`,
    String.raw`\b(?:is|are|be|that is|it is) (?:100% |completely |absolutely |totally )?(?:certain|assured)\b`,
    String.raw`必(?=能|会|定|然|批|将)|包(?=过|批|退|赔|您|你|下来)|当然(?=能|会)|确定(?=能|会)`,
  ].join("|"),
);

/** Reassurance that turns an outcome elsewhere in the sentence into a promise ("Good news: …", "放心，…"). */
export const REASSURANCE = new RegExp(
  String.raw`\b(?:good news|great news|do not worry|no need to worry|rest assured|congratulations` +
    String.raw`|(?:happy|pleased|delighted) to (?:confirm|tell you|say|let you know))\b|好消息|放心|恭喜|(?:不用|别|不必)担心`,
);

/** Explicit promises that reach across a sentence ("…, I promise."; "这一点我可以向您承诺"). */
export const PROMISE_CUE =
  /\b(?:promise[ds]?|guarantee[ds]?|assure|no question|you have my word|i give you my word)\b|承诺|保证|担保|打包票/;

/** What a cue can promise: credit approval, a rate, a refund, a fee waiver, a case outcome. */
export const OUTCOME_OBJECT = bilingual(
  [
    String.raw`\b(?:approval|approved|accepted|acceptance|pre-?approv[a-z]{0,5}|eligible|qualif(?:y|ies|ied))\b`,
    String.raw`\b(?:loan|mortgage|overdraft)\b`,
    String.raw`\bcredit\b(?! (?:score|check|history|file|rating|report|search|reference|agenc[a-z]{1,3}|record|union))`,
    String.raw`\b(?:credit limit|limit increase|lend(?:ing)?|borrowing|financ(?:e|ing)|gone through|go through` +
      String.raw`|goes through)\b`,
    String.raw`\b(?:rate|apr|ear|interest rate)\b|\d{1,3}(?:\.\d{1,3})? ?%`,
    String.raw`\b(?:refund(?:s|ed)?|reimburs[a-z]{1,6}|money back|compensat[a-z]{1,5}|chargeback|recover(?:ed|y)?)\b`,
    String.raw`\b(?:repaid|paid back|credited back|in your favou?r|upheld|waiv(?:e|ed|er|ing)|written off)\b`,
    String.raw`\b(?:unblock(?:ed)?|unfrozen|successful|succeed|resolved)\b|对您有利`,
    String.raw`\b(?:fee|charge|cost)s? (?:is |are |will |would )?(?:not |never )(?:be )?(?:taken|charged|applied` +
      String.raw`|deducted)\b`,
    String.raw`\b(?:fee|charge|cost)s? (?:has |have |is |are |was |were |will |would )?(?:been |be )?` +
      String.raw`(?:removed|cancell?ed|reversed|gone|dropped|waived|refunded)\b`,
    String.raw`\b(?:not|never) (?:lose|be out of pocket)\b|\blose (?:a penny|anything|any money|out)\b`,
    String.raw`\b(?:cover|make good|pay back|give back) (?:what|the|your|all|any|everything|it|them)\b`,
    String.raw`\b(?:block|hold|restriction|freeze|suspension)\b (?:(?!not |never )[a-z]{1,12} ){0,3}` +
      String.raw`(?:lifted|removed|gone|cleared|come off|taken off|ended)\b`,
    String.raw`批准|获批|批下|批了|批给|批贷|批款|放贷|审批通过|通过审批|审核通过|通过审核|(?:能|会|可以|就能)通过|下款|放款|贷款`,
    String.raw`借款|额度|授信|资格(?!检查|审查|条件)|符合条件`,
    String.raw`利率|利息|百分之|退款|退还|退回|退给|退钱|返还|赔偿|补偿|赔付|赔给|报销|追回|拿回|要回|损失|退费|借到|贷到|拿到贷款`,
    String.raw`(?:让|令)(?:您|你)满意|满意的(?:结果|答复)|\bto your satisfaction\b`,
    String.raw`\b(?:happy|satisfied) with the (?:outcome|result)\b`,
    String.raw`免除|减免|免收|免掉|免了|免单|豁免|全免|不用付|无需支付|(?:我们|银行)来?承担|赢|胜诉|解冻|解封|满意的结果`,
    String.raw`(?:争议|投诉|申请|追回|撤回|索赔|退款|赔偿)[^，。,;；不没无未]{0,6}成功|成功(?:追回|撤回|退款|索赔|获批)`,
  ].join("|"),
);

/** Conditions proper (not times): an outcome under one is a rule, not a promise ("if it was unauthorised, …"). */
export const TRUE_CONDITION = new RegExp(
  String.raw`\b(?:if|unless|provided|providing|assuming|in case|whether|in the event)\b|^should\b` +
    "|(?<![例比诸譬正犹宛])如(?:果|若)|若|假如|假设|要是|倘若|除非|万一|的话",
);

/** Where a sentence breaks into clauses: punctuation (not the comma of "£1,000") … */
export const CLAUSE_PUNCTUATION = /(?<!\d),|,(?!\d)|[;:!?()"“”—–。，；：！？、]| - /g;
/** … and the words that open a new clause. */
export const CLAUSE_OPENERS =
  /\b(?:but|however|although|though|whereas|yet|because|since|so that)\b|但是|但|不过|然而|可是|只是|因为|由于|所以/g;

/** After a condition with no comma, the clause that it governs starts here ("只要…就一定能批", "if … then …"). */
export const CONSEQUENCE = /\bthen\b|就|则|那么/;
