import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureAnswerRanker } from "./ensure-answer-ranker.js";

const DOC = `---
id: payments-international
title: Sending money abroad
locale: en
product: payments
version: "1"
effective_from: 2026-01-01
---

# Sending money abroad

## SWIFT fees
You can send up to £50,000 a day online. An international SWIFT payment costs £15 online. It arrives in 1–4 business days.

## Contact
Call us on 0345 600 7000 if a payment has not arrived.
`;

const PAIRS = [
  {
    id: "q1",
    locale: "en",
    question: "how much is a swift payment",
    source: "payments-international",
    facts: [["£15"]],
    kind: "amount",
  },
  {
    id: "q2",
    locale: "en",
    question: "how much can i send a day",
    source: "payments-international",
    facts: [["£50,000"]],
    kind: "amount",
  },
  {
    id: "q3",
    locale: "en",
    question: "what number do i call",
    source: "payments-international",
    facts: [["0345 600 7000"]],
    kind: "phone",
  },
]
  .map((p) => JSON.stringify(p))
  .join("\n");

function workspace(): { knowledgeDir: string; pairsFile: string; modelsDir: string } {
  const root = mkdtempSync(join(tmpdir(), "answer-ranker-"));
  mkdirSync(join(root, "knowledge", "en"), { recursive: true });
  writeFileSync(join(root, "knowledge", "en", "payments-international.md"), DOC);
  writeFileSync(join(root, "dev.jsonl"), PAIRS);
  return { knowledgeDir: join(root, "knowledge"), pairsFile: join(root, "dev.jsonl"), modelsDir: join(root, "models") };
}

describe("ensuring the answer ranker", () => {
  it("uses the hand-set weights when there are no dev pairs", async () => {
    const ws = workspace();
    const r = await ensureAnswerRanker({ ...ws, pairsFile: join(ws.modelsDir, "none.jsonl"), today: "2026-06-01" });
    expect(r.source).toBe("fallback");
    expect(existsSync(ws.modelsDir)).toBe(false);
  });

  it("trains once, then loads the saved artefact until the data changes", async () => {
    const ws = workspace();
    const first = await ensureAnswerRanker({ ...ws, today: "2026-06-01" });
    expect(first.source).toBe("trained");
    const second = await ensureAnswerRanker({ ...ws, today: "2026-06-01" });
    expect(second.source).toBe("loaded");
    expect(second.ranker.weights).toEqual(first.ranker.weights);
    writeFileSync(ws.pairsFile, `${PAIRS}\n`);
    expect((await ensureAnswerRanker({ ...ws, today: "2026-06-01" })).source).toBe("trained");
  });

  it("moves a corrupt artefact aside and retrains", async () => {
    const ws = workspace();
    mkdirSync(ws.modelsDir, { recursive: true });
    writeFileSync(join(ws.modelsDir, "answer-ranker.json"), "{ not json");
    const warnings: string[] = [];
    const r = await ensureAnswerRanker({ ...ws, today: "2026-06-01", onWarning: (m) => warnings.push(m) });
    expect(r.source).toBe("trained");
    expect(warnings.join(" ")).toMatch(/corrupt/);
    expect(readdirSync(ws.modelsDir).some((f) => f.includes(".corrupt-"))).toBe(true);
  });
});
