import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import type { BankPort } from "../agent-ports.js";
import { createFakeBank } from "../testing/fake-ports.js";
import { createStaffOpenDisputeTool, STAFF_DISPUTE_DEFAULT_REASON } from "./staff-open-dispute.js";
import { readToolResult } from "./tool-results.js";

const staff: Identity = { kind: "staff", staffId: "s7" };
const customer: Identity = { kind: "customer", customerId: "demo1" };

function recordingBank() {
  const bank = createFakeBank();
  const opened: Parameters<BankPort["createDispute"]>[0][] = [];
  const port: BankPort = {
    ...bank,
    createDispute: (input) => {
      opened.push(input);
      return bank.createDispute(input);
    },
  };
  return { port, opened };
}

async function dispute(bank: BankPort, args: { transactionId: string; reason?: string }, identity: Identity = staff) {
  const context = { identity, sessionId: "session-1", locale: "en" as const, vault: createPiiVault() };
  const out = await createStaffOpenDisputeTool(bank).invoke(args, { context });
  return readToolResult("staff_open_dispute", JSON.parse(String(out)));
}

describe("staff_open_dispute", () => {
  it("opens the dispute for the transaction's owner and records the acting staff member", async () => {
    const { port, opened } = recordingBank();
    const out = await dispute(port, { transactionId: "tx-9" });
    expect(out).toEqual({
      status: "ok",
      dispute: { id: "D-1", status: "open" },
      transaction: { id: "tx-9", merchant: "淘宝", amount: 120, currency: "GBP", date: "2026-11-26T09:00:00Z" },
      customerId: "demo2",
      actedBy: "staff:s7",
    });
    expect(opened).toEqual([
      { customerId: "demo2", transactionId: "tx-9", reason: STAFF_DISPUTE_DEFAULT_REASON, openedBy: "staff:s7" },
    ]);
  });

  it("returns the dispute already open on the transaction instead of a second one", async () => {
    const { port } = recordingBank();
    await dispute(port, { transactionId: "tx-2", reason: "customer says it was not them" });
    const again = await dispute(port, { transactionId: "tx-2" });
    expect(again?.status === "ok" && again.alreadyOpen).toBe(true);
    expect(again?.status === "ok" && again.dispute.id).toBe("D-1");
  });

  it("answers not_found for an unknown transaction and opens nothing", async () => {
    const { port, opened } = recordingBank();
    expect(await dispute(port, { transactionId: "tx-404" })).toEqual({ status: "not_found", transactionId: "tx-404" });
    expect(opened).toEqual([]);
  });

  it("refuses a customer caller as forbidden, even for their own transaction", async () => {
    const { port, opened } = recordingBank();
    expect(await dispute(port, { transactionId: "tx-1" }, customer)).toEqual({ status: "forbidden" });
    expect(opened).toEqual([]);
  });
});
