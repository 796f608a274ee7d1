import { describe, expect, it } from "vitest";
import { loadStaffIntentCatalogue } from "../../router/index.js";
import { allowedToolsFor } from "../route-policy.js";
import { testStaffRouter } from "../testing/test-staff-router.js";
import { isToolName } from "../tools/tool-names.js";

describe("the staff intent catalogue", () => {
  it("names, for every staff intent, a tool that staff are offered", () => {
    const catalogue = loadStaffIntentCatalogue("data/staff-intents");
    if (!catalogue.ok) throw new Error(catalogue.error);
    const offered = allowedToolsFor("staff", { kind: "staff", staffId: "s1" });
    for (const [intent, tool] of catalogue.value.tools) {
      expect(isToolName(tool), `${intent} → ${tool}`).toBe(true);
      expect(offered, `${intent} → ${tool}`).toContain(tool);
    }
  });

  it("routes the questions staff asked in the issue to the tool that answers them", () => {
    const router = testStaffRouter();
    const cases: [string, string][] = [
      ["Explain the credit decision for demo2 for £8,000 over 48 months", "explain_credit_decision"],
      ["客户demo2的信用评估结果如何？贷款两万，期限三年", "explain_credit_decision"],
      ["what are demo1's recent transactions?", "list_customer_transactions"],
      ["is transaction tx-00707514 fraud?", "check_transaction_risk"],
      ["how many frauds were confirmed this week?", "get_fraud_review_stats"],
      ["show the conversation history of demo1", "list_customer_conversations"],
      ["what is the SWIFT fee?", "search_knowledge"],
    ];
    for (const [question, tool] of cases) expect(router.route(question).tool, question).toBe(tool);
  });
});
