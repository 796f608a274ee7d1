// Step 2 of a turn: the intent and route of a message. An answer to the bot's own question ("£10,000 over 5 years")
// continues the task it belongs to unless it clearly starts another one.
import type { Locale } from "../../shared/locale.js";
import type { RouteDecisionView, RouterPort } from "../agent-ports.js";
import { hasSlots } from "../message-heuristics.js";

/** What the turn is about. */
export interface RoutedMessage {
  decision: RouteDecisionView;
  intent: string;
  route: string;
  routeMs: number;
  /** The message answers the bot's own question and continues that task. */
  continued: boolean;
}

/** The task the bot asked a question for, if it is waiting for an answer. */
export interface AwaitedAnswer {
  intent: string;
  route: string;
}

/** Routes a redacted message, continuing an awaited task when the message answers it. */
export function routeMessage(
  router: RouterPort,
  text: string,
  locale: Locale,
  awaiting?: AwaitedAnswer,
): RoutedMessage {
  const started = performance.now();
  const decision = router.route(text, locale);
  let { intent, route } = decision;
  const answersQuestion =
    hasSlots(decision) && (decision.route === awaiting?.route || (decision.confidence < 0.85 && route !== "handoff"));
  // An unsure guess that happens to name the awaited task is still an answer to our question, not a new topic.
  const continued = Boolean(awaiting) && (decision.lowConfidence || answersQuestion);
  if (awaiting && continued) {
    intent = awaiting.intent;
    route = awaiting.route;
  }
  return { decision, intent, route, continued, routeMs: Math.round(performance.now() - started) };
}
