// Adapts the staff audit store to the agent's audit sink: a call that names a transaction is recorded against the
// customer who owns it, so the trail answers "who looked at this customer" for transaction lookups too.
import type { StaffAuditStore } from "../../conversations/staff-audit-store.js";
import type { BankPort, StaffAuditSink } from "../agent-ports.js";

/** The sink the tool guard records staff tool calls into. */
export function toStaffAuditSink(
  store: Pick<StaffAuditStore, "record">,
  bank: Pick<BankPort, "getTransaction">,
): StaffAuditSink {
  return ({ transactionId, customerId, ...entry }) => {
    const owner = customerId ?? (transactionId ? bank.getTransaction(transactionId)?.customerId : undefined);
    store.record({ ...entry, ...(owner ? { customerId: owner } : {}) });
  };
}
