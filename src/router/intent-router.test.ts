import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createFixedClock } from "../shared/clock.js";
import { loadIntentCatalogue, type IntentCatalogue } from "./intent-catalogue.js";
import { createIntentRouter, RouteDecisionSchema } from "./intent-router.js";
import { trainRouter, type RouterModel } from "./router-model.js";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/intents");
let catalogue: IntentCatalogue;
let model: RouterModel;

beforeAll(() => {
  const r = loadIntentCatalogue(FIXTURES);
  if (!r.ok) throw new Error(r.error);
  catalogue = r.value;
  model = trainRouter(catalogue, { now: new Date("2026-03-18T00:00:00Z") });
});

describe("intent router", () => {
  const clock = createFixedClock("2026-03-18T10:00:00Z");

  it("separates the toy catalogue on messages it was not trained on, in both languages", () => {
    const router = createIntentRouter({ model, clock, thresholds: { outOfScope: 0 } });
    const cases: [string, string, string][] = [
      ["my debit card got stolen on the bus", "lost_or_stolen_card", "fraud"],
      ["still no sign of my new card in the post", "card_delivery", "cards"],
      ["how much money is in my account", "balance", "account"],
      ["put me through to a real human", "speak_to_human", "handoff"],
      ["我的信用卡被偷了", "lost_or_stolen_card", "fraud"],
      ["账户余额还有多少", "balance", "account"],
      ["hello there", "greeting", "smalltalk"],
    ];
    for (const [text, intent, route] of cases) {
      const d = router.route(text);
      expect({ text, intent: d.intent, route: d.route }).toEqual({ text, intent, route });
    }
  });

  it("returns a schema-valid decision with three ranked candidates, locale and slots", () => {
    const router = createIntentRouter({ model, clock });
    const d = router.route("我的卡尾号4821昨天丢了");
    expect(RouteDecisionSchema.parse(d)).toEqual(d);
    expect(d.top).toHaveLength(3);
    expect(d.top[0]!.probability).toBeGreaterThanOrEqual(d.top[1]!.probability);
    expect(d.locale).toBe("zh-CN");
    expect(d.slots.cardLastFour).toEqual(["4821"]);
    expect(d.slots.dates[0]?.date).toBe("2026-03-17");
  });

  it("flags the out_of_scope intent as out of scope even when confident", () => {
    const d = createIntentRouter({ model, clock, thresholds: { outOfScope: 0 } }).route(
      "what's the weather like in paris tomorrow",
    );
    expect(d.outOfScope).toBe(true);
    expect(d.route).toBe("out_of_scope");
  });

  it("rejects a message as out of scope when its confidence is under the threshold", () => {
    const text = "how much money is in my account";
    const lenient = createIntentRouter({ model, clock, thresholds: { outOfScope: 0, lowConfidence: 0 } });
    const accepted = lenient.route(text);
    expect(accepted.outOfScope).toBe(false);
    expect(accepted.lowConfidence).toBe(false);
    const above = accepted.confidence + 1e-12;
    const d = createIntentRouter({ model, clock, thresholds: { outOfScope: above, lowConfidence: above } }).route(text);
    expect(d.outOfScope).toBe(true);
    expect(d.lowConfidence).toBe(true);
    expect(d.intent).toBe("out_of_scope");
    expect(d.route).toBe("out_of_scope");
    expect(d.top[0]!.intent).toBe("balance");
  });

  it("calibrates thresholds into [0,1] with low-confidence at or above out-of-scope", () => {
    const t = model.classifier.thresholds;
    expect(t.outOfScope).toBeGreaterThanOrEqual(0);
    expect(t.lowConfidence).toBeGreaterThanOrEqual(t.outOfScope);
    expect(t.lowConfidence).toBeLessThanOrEqual(1);
    expect(model.classifier.temperature).toBeGreaterThan(0);
  });
});
