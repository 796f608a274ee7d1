import { describe, expect, it } from "vitest";
import { createConversationStore } from "../../conversations/conversation-store.js";
import { say } from "../responder/reply-templates.js";
import { badTurnTrace, plantBadTurns } from "./bad-turn-traces.test-helpers.js";
import { collectBadTurns } from "./collect-bad-turns.js";

const since = new Date(Date.now() - 86_400_000);

describe("collectBadTurns", () => {
  it("collects out-of-scope turns with their trace facts, scrubbed", () => {
    const store = createConversationStore(":memory:");
    plantBadTurns(store, [{ text: "buy gold for jane@example.com", locale: "en" }]);
    const turns = collectBadTurns({ store, scrub: (t) => t.replace("jane@example.com", "[EMAIL]") }, { since });
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({
      text: "buy gold for [EMAIL]",
      signals: ["out_of_scope"],
      outOfScope: true,
      knowledgeHit: false,
    });
  });

  it("marks the second of two clarifying questions in a row as a clarifying loop", () => {
    const store = createConversationStore(":memory:");
    const s = store.createSession({
      owner: "customer:demo1",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
    });
    const clarify = { locale: "en" as const, lowConfidence: true, outOfScope: false, reply: say("en", "clarify") };
    store.saveTrace(badTurnTrace(s.id, 1, { ...clarify, text: "the thing with my card" }));
    store.saveTrace(badTurnTrace(s.id, 2, { ...clarify, text: "the card thing again" }));
    const turns = collectBadTurns({ store, scrub: (t) => t }, { since });
    expect(turns.map((t) => t.signals)).toEqual([["low_confidence"], ["low_confidence", "clarifying_loop"]]);
  });

  it("adds a thumbs-down from the feedback and skips turns that went well", () => {
    const store = createConversationStore(":memory:");
    const s = store.createSession({
      owner: "customer:demo1",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
    });
    const fine = badTurnTrace(s.id, 1, { text: "what is my balance", locale: "en", outOfScope: false });
    const disliked = badTurnTrace(s.id, 2, { text: "what are your fees", locale: "en", outOfScope: false });
    store.saveTrace(fine);
    store.saveTrace(disliked);
    const feedback = {
      list: () => [
        { traceId: disliked.traceId, rating: "down" as const },
        { traceId: fine.traceId, rating: "up" as const },
      ],
    };
    const turns = collectBadTurns({ store, feedback, scrub: (t) => t }, { since });
    expect(turns.map((t) => [t.text, t.signals])).toEqual([["what are your fees", ["negative_feedback"]]]);
  });
});
