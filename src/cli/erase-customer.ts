// `npm run erase -- --customer <id>`: erases what the assistant holds about one customer (conversations, vault,
// traces, checkpoints, approval decisions) and records the erasure in the append-only audit log.
import os from "node:os";
import { CustomerIdSchema } from "../agent/retention/customer-erasure.js";
import { fail, parseCli, printJsonLine } from "./cli-kit.js";
import { readCliConfig, withOfflineDataLifecycle } from "./offline-data-lifecycle.js";

const args = parseCli({
  name: "erase",
  summary:
    "Erase a customer's conversations, PII vault, traces, checkpoints and approval decisions (audited; core-banking records are not touched)",
  usage: "npm run erase -- --customer <id> [--reason <text>] [--data-dir var]",
  options: {
    customer: { type: "string", description: "Customer id, e.g. c000123" },
    reason: {
      type: "string",
      description: "Why, e.g. the request reference; recorded in the audit log",
      default: "not given",
    },
    "data-dir": {
      type: "string",
      description: "Data directory holding chat.sqlite and checkpoints.sqlite (default: DATA_DIR)",
    },
  },
});

function operator(): string {
  try {
    return os.userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

const customer = CustomerIdSchema.safeParse(args.values["customer"] ?? "");
if (args.values["customer"] === undefined) fail("--customer <id> is required (see --help)", 2);
if (!customer.success) fail(`--customer: ${customer.error.issues.map((i) => i.message).join("; ")}`, 2);
const reason = String(args.values["reason"]).trim();
if (!reason || reason.length > 500) fail("--reason must be 1 to 500 characters", 2);
const config = readCliConfig();
await withOfflineDataLifecycle(config, args.values["data-dir"], (lifecycle) => {
  const report = lifecycle.erasure.erase({ customerId: customer.data, actor: `cli:${operator()}`, reason });
  const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
  console.log(`erased ${total} records of customer ${report.customerId} (audit #${report.auditId})`);
  printJsonLine({ ...report });
});
