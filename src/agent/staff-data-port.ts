// What the staff console needs beyond conversations: the fraud review queue, analyst labels, credit explanations
// and dialogue export.
import type { Result } from "../shared/result.js";
import type { CreditView, FlaggedTransactionView } from "./agent-ports.js";

/** Staff-side data operations the routes need. */
export interface StaffDataPort {
  listFlagged(limit: number): (FlaggedTransactionView & { label?: string })[];
  recordLabel(input: {
    transactionId: string;
    label: "fraud" | "legitimate";
    analyst: string;
    note?: string;
  }): Result<{ ok: true }, "not_found">;
  creditEstimate(
    customerId: string,
    request: { amount: number; termMonths: number },
  ): Result<{ customer: { id: string; name: string }; estimate: CreditView }, "not_found" | "no_profile">;
  exportDialogue?(sessionId: string): Result<string, "not_found">;
}
