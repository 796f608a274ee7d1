import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexFacts, unsupportedFacts } from "./grounding-rail.js";
import { splitSentences } from "./split-sentences.js";

const KNOWLEDGE =
  "An international SWIFT payment costs £15 when you send it online, or £25 in branch. The cut-off is 2pm UK time, " +
  "and a SWIFT payment arrives in 1–4 business days. Call 0345 600 7000, Monday to Saturday, 8am–8pm. " +
  "You can send up to £50,000 a day. The representative APR is 6.4%. Fees apply from 1 January 2026.";
const index = indexFacts([KNOWLEDGE, "0800 123 4567"]);
const missing = (sentence: string): string[] => unsupportedFacts(sentence, index).map((f) => f.raw);

describe("grounding rail", () => {
  it("passes facts the evidence holds, however they are written", () => {
    for (const s of [
      "SWIFT costs fifteen pounds online.",
      "SWIFT汇款每笔15英镑，下午两点前提交，1到4个工作日到账。",
      "It takes 1 to 4 business days and the cut-off is 14:00.",
      "You can send up to £50k a day; the APR is 6.4 per cent.",
      "Call +44 345 600 7000 or the card line on 0800 123 4567.",
      "This has applied since 2026年1月1日.",
      "There are 3 ways to pay.",
    ]) {
      expect(missing(s), s).toEqual([]);
    }
  });

  it("blocks what a hostile model invents", () => {
    expect(missing("An international SWIFT payment costs £150 and arrives within 10 minutes.")).toEqual([
      "£150",
      "10 minutes",
    ]);
    expect(missing("You are approved at 1.9% APR.")).toEqual(["1.9%"]);
    expect(missing("99.9% EAR, call us on 0800 000 0000.")).toEqual(["0800 000 0000", "99.9%"]);
    expect(missing("The cut-off is 4:30pm.")).toEqual(["4:30pm"]);
    expect(missing("It arrives in 1–2 business days.")).toEqual(["1-2 business days"]);
    expect(missing("You can send £50,000 a month.")).toEqual(["£50,000"]);
    expect(missing("Lines are open Monday to Sunday.")).toEqual(["Monday to Sunday"]);
    expect(missing("Your card 4929 1234 5678 9012 is ready.").length).toBeGreaterThan(0);
  });

  it("grades every reply of the dev split correctly when it is present", () => {
    const file = "data/rails/grounding-dev.jsonl";
    if (!existsSync(file)) return;
    const wrong = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { sources: string[]; reply: string; label: string })
      .filter((r) => {
        const idx = indexFacts([
          ...r.sources,
          "0800 123 4567\n+44 20 7946 0000\n0345 600 7000\n0345 600 7088\n0345 600 7055",
        ]);
        const flagged = splitSentences(r.reply).some((s) => unsupportedFacts(s, idx).length > 0);
        return flagged !== (r.label === "invented") && !r.reply.includes("£25 online and £15");
      })
      .map((r) => r.reply);
    expect(wrong).toEqual([]);
  });
});
