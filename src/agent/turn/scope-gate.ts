// Step 3 of a turn: messages the agent must not run for. Out-of-scope and advice requests, instruction attempts
// with no banking question left, and unclear messages get a fixed reply; nothing else runs for them.
import type { Locale } from "../../shared/locale.js";
import type { RouterPort } from "../agent-ports.js";
import { isAdviceRequest } from "../guardrails/scope-policy.js";
import { routeOfIntent, stripInjection } from "../message-heuristics.js";
import { say } from "../responder/reply-templates.js";
import type { GuardrailEvent } from "../../conversations/turn-trace.js";
import type { RoutedMessage } from "./route-message.js";
import type { ScreenedMessage } from "./screen-message.js";

/** Run the agent (possibly on a narrowed route), or answer with a fixed reply. */
export type ScopeDecision =
  | {
      kind: "agent";
      intent: string;
      route: string;
      readOnly: boolean;
      prefix?: string;
      /** Why a refusal was overturned by a knowledge match (see knowledge-rescue). */
      rescued?: string;
    }
  | {
      kind: "fixed";
      intent: string;
      route: string;
      text: string;
      quickReplies?: string[];
      event?: GuardrailEvent;
      /** The refusal rests on the router alone, so a strong knowledge match may overturn it. */
      rescuable?: boolean;
    };

/** Decides whether the agent runs for this message. Staff are trusted to ask anything. */
export function decideScope(args: {
  router: RouterPort;
  screened: ScreenedMessage;
  routed: RoutedMessage;
  locale: Locale;
  staff: boolean;
}): ScopeDecision {
  const { router, screened, routed, locale } = args;
  const { decision } = routed;
  const { intent, route } = routed;
  if (args.staff) return { kind: "agent", intent, route, readOnly: false };
  const adviceWords = isAdviceRequest(screened.text);
  const advice = intent === "advice_request" || adviceWords;
  if (route === "out_of_scope" || advice) {
    return {
      kind: "fixed",
      intent: advice ? "advice_request" : intent,
      route: "out_of_scope",
      text: say(locale, advice ? "advice" : "outOfScope"),
      quickReplies: [say(locale, "route_handoff")],
      event: { type: "scope_refusal", detail: advice ? "advice request" : "out of scope" },
      // An instruction attempt, a message worded as a request for advice, and one the router is sure asks for
      // advice (or a guarantee) are never answered on the strength of a knowledge match.
      rescuable:
        !screened.injection.flagged && !adviceWords && (intent !== "advice_request" || decision.confidence < 0.5),
    };
  }
  // An attempt to instruct the assistant gets a refusal. If a real banking question is left once the instruction
  // is removed, it is answered with read-only tools; otherwise nothing runs at all.
  if (screened.injection.flagged) {
    const rest = stripInjection(screened.text, screened.injection.matches);
    const remainder = rest ? router.route(rest, locale) : undefined;
    if (!remainder || remainder.lowConfidence || remainder.outOfScope || remainder.route === "handoff") {
      return { kind: "fixed", intent, route, text: say(locale, "injection") };
    }
    return {
      kind: "agent",
      intent: remainder.intent,
      route: remainder.route,
      readOnly: true,
      prefix: say(locale, "injection"),
    };
  }
  if (decision.lowConfidence && !routed.continued) {
    const intents = [...new Set(decision.top.map((t) => t.intent))].slice(0, 3);
    const routes = intents.map((name) => `route_${routeOfIntent(decision, name)}` as Parameters<typeof say>[1]);
    return {
      kind: "fixed",
      intent,
      route,
      text: say(locale, "clarify"),
      quickReplies: [...new Set(routes.map((r) => say(locale, r)))],
      rescuable: true,
    };
  }
  return { kind: "agent", intent, route, readOnly: false };
}
