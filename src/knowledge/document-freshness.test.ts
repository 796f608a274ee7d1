import { describe, expect, it } from "vitest";
import { inForceDocumentIds } from "./document-freshness.js";
import type { KnowledgeFrontMatter } from "./knowledge-schemas.js";

const meta = (id: string, extra: Partial<KnowledgeFrontMatter> = {}): KnowledgeFrontMatter => ({
  id,
  title: id,
  locale: "en",
  product: "fees",
  version: "1",
  effective_from: "2026-01-01",
  ...extra,
});

describe("inForceDocumentIds", () => {
  const docs = [
    meta("old", { effective_from: "2025-01-01" }),
    meta("new", { supersedes: "old" }),
    meta("notice", { effective_from: "2026-09-10", expires: "2026-09-14" }),
    meta("future", { effective_from: "2027-01-01" }),
  ];

  it("includes the start day and excludes the expiry day", () => {
    expect(inForceDocumentIds(docs, "2026-09-10").has("notice")).toBe(true);
    expect(inForceDocumentIds(docs, "2026-09-13").has("notice")).toBe(true);
    expect(inForceDocumentIds(docs, "2026-09-14").has("notice")).toBe(false);
  });

  it("drops a superseded document only once its successor has started", () => {
    expect([...inForceDocumentIds(docs, "2025-12-31")]).toEqual(["old"]);
    expect([...inForceDocumentIds(docs, "2026-11-29")]).toEqual(["new"]);
  });

  it("does not serve documents before their effective date", () => {
    expect(inForceDocumentIds(docs, "2026-12-31").has("future")).toBe(false);
    expect(inForceDocumentIds(docs, "2027-01-01").has("future")).toBe(true);
  });
});
