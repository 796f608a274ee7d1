import { describe, expect, it } from "vitest";
import { chunkDocument } from "./chunk-document.js";
import { parseKnowledgeDocument } from "./parse-document.js";

function doc(body: string) {
  const r = parseKnowledgeDocument(
    `---\nid: card-freeze\ntitle: Freezing your card\nlocale: en\nproduct: cards\nversion: "1"\neffective_from: 2026-01-01\n---\n${body}`,
    "en/card-freeze.md",
  );
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe("chunkDocument", () => {
  it("makes one chunk per ## section, keeping doc id, title and heading", async () => {
    const chunks = await chunkDocument(doc("# Freezing your card\n\nIntro text.\n\n## How to freeze your card\nUse the app.\n\n## Unfreezing your card\nTap unfreeze.\n"));
    expect(chunks.map((c) => c.section)).toEqual(["Freezing your card", "How to freeze your card", "Unfreezing your card"]);
    expect(chunks.every((c) => c.docId === "card-freeze" && c.title === "Freezing your card")).toBe(true);
    expect(chunks[1]?.text).toBe("Use the app.");
  });

  it("gives identical content identical ids and changed content a new id", async () => {
    const a = await chunkDocument(doc("## One\nSame.\n\n## Two\nBefore.\n"));
    const b = await chunkDocument(doc("## One\nSame.\n\n## Two\nAfter.\n"));
    expect(a[0]?.chunkId).toBe(b[0]?.chunkId);
    expect(a[1]?.chunkId).not.toBe(b[1]?.chunkId);
    expect(a[0]?.chunkId.startsWith("card-freeze#")).toBe(true);
  });

  it("splits an over-long section into several chunks under the same heading", async () => {
    const para = (n: number): string => `Paragraph ${n}. ` + "Freezing stops new card payments. ".repeat(20);
    const chunks = await chunkDocument(doc(`## Long section\n${para(1)}\n\n${para(2)}\n\n${para(3)}\n`), { maxChars: 800 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.section === "Long section" && c.text.length <= 800)).toBe(true);
  });
});
