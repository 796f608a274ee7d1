import { describe, expect, it } from "vitest";
import { loadKnowledgeDocuments } from "./load-documents.js";
import { parseKnowledgeDocument } from "./parse-document.js";
import { makeTempKnowledge } from "./knowledge-fixtures.test-helpers.js";

const good = `---
id: card-pin
title: Your PIN
locale: en
product: cards
version: "2026.1"
effective_from: 2026-01-01
---
# Your PIN

## How to view your PIN
Open the app.
`;

describe("parseKnowledgeDocument", () => {
  it("accepts valid front-matter and keeps dates as YYYY-MM-DD strings", () => {
    const r = parseKnowledgeDocument(good, "en/card-pin.md");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.meta.effective_from).toBe("2026-01-01");
      expect(r.value.meta.version).toBe("2026.1");
      expect(r.value.body).toContain("## How to view your PIN");
    }
  });

  it("names the field when a date is not a date", () => {
    const r = parseKnowledgeDocument(good.replace("effective_from: 2026-01-01", "effective_from: soon"), "x.md");
    expect(r).toEqual({ ok: false, error: expect.stringContaining('field "effective_from"') });
  });

  it("names a missing required field and an unknown extra field", () => {
    const r = parseKnowledgeDocument(good.replace("locale: en\n", "").replace("product: cards", "product: cards\ncolour: blue"), "x.md");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('field "locale"');
      expect(r.error).toContain("colour");
    }
  });

  it("rejects an expiry that is not after the effective date", () => {
    const r = parseKnowledgeDocument(good.replace("effective_from: 2026-01-01", "effective_from: 2026-01-01\nexpires: 2025-12-31"), "x.md");
    expect(r).toEqual({ ok: false, error: expect.stringContaining('field "expires"') });
  });

  it("rejects a file without front-matter", () => {
    expect(parseKnowledgeDocument("# Just a heading\n", "x.md").ok).toBe(false);
  });
});

describe("loadKnowledgeDocuments", () => {
  it("skips bad files with their path and the exact problem, keeping the good ones", async () => {
    const { knowledgeDir } = await makeTempKnowledge("mini", "bad");
    const loaded = await loadKnowledgeDocuments(knowledgeDir);
    expect(loaded.documents.map((d) => d.meta.id).sort()).toEqual(["card-lost", "fees-2025", "fees-2026", "mortgage-basics", "notice-maintenance", "zh-card-lost"]);
    expect(loaded.skipped).toEqual([
      { path: "en/broken-date.md", problem: expect.stringContaining('field "effective_from"') },
      { path: "en/unknown-product.md", problem: expect.stringContaining('field "product"') },
    ]);
  });
});
