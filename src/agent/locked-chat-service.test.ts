import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import { createConversationStore } from "../conversations/conversation-store.js";
import { createLocalSessionLock } from "../conversations/session-lock.js";
import { AppError } from "../shared/errors.js";
import type { ChatResponse } from "./chat-schemas.js";
import type { ChatService } from "./chat-service.js";
import { withSessionLock } from "./locked-chat-service.js";

const customer: Identity = { kind: "customer", customerId: "demo1" };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A chat service whose turns take a while and record how many ran at once per session. */
function slowChat() {
  const store = createConversationStore(":memory:");
  const active = new Map<string, number>();
  let most = 0;
  let calls = 0;
  const turn = async (sessionId: string): Promise<ChatResponse> => {
    calls++;
    const n = (active.get(sessionId) ?? 0) + 1;
    active.set(sessionId, n);
    most = Math.max(most, n);
    await sleep(20);
    active.set(sessionId, n - 1);
    const response: ChatResponse = {
      sessionId,
      reply: { text: "ok", citations: [] },
      intent: { name: "x", route: "knowledge", confidence: 1 },
      toolCalls: [],
      traceId: "t",
    };
    return response;
  };
  const chat: ChatService = {
    handleMessage: (input) => turn(input.sessionId ?? "new"),
    handleConfirmation: (input) => turn(input.sessionId),
    readableSession: (_access, id) => {
      const session = store.getSession(id);
      if (!session) throw new AppError("not_found", "No such conversation.");
      return session;
    },
  };
  const session = store.createSession({ owner: "customer:demo1", identity: customer, locale: "en" });
  return { chat, session, most: () => most, calls: () => calls };
}

describe("chat service with a session lock", () => {
  it("answers messages and approvals of one conversation one at a time", async () => {
    const s = slowChat();
    const chat = withSessionLock(s.chat, createLocalSessionLock());
    await Promise.all([
      chat.handleMessage({ identity: customer, sessionId: s.session.id, message: "a" }),
      chat.handleMessage({ identity: customer, sessionId: s.session.id, message: "b" }),
      chat.handleConfirmation({
        identity: customer,
        sessionId: s.session.id,
        confirmationId: "c1",
        decision: "approve",
      }),
    ]);
    expect(s.calls()).toBe(3);
    expect(s.most()).toBe(1);
  });

  it("does not lock first messages, which open a new conversation", async () => {
    const s = slowChat();
    const chat = withSessionLock(s.chat, createLocalSessionLock({ maxWaiters: 0 }));
    await Promise.all([1, 2, 3].map(() => chat.handleMessage({ identity: customer, message: "hi" })));
    expect(s.most()).toBe(3);
  });

  it("refuses a message while the conversation is busy beyond the wait limit, with a conflict error", async () => {
    const s = slowChat();
    const chat = withSessionLock(s.chat, createLocalSessionLock({ maxWaiters: 0 }));
    const first = chat.handleMessage({ identity: customer, sessionId: s.session.id, message: "a" });
    await expect(
      chat.handleMessage({ identity: customer, sessionId: s.session.id, message: "b" }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("still being answered") });
    await first;
  });

  it("answers not_found for a conversation the caller cannot read, without taking its lock", async () => {
    const s = slowChat();
    let locked = 0;
    const chat = withSessionLock(s.chat, { run: (_id, fn) => (locked++, fn()) });
    await expect(chat.handleMessage({ identity: customer, sessionId: "nope", message: "a" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(locked).toBe(0);
  });
});
