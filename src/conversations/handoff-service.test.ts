import { describe, expect, it } from "vitest";
import { createConversationEvents } from "./conversation-events.js";
import { createConversationStore } from "./conversation-store.js";
import { createHandoffService } from "./handoff-service.js";

describe("handoff service", () => {
  it("keeps one open ticket per conversation however often a handoff is asked for", () => {
    const store = createConversationStore(":memory:");
    const handoff = createHandoffService({ store, events: createConversationEvents(), redact: (t) => t });
    const session = store.createSession({ owner: "anonymous-k1", identity: { kind: "anonymous" }, locale: "en" });
    const first = handoff.openTicket(session.id, "help");
    expect(handoff.openTicket(session.id, "help again").id).toBe(first.id);
    expect(store.listTicketQueue({ limit: 10 }).counts.waiting).toBe(1);
    handoff.handBack(session.id, "alice");
    expect(handoff.openTicket(session.id, "and again").id).not.toBe(first.id);
    store.close();
  });
});
