import { describe, expect, it } from "vitest";
import { indexClaims, unsupportedClaims } from "./claim-rail.js";

const sources = [
  "Receiving an international payment costs £7. Coin deposits are free up to £500 a day, then £1 per £100.",
  "Freezing your card takes effect immediately in the app.",
  "收到国际汇款每笔收取£7手续费。",
];
const index = indexClaims(sources);

describe("claims without figures", () => {
  it.each([
    "Receiving money from abroad is completely free.",
    "Coin deposits are free without any limit!",
    "收到国际汇款一律免费，不论金额多少。",
    "Your replacement card will be delivered the same day.",
    "International transfers arrive instantly.",
    "硬币存款永久免费。",
  ])("blocks an unsupported claim: %s", (s) => {
    expect(unsupportedClaims(s, index).length).toBeGreaterThan(0);
  });

  it.each([
    "Coin deposits are free up to £500 a day.",
    "Freezing your card works immediately.",
    "Receiving an international payment is not free: it costs £7.",
    "International payments cost £15 online.",
  ])("passes a claim the sources make on the same topic: %s", (s) => {
    expect(unsupportedClaims(s, index)).toEqual([]);
  });
});
