// Scope rules: no investment, tax or legal advice and no guarantees of credit, checked on requests and replies.
import { matchInOrderOnLine } from "../../shared/linear-text.js";
// Patterns have bounded repetition; "a topic word, later on the same line an advice word" is two linear searches,
// not a `.*` that a /g-style scan would retry from every topic word.

/** A topic word followed, later on the same line, by a word asking for advice. */
interface TopicThenAsk {
  topic: RegExp;
  ask: RegExp;
}

const ADVICE_IN_ORDER: TopicThenAsk[] = [
  {
    topic: /\b(?:stocks?|shares|crypto|bitcoin|etf|index fund|pension|isa)\b/i,
    ask: /\b(?:buy|invest|best|recommend|should)\b/i,
  },
  { topic: /\b(?:tax|inheritance|capital gains)\b/i, ask: /\b(?:advice|avoid|reduce|should i|how do i)\b/i },
];

const ADVICE_REQUEST = [
  /\b(?:should i|which|what) (?:invest|buy|sell)\b/i,
  // Naming a solicitor ("my solicitor says I must send the deposit by CHAPS") is context, not a request for one.
  /\b(?:legal advice|(?:should|can|could) i sue|(?:need|get|find|recommend)(?: me)? an? (?:lawyer|solicitor))\b/i,
  /(?:买|投资|推荐).{0,8}(?:股票|基金|比特币|加密货币|理财)|(?:税务|避税|法律)(?:建议|咨询)|该不该(?:买|投资)/,
];

const UNSAFE_REPLY = [
  /\bguarantee(?:d|s)?\b[^.]{0,40}\b(?:approv|accept|credit|loan)/i,
  /\byou (?:will|are certain to) (?:be approved|get the loan|qualify)\b/i,
  /保证(?:批准|通过|获批)|一定(?:能|会)(?:批准|获批|通过)/,
];

/** True when a message asks for investment, tax or legal advice. */
export function isAdviceRequest(text: string): boolean {
  // "Is this crypto investment a scam?" is a fraud question, not a request for investment advice.
  if (/\bscam|fraud|phishing|诈骗|骗局|被骗/i.test(text)) return false;
  return (
    ADVICE_REQUEST.some((re) => re.test(text)) ||
    ADVICE_IN_ORDER.some((rule) => matchInOrderOnLine(text, rule.topic, rule.ask) !== undefined)
  );
}

/** Returns the phrases of a reply that break scope policy (e.g. promising credit), empty when it is clean. */
export function findPolicyViolations(reply: string): string[] {
  return UNSAFE_REPLY.flatMap((re) => {
    const m = reply.match(re);
    return m ? [m[0]] : [];
  });
}
