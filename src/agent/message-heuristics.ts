// Small readings of a customer's message that steer a turn: a spoken yes or no, the question left after an
// injection attempt, whether slots were given, and the route of a runner-up intent. Patterns have bounded repetition.
import type { RouteDecisionView } from "./agent-ports.js";

/** The message without its instruction attempt (and any markup around it), or "" when nothing of substance is left. */
export function stripInjection(text: string, matches: readonly string[]): string {
  let rest = text;
  for (const m of matches) rest = rest.split(m).join(" ");
  rest = rest
    .replace(/<\/?\s{0,8}\w{1,32}\s{0,8}>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const substance = (rest.match(/[A-Za-z]{2,}/g)?.length ?? 0) + (rest.match(/[\u3400-\u9fff]/g)?.length ?? 0) / 2;
  return substance >= 3 ? rest : "";
}

/** True when the router found amounts, card digits, merchants or references in the message. */
export function hasSlots(d: RouteDecisionView): boolean {
  return (
    d.slots.amounts.length +
      d.slots.terms.length +
      d.slots.cardLastFour.length +
      d.slots.merchants.length +
      d.slots.transactionRefs.length >
    0
  );
}

const YES =
  /^(yes|yeah|yep|ok|okay|sure|please do|go ahead|approve|confirm|do it|是|是的|好|好的|确认|可以|同意)[.!。！ ]{0,16}$/i;
const NO = /^(no|nope|cancel|don'?t|do not|stop|reject|不|不要|取消|算了|不用了)[.!。！ ]{0,16}$/i;

/** A one-word answer to a waiting confirmation, in English or Chinese. */
export function spokenDecision(text: string): "approve" | "reject" | undefined {
  const t = text.trim();
  return YES.test(t) ? "approve" : NO.test(t) ? "reject" : undefined;
}

/** The route of one of the router's candidate intents. */
export function routeOfIntent(decision: RouteDecisionView, intent: string): string {
  return intent === decision.intent
    ? decision.route
    : (decision.top.find((t) => t.intent === intent)?.route ?? "knowledge");
}
