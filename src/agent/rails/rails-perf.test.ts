import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyRails } from "./apply-rails.js";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import type { RailEvidence } from "./rail-types.js";

const passage = (file: string, from: number): string =>
  readFileSync(`knowledge/${file}`, "utf8").slice(from, from + 800);

const EVIDENCE: RailEvidence = {
  locale: "en",
  sources: [
    passage("en/payments-international.md", 300),
    passage("en/loans-rates.md", 200),
    passage("en/contact-channels.md", 300),
    passage("en/payments-cut-off-times.md", 200),
    "How much does it cost to send money abroad, and how long does it take?",
  ],
  passageIds: [1, 2, 3, 4],
  publishedContacts: ["0800 123 4567", "+44 20 7946 0000", "0345 600 7000", "harborbank.example"],
  protectedTexts: [readFileSync("prompts/shared-rules.en.md", "utf8"), readFileSync("prompts/knowledge.en.md", "utf8")],
};

// About 600 characters: figures, a phone number, citations, a range, a promise-free closing line.
const REPLY =
  "An international SWIFT payment costs £15 when you send it online in the Harbor app, or £25 in branch or by phone [1]. " +
  "The cut-off is 2pm UK time on business days, and the money usually arrives in 1–4 business days [1]. " +
  "If you'd rather send it by phone, call 0345 600 7000 (Monday to Saturday, 8am–8pm) [3]. " +
  "For borrowing, the representative APR on a personal loan of £7,500–£25,000 is 6.4% [2], and the rate you are offered may differ. " +
  "Payments you ask for after 2pm are sent on the next business day [4]. Is there anything else I can help with?";

describe("rails cost", () => {
  it("checks 200 replies of ~600 characters against 4 passages in well under 500 ms", () => {
    const prepared = prepareEvidence(EVIDENCE, createEvidenceCaches());
    expect(applyRails(REPLY, prepared).blocked).toEqual([]);
    // The regex-heavy code is only optimised after some hundreds of calls, as it is in a running server.
    for (let i = 0; i < 1000; i++) applyRails(REPLY, prepared);
    let best = Number.POSITIVE_INFINITY;
    for (let batch = 0; batch < 3 && best >= 500; batch++) {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < 200; i++) applyRails(REPLY, prepared);
      const wallMs = performance.now() - wall;
      const used = process.cpuUsage(cpu);
      // On a loaded machine wall time includes waiting for a core; CPU time does not, so the smaller one is the cost.
      best = Math.min(best, wallMs, (used.user + used.system) / 1000);
    }
    console.log(
      `rails: ${REPLY.length} chars, ${((best / 200) * 1000).toFixed(0)} µs per reply (best of up to 3 batches of 200)`,
    );
    expect(best).toBeLessThan(500);
  });
});
