// Keeps the conversation (session id + rendered messages) in sessionStorage so a page reload resumes it in the same tab.
// What is stored is redacted with the server's own detector: a card or phone number typed in the chat is shown while the
// page lives, but only its placeholder ("[CARD_1]") survives in storage.
import { maskPii } from "../shared/pii-detect.js";
import type { WidgetHandoff, WidgetMessage } from "./widget-types.js";
import type { UiLocale } from "./widget-strings.js";

/** What survives a reload. */
export interface PersistedChat {
  sessionId?: string;
  /** The anonymous conversation's key; sessionStorage keeps it to this tab, and End chat forgets it. */
  sessionKey?: string;
  owner: string;
  locale: UiLocale;
  open: boolean;
  messages: WidgetMessage[];
  quickReplies?: string[];
  handoff?: WidgetHandoff;
  /** The conversation whose CSAT was already offered, so closing the panel asks once. */
  csatFor?: string;
}

/** A minimal Storage port, so tests and private-mode browsers (where storage throws) are handled alike. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = "harbor-chat:v1";
const MAX_MESSAGES = 200;
const MAX_CACHED = 2 * MAX_MESSAGES;

/** A redactor that remembers recent texts, so saving after every message does not re-scan the whole conversation. */
function createMessageRedactor(): (m: WidgetMessage) => WidgetMessage {
  const cache = new Map<string, string>();
  const mask = (text: string, bank: boolean): string => {
    const key = `${bank ? "b" : "c"}:${text}`;
    let out = cache.get(key);
    if (out === undefined) {
      // The assistant only ever saw redacted text, so a phone number in its reply is the bank's own line.
      out = maskPii(text, bank ? { keep: ["phone"] } : {});
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? "");
      cache.set(key, out);
    }
    return out;
  };
  return (m) => {
    const bank = m.role === "assistant" || m.role === "system";
    const confirmation = m.confirmation
      ? { confirmation: { ...m.confirmation, summary: mask(m.confirmation.summary, bank) } }
      : {};
    return { ...m, text: mask(m.text, bank), ...confirmation };
  };
}

/** Creates the persistence for one storage; failures (quota, disabled storage) degrade to an in-memory session. */
export function createChatPersistence(storage: KeyValueStorage | undefined) {
  const redact = createMessageRedactor();
  return {
    load(): PersistedChat | undefined {
      try {
        const raw = storage?.getItem(KEY);
        if (!raw) return undefined;
        const value = JSON.parse(raw) as PersistedChat;
        return Array.isArray(value.messages) && typeof value.owner === "string" ? value : undefined;
      } catch {
        return undefined;
      }
    },
    save(chat: PersistedChat): void {
      try {
        storage?.setItem(KEY, JSON.stringify({ ...chat, messages: chat.messages.slice(-MAX_MESSAGES).map(redact) }));
      } catch {
        // Storage full or disabled: the conversation still works for this page view.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(KEY);
      } catch {
        // Nothing stored.
      }
    },
  };
}

/** The owner of a token (its `sub` claim), so a different signed-in customer never sees the previous transcript. */
export function ownerOfToken(token: string | undefined): string {
  if (!token) return "anonymous";
  try {
    const part = token.split(".")[1] ?? "";
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const claims = JSON.parse(json) as { sub?: unknown; role?: unknown };
    return typeof claims.sub === "string" ? `${String(claims.role ?? "customer")}:${claims.sub}` : "token";
  } catch {
    return "token";
  }
}
