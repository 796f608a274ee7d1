import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { createFakeStaffTools } from "../testing/fake-staff-tools.js";
import { createGetFraudReviewStatsTool, GetFraudReviewStatsOutputSchema } from "./get-fraud-review-stats.js";

const NOW = new Date("2026-12-01T12:00:00Z");

async function run(args: { days?: number }, identity: Identity = { kind: "staff", staffId: "s1" }) {
  const staff = createFakeStaffTools();
  const t = createGetFraudReviewStatsTool(staff, () => NOW);
  const out = await t.invoke(args, { context: { identity, sessionId: "s", locale: "en", vault: createPiiVault() } });
  return { out: GetFraudReviewStatsOutputSchema.parse(JSON.parse(String(out))), staff };
}

describe("get_fraud_review_stats", () => {
  it("counts the last 7 days by default, with precision over the labelled ones", async () => {
    const { out, staff } = await run({});
    expect(out).toEqual({
      status: "ok",
      days: 7,
      since: "2026-11-24T12:00:00.000Z",
      flagged: 12,
      confirmedFraud: 3,
      falsePositives: 1,
      unreviewed: 8,
      precision: 0.75,
    });
    expect(staff.fraudSince).toEqual(["2026-11-24T12:00:00.000Z"]);
  });

  it("counts the period asked for, ending at the injected clock", async () => {
    const { out } = await run({ days: 30 });
    expect(out.status === "ok" && out.since).toBe("2026-11-01T12:00:00.000Z");
  });

  it("is forbidden to a customer", async () => {
    expect((await run({ days: 7 }, { kind: "customer", customerId: "demo1" })).out).toEqual({ status: "forbidden" });
  });
});
