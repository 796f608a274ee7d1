import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { createFakeStaffTools } from "../testing/fake-staff-tools.js";
import { createGetHandoffQueueTool, GetHandoffQueueOutputSchema } from "./get-handoff-queue.js";

const NOW = new Date("2026-11-30T09:47:30Z");

async function run(identity: Identity) {
  const t = createGetHandoffQueueTool(createFakeStaffTools(), () => NOW);
  const out = await t.invoke({}, { context: { identity, sessionId: "s", locale: "en", vault: createPiiVault() } });
  return GetHandoffQueueOutputSchema.parse(JSON.parse(String(out)));
}

describe("get_handoff_queue", () => {
  it("gives staff the counts, the longest wait in whole minutes and the tickets", async () => {
    const out = await run({ kind: "staff", staffId: "s1" });
    if (out.status !== "ok") throw new Error(`expected ok, got ${out.status}`);
    expect([out.waiting, out.withAgent, out.oldestWaitMinutes]).toEqual([1, 1, 42]);
    expect(out.tickets.map((t) => [t.id, t.status, t.staffId])).toEqual([
      ["T-AAA11111", "waiting", undefined],
      ["T-BBB22222", "with_agent", "s7"],
    ]);
  });

  it("is forbidden to a customer and to an anonymous visitor", async () => {
    expect(await run({ kind: "customer", customerId: "demo1" })).toEqual({ status: "forbidden" });
    expect(await run({ kind: "anonymous" })).toEqual({ status: "forbidden" });
  });
});
