// Step 1 of a turn: the customer's words with personal data replaced by vault placeholders, and screened for
// attempts to instruct the assistant. Nothing after this step sees the raw message.
import { screenForInjection, type InjectionScreen } from "../guardrails/injection-screen.js";
import type { PiiVault } from "../../shared/pii-vault.js";
import type { GuardrailEvent } from "../../conversations/turn-trace.js";

/** A message as the rest of the turn may use it. */
export interface ScreenedMessage {
  /** The message with personal data replaced by placeholders. */
  text: string;
  injection: InjectionScreen;
  events: GuardrailEvent[];
}

/** Redacts and screens one customer message. */
export function screenMessage(vault: PiiVault, message: string): ScreenedMessage {
  const redaction = vault.redact(message);
  const events: GuardrailEvent[] = [];
  if (redaction.spans.length) events.push({ type: "pii_redacted", detail: redaction.kinds.join(",") });
  const injection = screenForInjection(redaction.text);
  if (injection.flagged) events.push({ type: "injection_user", detail: injection.matches.join(" | ").slice(0, 200) });
  return { text: redaction.text, injection, events };
}
