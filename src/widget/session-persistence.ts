// Keeps the conversation (session id + rendered messages) in sessionStorage so a page reload resumes it in the same tab.
import type { WidgetHandoff, WidgetMessage } from "./widget-types.js";
import type { UiLocale } from "./widget-strings.js";

/** What survives a reload. */
export interface PersistedChat {
  sessionId?: string;
  owner: string;
  locale: UiLocale;
  open: boolean;
  messages: WidgetMessage[];
  quickReplies?: string[];
  handoff?: WidgetHandoff;
}

/** A minimal Storage port, so tests and private-mode browsers (where storage throws) are handled alike. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = "harbor-chat:v1";
const MAX_MESSAGES = 200;

/** Creates the persistence for one storage; failures (quota, disabled storage) degrade to an in-memory session. */
export function createChatPersistence(storage: KeyValueStorage | undefined) {
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
        storage?.setItem(KEY, JSON.stringify({ ...chat, messages: chat.messages.slice(-MAX_MESSAGES) }));
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
