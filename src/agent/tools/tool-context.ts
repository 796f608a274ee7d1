// The per-turn runtime context every tool reads its caller from. Identity is set by the chat service from the
// authenticated session and is never an argument the model fills in.
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import type { PiiVault } from "../../shared/pii-vault.js";

/** What the chat service passes to the agent for one turn. */
export interface AgentContext {
  identity: Identity;
  sessionId: string;
  locale: Locale;
  vault: PiiVault;
  /** Documents the routed intent is about; knowledge search ranks them first. */
  preferredDocs?: readonly string[];
  /** The [n] the next retrieved passage gets, so ids stay unique across the turn's searches. */
  nextPassageNumber?: () => number;
  onToolEvent?: (event: { name: string; phase: "start" | "end"; status?: string }) => void;
}

/** Reads the typed context from a tool's runtime argument. */
export function contextOf(runtime: unknown): AgentContext {
  const ctx = (runtime as { context?: AgentContext } | undefined)?.context;
  if (!ctx || !ctx.identity) throw new Error("agent context missing: tools must run inside a chat turn");
  return ctx;
}

/** The customer id of a signed-in customer, or undefined for anonymous visitors and staff. */
export function customerIdOf(ctx: AgentContext): string | undefined {
  return ctx.identity.kind === "customer" ? ctx.identity.customerId : undefined;
}

/** Turns a card reference from the model (last four digits or a vault placeholder) into four digits. */
export function resolveLast4(ref: string | undefined, ctx: AgentContext): string | undefined {
  if (!ref) return undefined;
  const fromVault = /^\[CARD_\d+\]$/.test(ref.trim()) ? ctx.vault.resolve(ref)?.value : undefined;
  const digits = (fromVault ?? ref).replace(/\D/g, "");
  return digits.length >= 4 ? digits.slice(-4) : undefined;
}
