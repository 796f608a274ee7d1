import { describe, expect, it } from "vitest";
import { createBoundedCache } from "./bounded-cache.js";
import { cachedShingles, leakedRun, type Shingles, shinglesOf } from "./prompt-leak-rail.js";

const PROMPT =
  "You are the customer-service assistant of {{bank_name}}. Answer only from tool results: every fact about the bank must come from a tool result in this conversation. " +
  "回答前先用客户自己的说法调用检索工具，如果段落没有回答问题，换个说法再检索一次。";
const protectedTexts = [shinglesOf(PROMPT)];
const noSources = (): Shingles => shinglesOf("");

describe("prompt leak rail", () => {
  it("blocks eight English words in a row from a protected text, whatever the case and punctuation", () => {
    expect(
      leakedRun("Sure! EVERY fact about the bank must come from a tool result, always.", protectedTexts, noSources),
    ).toBe("every fact about the bank must come from");
  });

  it("blocks twelve Chinese characters in a row", () => {
    expect(leakedRun("好的，我会先用客户自己的说法调用检索工具。", protectedTexts, noSources)).toBe(
      "先用客户自己的说法调用检",
    );
  });

  it("lets shorter overlaps and runs split by a placeholder through", () => {
    expect(leakedRun("Every fact about the bank is checked.", protectedTexts, noSources)).toBeUndefined();
    expect(
      leakedRun("You are the customer-service assistant of Harbor Bank.", protectedTexts, noSources),
    ).toBeUndefined();
  });

  it("lets a run through when this turn's sources say it too", () => {
    const sources = (): Shingles => shinglesOf("Policy: every fact about the bank must come from a tool result.");
    expect(
      leakedRun("Every fact about the bank must come from a tool result.", protectedTexts, sources),
    ).toBeUndefined();
  });

  it("cuts each protected text into shingles once, within the cache bound", () => {
    const cache = createBoundedCache<Shingles>(2);
    const first = cachedShingles(cache, PROMPT);
    expect(cachedShingles(cache, PROMPT)).toBe(first);
    cachedShingles(cache, "a b c d e f g h i");
    cachedShingles(cache, "j k l m n o p q r");
    expect(cache.size).toBe(2);
    expect(cachedShingles(cache, PROMPT)).not.toBe(first);
  });
});
