// What takes an asserted outcome back: a hedge, a condition, a negation, a question, someone else's words, a
// disclaimer, a process step ("ask them to refund"), or a general statement of policy rather than one about this
// customer. Texts are normalised as the commitment rail does (lower case, English contractions expanded); every
// repetition is bounded, so each pattern runs in linear time.

/** One regex from alternatives written over several lines. */
const union = (sources: readonly string[], flags = ""): RegExp => new RegExp(sources.join("|"), flags);

/** Words that take certainty away ("may", "usually", "subject to", "可能", "一般", "取决于", "能不能"). */
export const HEDGE = union([
  String.raw`\b(?:may(?! \d)|might|could|should|likely|unlikely|usually|typically|generally|normally|often|worth)\b`,
  String.raw`\b(?:possible|possibly|probably|perhaps|potentially|depend[a-z]{0,4}|subject to|estimate[ds]?)\b`,
  String.raw`\b(?:indicative|aims? to|tr(?:y|ies|ying) to|hope[ds]?|hopefully|chances?|likelihood` +
    String.raw`|pre-?qualification)\b`,
  String.raw`\b(?:in most cases|tends? to|whether|sometimes|occasionally|in some cases|do (?:our|my) best` +
    String.raw`|best efforts)\b`,
  String.raw`\b(?:endeavou?r|attempt|most|some|many|requires?|required|needs? to be|provisional|ideally|i think` +
    String.raw`|i believe)\b`,
  String.raw`(?<!agreement |decision )\bin principle\b|\b(?:expect[a-z]{0,3})\b(?<!^expect)`,
  "可能|也许|或许|大概|大约|预计|有望|一般|通常|往往|多数|大多|基本上|原则上|取决于|要看|看情况|视[^，。]{0,10}而定|因人而异",
  "根据[^，。]{0,12}(?:而定|确定|决定|评估)|估算|预审|仅供参考|为准|须经|需经|需由|须由|需要经过|需满足|须满足|需要满足|有机会",
  "争取(?!到)|尽量|尽力|尝试|不一定|未必|能否|是否|与否|能不能|会不会|是不是|有没有|可不可以|不确定|有时|应该|希望|力争",
]);

/**
 * "Can" and "would" take a plain assertion back ("you can get a refund"), not a cue or a reassurance ("you can count
 * on", "you can rest assured", "您可以放心"); a bank's own "我们可以…" is an offer, "就可以" a plain "can now".
 */
export const ABILITY = new RegExp(
  String.raw`\b(?:can(?! (?:rest assured|relax|be sure|be certain|count on)\b)|would)\b` +
    "|(?<!我|们|就)可以(?!保证|向|放心)|可(?=获|享|得到|拿到|申请|退|免|减)",
);

const NOT_A_TIME =
  String.raw`(?! (?:\d|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the (?:end` +
  String.raw`|weekend|next)|next|this|noon|midday))`;

/** Conditions and event times: an outcome under one is a rule or a next step, not a promise ("if approved, …"). */
export const CONDITION = union([
  String.raw`\b(?:if|unless|provided|providing|as long as|so long as|assuming|in case|in the event|whether` +
    String.raw`|whenever|upon|pending)\b`,
  String.raw`(?<!(?:this|at|just) )\bonce\b|\bwhen\b|\b(?:after|until|till|before)\b${NOT_A_TIME}`,
  String.raw`^should\b|\bonly (?:if|when|after|once)\b|\bon condition\b`,
  "如果|如若|如需|如有|如经|如获|若|假如|假设|要是|一旦|只要|倘若|除非|万一|等到|的话|以防|以免",
  "待[^，。]{0,12}后|在(?:您|你)[^，。]{0,12}(?:之前|以前)|在[^，。]{0,10}(?:完成|确认|审核|批准|签署)(?:之前|以前|前)",
  "[^，。,]{1,16}(?:之后|以后|后)(?=[,，])",
  "(?:获批|批准|审批通过|通过审核|通过审批|签署|签订|确认|核实|调查|到账|收到|完成|出来|提交|审核|结束|回复|成立|同意|审批|批下来|放款)" +
    "[^，,。]{0,8}(?:后|之后|以后)",
]);

/** What follows a condition word when the condition is no real one: the customer's wish or a mere application. */
export const TRIVIAL_CONDITION = union([
  String.raw`^ ?you (?:would like|want|wish|like|prefer|are happy|are ready|need it|apply|submit|ask|request` +
    String.raw`|sign up|click|tap)\b`,
  String.raw`^ ?(?:the|your|a) (?:chargeback|dispute|claim|complaint|request|application|form) (?:is|has been` +
    String.raw`|gets|was) ` +
    String.raw`(?:raised|opened|submitted|sent|filed|logged|made|lodged)\b`,
]);

/** A part opening with a restriction that reaches back over the part before it ("…, but only if they agree"). */
export const BACKWARD_RESTRICTION = union([
  String.raw`^ ?(?:only (?:if|when|once|after)|if|unless|provided|once|as long as|subject to|depending)\b`,
  "^ ?(?:是)?(?:需要|须|要|前提是|如果|只要)",
]);

/** Negation; a favourable outcome after it in its part is taken back. */
export const NEGATION = union([
  String.raw`\b(?:not|no|never|neither|nor|none|nobody|nothing|unable|hardly|refuse[ds]?|cannot)\b`,
  "不(?![过错同少久仅但论管断足妨然只单光如行好])|没(?!问题)|无(?!论|需|疑)|未(?!来|经|满)|并非|别(?!人|的|处)|勿|难以",
]);

/** Negative words that negate nothing: "no doubt", "not to worry", "no later than", "没问题", "不用担心". */
export const NOT_NEGATION = union([
  String.raw`\b(?:no doubt|no question|no problem|no worries|(?:there is )?no need to worry|not to worry` +
    String.raw`|do not worry)\b`,
  String.raw`\b(?:nothing to worry|no later than|not later than|no more than|not only|no sooner|never been easier)\b`,
  String.raw`^no(?=,)|\bno need to (?:apply|ask|call|do|wait)\b`,
  "没问题|没有问题|不成问题|(?:不用|别|不必|不需要)担心|毫无疑问|不迟于|不晚于|不会有(?:任何)?问题",
]);

/** Admitting uncertainty: "I can't promise …", "there's no guarantee", "不能保证". */
export const DISCLAIMER = union([
  String.raw`\b(?:can not|could not|unable to|not able to|will not|would not|do not|does not` +
    String.raw`|(?:am )?not in a position to)` +
    String.raw` (?:promise|guarantee|confirm|say|tell you|commit|predict|know|be sure)\b`,
  String.raw`\bno guarantee|\bnot guaranteed\b|\b(?:is|are) not (?:guaranteed|certain|assured|automatic)\b` +
    String.raw`|\bnot (?:sure|certain)\b`,
  "不能保证|无法保证|没法保证|没办法保证|不能承诺|无法承诺|不保证|不一定|无法确定|不能确定|没法打包票|不能打包票|不敢保证|无法预测",
]);

/** A disclaimer that points back at the whole sentence ("…, but I can't guarantee it"; "但无法保证结果"). */
export const ANAPHORIC_TAIL = /^(?: (?:it|that|this|so|anything)| ?(?:结果|这一点|这个|此))?[ .。!！]{0,3}$/;

/** Someone else's words reported back ("you said the seller promised…", "您提到商家答应…"); "as you said" is not. */
export const REPORTED = union([
  String.raw`(?<!\b(?:as|like) )\b(?:you|they|he|she) (?:said|mentioned|told|were told|was told|asked|heard|read` +
    String.raw`|claimed)\b`,
  String.raw`\bthe (?:seller|merchant|shop|retailer|caller|scammer|company|agent|advisor|adviser|branch|store)s? ` +
    String.raw`(?:said|promised|told|claimed|agreed|offered)\b`,
  "您(?:刚才|之前)?(?:提到|说|表示|问|听说)|您被告知|据(?:您|商家)|(?:商家|卖家|对方|骗子|店家|客服|他们)(?:答应|承诺|说|表示|声称|告诉)",
]);

/** Steps towards an outcome: what follows is asked for or looked into, not promised ("ask them to return it"). */
export const PROCESS = union([
  String.raw`\b(?:ask|asks|asked|asking|request|requested|requesting|apply|applying|applied|claim for|try|tries` +
    String.raw`|trying)\b`,
  String.raw`\b(?:chase|chasing|submit|check|checking|review|reviewing|look into|look at|looking at|see if|find out)\b`,
  String.raw`\b(?:consider(?:ing)? (?:[a-z]+ing|whether|if|your|a|an)|decide|decides|assess|discuss|contact|explain)\b`,
  String.raw`\b(?:need|needs|must|make sure|making sure|ensure|(?<!will )have to|raise a|open a|opened a|pursue` +
    String.raw`|fight for)\b`,
  String.raw`\b(?:push for|recommend|suggest|let you know)\b`,
]);

/** Chinese process steps, which reach only the outcome right after them ("申请退款", "帮您尝试追回"). */
export const PROCESS_ZH = new RegExp(
  "(?:(?<!的[^，。,]{0,5})申请(?!到)|按提示|点击|进入|选择|联系|尝试|试着|争取(?!到)|查看|查询|审核|核实|评估|决定|商量" +
    "|提交|反馈|等待|咨询|跟进|发起|提出|建议|需要|需|须|催)[^，。的]{0,4}$",
);

/** What follows a Chinese outcome word that makes it a name rather than an event ("减免申请", "退款流程"). */
export const NOMINAL_AFTER = /^的?(?:申请|请求|流程|政策|事宜|进度|标准|条件|规定|资格|部门|团队|结果|金额|方式)/;

/** What follows an English verb that hands something on rather than settling it ("sent your request to …"). */
export const HANDED_ON = union([
  String.raw`^ (?:your|the|a|this|that) ` +
    String.raw`(?:request|claim|application|complaint|form|details|case|message|query|documents?|evidence` +
    String.raw`|information|ticket)\b`,
  String.raw`^ (?:it|this|that|them) (?:on |over )?to\b`,
]);

/** "to" before an outcome verb is a purpose or a wish ("to get a refund")… */
export const INFINITIVE = /\bto (?:be |have |get )?(?:been )?$/;
/** …unless a word before it makes it a plan or a fact ("going to refund", "agreed to cover"). */
export const COMMITTED_TO = new RegExp(
  String.raw`\b(?:going|have|has|had|bound|due|set|about|agreed|decided|arranged|promised|able|sure|certain|happy` +
    String.raw`|pleased` +
    String.raw`|glad|delighted|guaranteed|committed|ready) to (?:be |have |get )?(?:been )?$`,
);

/** People in general rather than this customer ("customers who…", "客户", "所有"). */
export const GENERIC_PEOPLE = union([
  String.raw`\b(?:customers?|applicants?|anyone|everyone|everybody|people|clients?|account holders?|students?)\b`,
  String.raw`\b(?:cardholders?|borrowers?|new customers|all (?:new|our)|most)\b`,
  "客户|用户|申请人|学生|所有|凡是|持卡人|一律",
]);

/** A product or a rule explained ("the overdraft buffer means you won't be charged…", "政策规定…"). */
export const EXPLAINED_RULE = union([
  String.raw`\b(?:buffer|guarantee|scheme|protection|policy|terms|rules|regulations?|code|feature|benefit|perk` +
    String.raw`|offer)s? ` +
    String.raw`(?:means?|lets?|allows?|gives?|entitles?|ensures?|covers?)\b`,
  "(?:缓冲|担保|保障|政策|条款|规定|规则|优惠|活动|计划)[^，。]{0,8}(?:意味着|规定|可以让|让您|保证)",
]);

/** Habit, not a one-off: "paid monthly", "every month", "每年". */
export const HABITUAL = union([
  String.raw`\b(?:daily|monthly|annually|weekly|yearly)\b` +
    String.raw`(?! (?:fee|charge|payment|interest|statement|cost|subscription|limit|allowance|rate))`,
  String.raw`\b(?:every|each|per) (?:day|week|month|year|time|transaction)\b`,
  "每(?:月|年|天|日|笔|次|个月)|首年",
]);

/** A part opening on a bare plural, the subject of a general rule ("Refunds are made…", "Standard replacements…"). */
export const BARE_PLURAL_SUBJECT = new RegExp(
  String.raw`^(?!(?:your|the|this|these|those|that|our|my|we|i|you|it|a|an)\b)(?:[a-z-]{1,20} ){0,2}` +
    String.raw`(?:refunds|loans|fees|charges|rates|payments|applications|claims|complaints|disputes|chargebacks` +
    String.raw`|overdrafts` +
    String.raw`|mortgages|cards|transfers|savings|accounts|limits|reimbursements|withdrawals|decisions|requests` +
    String.raw`|transactions` +
    String.raw`|restrictions|blocks|funds|penalties|costs|offers|approvals|replacements|deposits|balances|increases)\b`,
);

/** A part opening on "a" or "an": a kind of thing, told as a rule ("An international payment arrives …"). */
export const INDEFINITE_SUBJECT = /^(?:a|an)\b/;

/** A part opening on "any": a rule for whatever comes ("Any money left in the account is sent to …"). */
export const ANY_SUBJECT = /^any\b/;

/** An enumeration ("冻结与解冻银行卡、交易争议、…"): names of topics, not statements. */
export const ENUMERATION = /、[^、]*、/;

/** What follows an English participle used as an adjective ("authorised push payment", "an agreed limit"). */
export const ATTRIBUTIVE_AFTER = new RegExp(
  String.raw`^ (?!(?:by|for|at|in|on|to|and|but|so|or|with|from|as|of|today|now|already|yesterday|this|last|within` +
    String.raw`|under|subject|after|before|the|your|a|an|that|it|you|them|all|every|his|her|their|our|my|until|till` +
    String.raw`|immediately|instantly|automatically|straight|right|first|just|too|also|then|if|unless|once|when` +
    String.raw`|because` +
    String.raw`|since|pending|provisionally|quickly|soon|up|down|out|off|back|over|through|me|us|him)\b)[a-z]{2,}`,
);

/** A perfect or past tense: a one-off event, never a general rule. */
export const COMPLETED_TENSE = /\b(?:has|have|had) been\b|\b(?:was|were)\b|已|了(?:$|[，。！])/;

/** This customer, the bank acting, or a definite thing: what makes an outcome this customer's rather than a rule. */
export const SPECIFIC = union([
  String.raw`\b(?:you|your|yours|we|us|our|i|me|my|this|that|it)\b|^(?:the|these|those|consider|expect|enjoy` +
    String.raw`|relax|look out for)\b`,
  String.raw`£ ?\d|\b(?:has|have|had) been\b|\b(?:was|were)\b`,
  "您|你|我们|我|咱|这笔|这次|此次|本次|那笔|这个月|本月|今年|这张|这份|这项|已",
]);

/** Second person: a rule told to this customer ("customers like you") still speaks to them. */
export const SECOND_PERSON = /\b(?:you|your|yours)\b|您|你/;
