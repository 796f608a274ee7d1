import { describe, expect, it } from "vitest";
import type { Locale } from "../../shared/locale.js";
import { say, templateTexts } from "../responder/reply-templates.js";
import { findCommitment } from "./commitment-rail.js";
import { splitSentences } from "./split-sentences.js";

// The local responder's own wording must never trip the commitment rail: its estimates are hedged ("you are likely to
// be accepted") and its actions are process steps. Each template is filled with realistic values, every choice of the
// values that vary (decisions, risk levels, confirmation summaries) in turn.
const VALUES: Record<Locale, Record<string, readonly string[]>> = {
  en: {
    count: ["20"],
    summary: [
      "Freeze your card ending 4821",
      "Open a dispute for Tesco Stores £45.99 (2025-03-14)",
      "Tesco Stores £45.99 (2025-03-14) is already under dispute (D-20417); approving will not open another",
    ],
    type: ["current account", "credit card"],
    ending: ["4821"],
    cards: ["4821, 0937"],
    last4: ["4821"],
    id: ["D-20417"],
    merchant: ["Tesco Stores", "Amazon Marketplace"],
    amount: ["£45.99", "£1,250.00"],
    date: ["14 Mar 2025"],
    card: [" (card ending 4821)", ""],
    level: (["none", "review", "block"] as const).map((l) => say("en", `riskLevel_${l}`)),
    pct: ["87%"],
    reasons: [
      "amount is 6.2× this customer's 30-day average; this terminal had 3 confirmed frauds last week",
      "Revolving utilisation is high (78%); Recent late payments (2 in the last 24 months)",
    ],
    balance: ["£1,234.56"],
    decision: (["approve", "refer", "decline"] as const).map((d) => say("en", `creditDecision_${d}`)),
    grade: ["B"],
    term: ["36"],
    ticketId: ["H-2041"],
    customer: ["C-1042"],
    name: ["Alex Morgan"],
    locale: ["en"],
    region: ["London"],
    rows: ["income 40; history 25; utilisation 15"],
  },
  "zh-CN": {
    count: ["20"],
    summary: [
      "冻结尾号 4821 的银行卡",
      "对交易提出争议：Tesco Stores £45.99 (2025-03-14)",
      "Tesco Stores £45.99 (2025-03-14) 已有处理中的争议 D-20417；确认不会重复提交",
    ],
    type: ["活期账户", "信用卡"],
    ending: ["4821"],
    cards: ["4821、0937"],
    last4: ["4821"],
    id: ["D-20417"],
    merchant: ["Tesco Stores", "Amazon Marketplace"],
    amount: ["£45.99", "£1,250.00"],
    date: ["2025年3月14日"],
    card: ["（尾号 4821）", ""],
    level: (["none", "review", "block"] as const).map((l) => say("zh-CN", `riskLevel_${l}`)),
    pct: ["87%"],
    reasons: [
      "金额是该客户30天平均消费的6.2倍；该终端上周有3笔已确认的欺诈交易",
      "循环信用使用率偏高（78%）；近期有逾期还款（近24个月2次）",
    ],
    balance: ["£1,234.56"],
    decision: (["approve", "refer", "decline"] as const).map((d) => say("zh-CN", `creditDecision_${d}`)),
    grade: ["B"],
    term: ["36"],
    ticketId: ["H-2041"],
    customer: ["C-1042"],
    name: ["王伟"],
    locale: ["zh-CN"],
    region: ["伦敦"],
    rows: ["收入 40；信用记录 25；使用率 15"],
  },
};

/** Every filling of a template: one text per combination of the values of the placeholders it uses. */
function fillings(template: string, values: Record<string, readonly string[]>): string[] {
  const names = [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))];
  let texts = [template];
  for (const name of names) {
    const options = values[name];
    if (!options) throw new Error(`no test value for {${name}} in ${JSON.stringify(template)}`);
    texts = texts.flatMap((t) => options.map((v) => t.replaceAll(`{${name}}`, v)));
  }
  return texts;
}

describe("commitment rail on the responder's own templates", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    it(`lets every ${locale} template through, whatever its values`, () => {
      const flagged = templateTexts(locale)
        .flatMap((template) => fillings(template, VALUES[locale]))
        .flatMap((text) => splitSentences(text))
        .map((sentence) => ({ sentence, why: findCommitment(sentence) }))
        .filter((r) => r.why !== undefined);
      expect(flagged).toEqual([]);
    });
  }

  it("fills every template completely", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const template of templateTexts(locale)) {
        for (const text of fillings(template, VALUES[locale])) expect(text, text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
