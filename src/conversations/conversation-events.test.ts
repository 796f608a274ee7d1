import { describe, expect, it } from "vitest";
import { createConversationEvents, type ConversationEvent } from "./conversation-events.js";

const event: ConversationEvent = { type: "handoff", data: { ticketId: "T-1", status: "waiting" } };

describe("conversation events", () => {
  it("holds no more subscriptions than its cap, dropping the oldest first", () => {
    const events = createConversationEvents({ maxSubscribers: 3 });
    const got: string[] = [];
    for (const name of ["a", "b", "c", "d"]) events.subscribe("s1", () => got.push(name));
    expect(events.size).toBe(3);
    events.publish("s1", event);
    expect(got).toEqual(["b", "c", "d"]);
  });

  it("forgets a subscription when it unsubscribes, so closed streams hold nothing", () => {
    const events = createConversationEvents();
    const got: string[] = [];
    const stop = events.subscribe("s1", () => got.push("x"));
    stop();
    stop();
    events.publish("s1", event);
    expect(got).toEqual([]);
    expect(events.size).toBe(0);
  });
});
