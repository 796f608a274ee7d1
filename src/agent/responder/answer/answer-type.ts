// What kind of fact a question asks for (a fee, a rate, a deadline, a phone number ...) and what kind of fact a
// candidate sentence states, in English and Chinese, so the ranker can prefer the sentence that answers over the one
// that only shares words. Every pattern has bounded repetition, so reading a text stays linear in its length.
import { capText, MAX_SCANNED_CHARS } from "../../../shared/linear-text.js";
import { contentTerms, foldSynonyms } from "../../../shared/text/index.js";

/** The kinds of answer a customer question can ask for. */
export const ANSWER_TYPES = [
  "fee",
  "limit",
  "rate",
  "duration",
  "deadline",
  "phone",
  "steps",
  "eligibility",
  "yesno",
  "comparison",
] as const;
/** One kind of answer. */
export type AnswerType = (typeof ANSWER_TYPES)[number];

// "how much can I send" asks for a limit; "how much to send" asks for a fee. The limit patterns are read first.
const ASKS: Record<AnswerType, RegExp> = {
  fee: /\b(?:fees?|costs?|charges?|charged|price|pricing|pay for|how much (?:is|does|do|will|would|to|for|are)|cheap\w{0,3}|expensive|free)\b|\bwhat do i pay\b|手续费|费用|多少钱|收费|收多少|要钱|免费|贵不贵|月费|年费/i,
  limit:
    /\b(?:limits?|maximum|max|most i can|how much can|how many can|up to how much|cap)\b|限额|上限|最多|最高|额度/i,
  rate: /\b(?:rates?|apr|aer|interest|percent(?:age)?)\b|%|利率|利息|年化|百分/i,
  duration:
    /\bhow long\b|\bhow many (?:days|weeks|hours|months|minutes)\b|\bwhen (?:will|would|does|do|can|should)\b|\barriv\w{0,4}|\btake to\b|\bquick\w{0,3}|\bhow soon\b|\bturnaround\b|多久|几天|多长时间|多少天|什么时候|到账|多快|要多长/i,
  deadline:
    /\bdeadline\b|\bcut-?off\b|\bby when\b|\blatest\b|\btime limit\b|\bhow late\b|\bwhat time\b|\bup until\b|\bwithin how\b|截止|最晚|期限|几点|多久之内|之内|以内|时限/i,
  phone:
    /\b(?:phone|call|ring|number|telephone|hotline|helpline|contact|speak to|talk to|reach)\b|电话|号码|热线|拨打|联系|致电|打给/i,
  steps:
    /\bhow (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b|\bsteps?\b|\bprocess\b|\bwhat (?:should|do|can) i do\b|\bwhere (?:do|can) i\b|怎么|如何|怎样|步骤|流程|办理|该做什么/i,
  eligibility:
    /\beligib\w{0,6}|\bqualif\w{0,6}|\bwho can\b|\brequirements?\b|\bcriteria\b|\bdo i need\b|\bcan i (?:get|apply|open|have)\b|\bam i allowed\b|资格|条件|要求|能不能申请|可以申请|符合|能否申请/i,
  yesno:
    /^\s{0,8}(?:can|is|are|do|does|will|should|could|may|am|has|have|would)\b|\b(?:is it|is there|are there|do you|can i|will i)\b|吗\s{0,4}[?？]?\s{0,4}$|能不能|可不可以|是不是|有没有|会不会|是否/i,
  comparison:
    /\b(?:vs|versus|difference|compare\w{0,3}|cheaper|faster|quicker|better|which (?:is|one))\b|区别|比较|哪个|哪种|还是|更便宜|更快|不同/i,
};

// A sum of money, in any of the ways the guides write one.
const AMOUNT = /[£$€¥]\s?\d|\d\s?(?:pounds|gbp|eur|usd)\b|\d\s?(?:英镑|元|欧元)/i;
const PHONE = /(?:\+44|\b0)\s?\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b/;
const DURATION =
  /\d\s?(?:[-–—]|to)?\s?\d{0,4}\s?(?:working |business |calendar )?(?:days?|weeks?|months?|years?|hours?|minutes?|mins?)\b|\b(?:next|same) (?:working |business )?day\b|[\d一二三四五六七八九十两]\s?个?(?:工作日|天|小时|分钟|月|周|星期|年)|当天|即时|立即|实时|instantly|immediately/i;
const TIME_OF_DAY = /\d(?:[:.]\d\d)?\s?(?:am|pm)\b|\b\d{1,2}:\d\d\b|[上下]午\s?\d|\d\s?点/i;
const DEADLINE_WORDS =
  /\b(?:within|no later than|by|before|cut-?off|deadline|at the latest|until|up to)\b|以内|之内|内|之前|以前|截止|最晚|前/i;

const STATES: Record<AnswerType, (text: string) => boolean> = {
  fee: (t) =>
    /\bfree\b|\bno (?:fee|charge)\b|免费|不收费/i.test(t) ||
    (AMOUNT.test(t) &&
      /\b(?:fees?|costs?|charges?|charged|pay|per|each|price)\b|每笔|每次|收费|费用|手续费|月费/i.test(t)),
  limit: (t) => /\b(?:limits?|up to|maximum|max|at most|no more than)\b|限额|上限|最多|最高|额度/i.test(t),
  rate: (t) => /\d(?:\.\d{1,3})?\s?%|\b(?:apr|aer)\b|利率/i.test(t),
  duration: (t) => DURATION.test(t),
  deadline: (t) => TIME_OF_DAY.test(t) || (DEADLINE_WORDS.test(t) && (DURATION.test(t) || /\d/.test(t))),
  phone: (t) => PHONE.test(t),
  steps: (t) =>
    /^\s{0,4}(?:log in|go to|tap|choose|select|open|enter|call|contact|visit|sign in|click|confirm|check|follow|use|add|find|ask|bring|send|fill|update|report)\b|\bin the (?:harbor )?app\b|^\s{0,4}(?:登录|进入|点击|选择|打开|输入|拨打|联系|前往|携带|填写|确认|使用)|通过app|在app/i.test(
      t,
    ),
  eligibility: (t) =>
    /\b(?:must|need to|you'?ll need|have to|aged? \d|over \d|at least|resident|eligible|requirements?|criteria)\b|必须|需要|年满|居民|条件|符合|资格|至少/i.test(
      t,
    ),
  yesno: (t) =>
    /\b(?:yes|no|you can|you can'?t|cannot|can'?t|don'?t|never|always|not|won'?t|will not)\b|可以|不能|不会|无法|不需要|不用|绝不|从不|不可以|不要/i.test(
      t,
    ),
  comparison: (t) =>
    /\b(?:cheaper|cheapest|quicker|quickest|faster|fastest|than|whereas|while|instead|more|less)\b|比|更|最便宜|最快|而/i.test(
      t,
    ),
};

/** The kinds of answer a question asks for, in a fixed order; a limit question is not also a fee question. */
export function detectAnswerTypes(question: string): AnswerType[] {
  const text = capText(question, MAX_SCANNED_CHARS);
  const found = ANSWER_TYPES.filter((type) => ASKS[type].test(text));
  // "How much can I send?" is a limit question; "how much" alone made it look like a fee question.
  if (
    found.includes("limit") &&
    found.includes("fee") &&
    !/\bfees?\b|\bcosts?\b|\bcharges?\b|手续费|费用|收费/i.test(text)
  ) {
    return found.filter((t) => t !== "fee");
  }
  return found;
}

/** The kinds of fact a candidate sentence states. */
export function statedAnswerTypes(sentence: string): Set<AnswerType> {
  const text = capText(sentence, MAX_SCANNED_CHARS);
  return new Set(ANSWER_TYPES.filter((type) => STATES[type](text)));
}

/** True when the sentence contains a sum of money. */
export function statesAmount(sentence: string): boolean {
  return AMOUNT.test(capText(sentence, MAX_SCANNED_CHARS));
}

// Where one question ends and another begins: question marks, and the words that chain a second question on.
const PART_BREAK =
  /[?？]+|;\s|；|\b(?:and also|also|plus|as well as|and then|and)\b(?=\s{1,4}(?:what|how|when|where|which|who|is|are|can|could|do|does|will|would|should|whats|the)\b)|还有|以及|另外|同时|并且|而且|顺便问/gi;

/** At most this many parts are answered; the rest of a long question stays with the last part. */
const MAX_PARTS = 3;

/**
 * The parts of a multi-part question ("how much is it and when does it arrive?"), each a question on its own. A
 * fragment that asks for no kind of answer ("off to Spain next month") stays with the part before it.
 */
export function splitQuestionParts(question: string): string[] {
  const text = capText(question, MAX_SCANNED_CHARS);
  const pieces = text
    .split(PART_BREAK)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const parts: string[] = [];
  for (const piece of pieces) {
    const asks = detectAnswerTypes(piece).filter((t) => t !== "yesno").length > 0;
    const last = parts.length - 1;
    if (parts.length > 0 && (!asks || parts.length >= MAX_PARTS)) parts[last] = `${parts[last] as string} ${piece}`;
    else parts.push(piece);
  }
  // A leading fragment with no question of its own ("lost my card at the weekend") is context for the next part.
  if (parts.length > 1 && detectAnswerTypes(parts[0] as string).length === 0) {
    const [head, next, ...rest] = parts;
    return [`${head as string} ${next as string}`, ...rest];
  }
  return parts.length > 0 ? parts : [text];
}

/** The terms a question and a sentence are compared on: content terms after interchangeable words are folded. */
export function answerTokens(text: string): string[] {
  return contentTerms(foldSynonyms(text));
}
