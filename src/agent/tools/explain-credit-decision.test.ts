import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { err, ok } from "../../shared/result.js";
import type { CreditPort, CreditView, LoanRequest } from "../agent-ports.js";
import { createExplainCreditDecisionTool } from "./explain-credit-decision.js";
import { readToolResult } from "./tool-results.js";

const VIEW: CreditView = {
  points: 548,
  grade: "C",
  probabilityOfDefault: 0.08123,
  decision: "refer",
  reasons: [
    {
      code: "REVOLVING_UTILISATION_HIGH",
      text: { en: "Revolving utilisation is high (85%)", "zh-CN": "循环信用使用率偏高（85%）" },
      pointsLost: 22,
    },
  ],
  pointsTable: [
    {
      feature: "revolvingUtilisation",
      label: { en: "Revolving utilisation", "zh-CN": "循环信用使用率" },
      value: { en: "85%", "zh-CN": "85%" },
      bin: { en: "≥ 74%", "zh-CN": "≥ 74%" },
      points: 31,
    },
    {
      feature: "housing",
      label: { en: "Housing", "zh-CN": "住房情况" },
      value: { en: "renting", "zh-CN": "租房" },
      bin: { en: "renting, living with family", "zh-CN": "租房、与家人同住" },
      points: 40,
    },
  ],
  scorecardVersion: "test-1",
};

function creditPort(asked: { customerId: string; request: LoanRequest }[]): CreditPort {
  return {
    prequalify: (customerId, request) => {
      asked.push({ customerId, request });
      return customerId === "demo9" ? err("no_profile") : ok(VIEW);
    },
  };
}

async function explain(args: object, identity: Identity, locale: Locale = "en") {
  const asked: { customerId: string; request: LoanRequest }[] = [];
  const context = { identity, sessionId: "s", locale, vault: createPiiVault() };
  const out = await createExplainCreditDecisionTool(creditPort(asked)).invoke(args, { context });
  return { out: readToolResult("explain_credit_decision", JSON.parse(String(out))), asked };
}

const staff: Identity = { kind: "staff", staffId: "s1" };

describe("explain_credit_decision for staff", () => {
  it("echoes the customer, amount and term it estimated for, with the points table in English", async () => {
    const { out, asked } = await explain({ customerId: "demo2", amount: 8000, termMonths: 48 }, staff);
    expect(asked).toEqual([{ customerId: "demo2", request: { amount: 8000, termMonths: 48 } }]);
    expect(out?.status === "ok" && [out.customerId, out.amount, out.termMonths]).toEqual(["demo2", 8000, 48]);
    expect(out?.status === "ok" && out.probabilityOfDefault).toBe(0.0812);
    expect(out?.status === "ok" && out.pointsTable?.[1]).toEqual({
      feature: "housing",
      label: "Housing",
      value: "renting",
      bin: "renting, living with family",
      points: 40,
    });
  });

  it("gives labels, values, bins and reasons in Chinese to a Chinese-speaking member of staff", async () => {
    const { out } = await explain({ customerId: "demo2", amount: 20000, termMonths: 36 }, staff, "zh-CN");
    expect(out?.status === "ok" && out.pointsTable?.map((p) => [p.feature, p.label, p.bin])).toEqual([
      ["revolvingUtilisation", "循环信用使用率", "≥ 74%"],
      ["housing", "住房情况", "租房、与家人同住"],
    ]);
    expect(out?.status === "ok" && out.reasons[0]?.text).toBe("循环信用使用率偏高（85%）");
  });

  it("names the customer when they have no credit profile", async () => {
    const { out } = await explain({ customerId: "demo9", amount: 5000, termMonths: 36 }, staff);
    expect(out).toEqual({ status: "not_found", reason: "no credit profile on file", customerId: "demo9" });
  });
});

describe("explain_credit_decision for customers", () => {
  it("explains only the caller's own estimate, without the points table, probability or customer id", async () => {
    const { out, asked } = await explain(
      { customerId: "demo2", amount: 8000, termMonths: 48 },
      {
        kind: "customer",
        customerId: "demo1",
      },
    );
    expect(asked[0]?.customerId).toBe("demo1");
    expect(out?.status === "ok" && [out.amount, out.termMonths]).toEqual([8000, 48]);
    expect(out?.status === "ok" && "pointsTable" in out).toBe(false);
    expect(out?.status === "ok" && "probabilityOfDefault" in out).toBe(false);
    expect(out?.status === "ok" && "customerId" in out).toBe(false);
  });
});
