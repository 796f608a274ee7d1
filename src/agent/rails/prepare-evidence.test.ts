import { describe, expect, it } from "vitest";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import { testEvidence } from "./test-evidence.test-helpers.js";

describe("prepareEvidence", () => {
  it("indexes the facts of the sources and the published contacts", () => {
    const prepared = prepareEvidence(testEvidence(), createEvidenceCaches());
    expect(prepared.facts.has("m:GBP:15")).toBe(true);
    expect(prepared.facts.has("d:day:1-4")).toBe(true);
    expect(prepared.facts.has("tel:08001234567")).toBe(true);
    expect(prepared.facts.has("url:harborbank.example")).toBe(true);
    expect([...prepared.passageIds]).toEqual([1, 2, 3]);
  });

  it("reuses the facts of a source and the shingles of a prompt across turns", () => {
    const caches = createEvidenceCaches();
    prepareEvidence(testEvidence(), caches);
    const facts = caches.facts.size;
    const shingles = caches.shingles.size;
    const again = prepareEvidence(testEvidence(), caches);
    expect([caches.facts.size, caches.shingles.size]).toEqual([facts, shingles]);
    expect(again.protectedShingles[0]?.words.size).toBeGreaterThan(0);
  });

  it("recognises a clause quoted word for word from the sources, and only a long one", () => {
    const prepared = prepareEvidence(testEvidence(), createEvidenceCaches());
    expect(prepared.quoted("an eligibility check is an estimate")).toBe(true);
    expect(prepared.quoted("an estimate")).toBe(false);
  });
});
