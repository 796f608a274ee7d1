// The offline summary of a conversation: extractive and templated. What the customer wants comes from the intents
// of their turns and their latest question in their own words; what the bot did from the tool calls in the traces;
// what is pending from the session (an action awaiting approval, details asked for), unanswered messages and the ticket.
import type { Locale } from "../../shared/locale.js";
import { formatMoney } from "../responder/reply-templates.js";
import type { AssistSummary } from "./assist-schema.js";
import { assistText, stepPhrase, type StepDetails } from "./assist-strings.js";
import { latestQuestion, type BotStep, type ConversationFacts } from "./conversation-facts.js";
import { intentTopic } from "./intent-topics.js";

// Quotes are cut here so one long message cannot fill the panel.
const MAX_QUOTE_CHARS = 200;
const MAX_TOPICS = 4;

// Chinese sentences follow each other without a space.
const joinSentences = (parts: readonly string[], locale: Locale): string => parts.join(locale === "zh-CN" ? "" : " ");

function quote(text: string): string {
  const flat = text
    .replace(/\s?\[\d{1,3}(?:, ?\d{1,3}){0,9}\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > MAX_QUOTE_CHARS ? `${flat.slice(0, MAX_QUOTE_CHARS - 1)}…` : flat;
}

function wantsOf(facts: ConversationFacts, locale: Locale): string {
  if (facts.turns.length === 0) return assistText(locale, "wantsNone");
  const topics: string[] = [];
  for (const t of facts.turns) {
    const topic = intentTopic(t.intent, locale);
    if (!topics.includes(topic)) topics.push(topic);
  }
  const shown = topics.slice(-MAX_TOPICS).join(assistText(locale, "topicSeparator"));
  const question = latestQuestion(facts) ?? facts.turns[facts.turns.length - 1];
  const parts = [assistText(locale, "wants", { topics: shown })];
  if (question) parts.push(assistText(locale, "latestQuestion", { question: quote(question.text) }));
  return joinSentences(parts, locale);
}

function stringArg(args: Record<string, unknown>, key: string): string | undefined {
  const v = args[key];
  return typeof v === "string" && v ? v : undefined;
}

function numberArg(args: Record<string, unknown>, key: string): number | undefined {
  const v = args[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The details a step names: a card's last four digits, a transaction id, a loan's amount and term. */
export function stepDetails(step: BotStep, locale: Locale): StepDetails {
  const last4 = stringArg(step.args, "cardLast4");
  const transactionId = stringArg(step.args, "transactionId");
  const amount = numberArg(step.args, "amount");
  const term = numberArg(step.args, "termMonths");
  return {
    ...(last4 && /^\d{4}$/.test(last4) ? { last4 } : {}),
    ...(transactionId ? { transactionId } : {}),
    ...(amount !== undefined && term !== undefined
      ? { loan: { amount: formatMoney(amount, "GBP", locale), term } }
      : {}),
  };
}

function botDidOf(facts: ConversationFacts, locale: Locale): string {
  const phrases: string[] = [];
  for (const step of facts.steps) {
    const phrase = stepPhrase(locale, step.tool, step.status, stepDetails(step, locale));
    if (!phrases.includes(phrase)) phrases.push(phrase);
  }
  const parts = [
    phrases.length
      ? assistText(locale, "botDid", { steps: phrases.join(assistText(locale, "stepSeparator")) })
      : assistText(locale, facts.botReplies.length ? "botDidNothing" : "botSilent"),
  ];
  // The bot's answer to what the customer asked says more than its last words (often the handoff notice).
  const answered = latestQuestion(facts)?.reply;
  const last = facts.botReplies[facts.botReplies.length - 1];
  if (answered) parts.push(assistText(locale, "answerToLatest", { reply: quote(answered) }));
  else if (last) parts.push(assistText(locale, "lastReply", { reply: quote(last) }));
  return joinSentences(parts, locale);
}

function pendingOf(facts: ConversationFacts, locale: Locale): string {
  const parts: string[] = [];
  if (facts.pending) parts.push(assistText(locale, "pendingAction", { summary: facts.pending.summary }));
  if (facts.awaitingDetails) parts.push(assistText(locale, "pendingAwaiting"));
  for (const text of facts.unanswered.slice(-2))
    parts.push(assistText(locale, "pendingUnanswered", { text: quote(text) }));
  const ticket = facts.ticket;
  if (ticket) {
    const key =
      ticket.status === "waiting"
        ? "ticketWaiting"
        : ticket.status === "with_agent"
          ? "ticketWithAgent"
          : "ticketClosed";
    parts.push(assistText(locale, key, { id: ticket.id, staff: ticket.staffId ?? "" }));
  }
  return parts.length ? joinSentences(parts, locale) : assistText(locale, "pendingNone");
}

/** Summarises a conversation from its facts, in the conversation's language. */
export function offlineSummary(facts: ConversationFacts): AssistSummary {
  const locale = facts.locale;
  const wants = wantsOf(facts, locale);
  const botDid = botDidOf(facts, locale);
  const pending = pendingOf(facts, locale);
  return { text: [wants, botDid, pending].join("\n"), wants, botDid, pending, language: locale, source: "extractive" };
}
