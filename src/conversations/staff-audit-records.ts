// The staff audit port and everything about it that is not SQL: the schema of an entry, the row mapping and the
// read bound. The SQLite and PostgreSQL adapters both import it, so they cannot drift apart.
import { z } from "zod";

/** The most entries one read returns. */
export const MAX_AUDIT_READ = 500;

/** What is recorded about one staff tool call (arguments already PII-redacted by the caller). */
export const StaffAuditInputSchema = z.object({
  staffId: z.string().min(1).max(128),
  sessionId: z.string().min(1).max(128),
  toolName: z.string().min(1).max(64),
  args: z.record(z.unknown()),
  customerId: z.string().min(1).max(64).optional(),
  status: z.string().min(1).max(40),
});
/** One staff tool call to record. */
export type StaffAuditInput = z.infer<typeof StaffAuditInputSchema>;

/** A recorded staff tool call. */
export type StaffAuditRecord = StaffAuditInput & { id: number; at: string };

/** A bounded read of the trail, newest first. */
export interface StaffAuditQuery {
  customerId?: string;
  staffId?: string;
  limit: number;
}

/** The staff audit trail. */
export interface StaffAuditStore {
  /** Appends one entry and returns it as stored. */
  record(entry: StaffAuditInput): StaffAuditRecord;
  /** Entries newest first, for one customer and/or one member of staff; at most MAX_AUDIT_READ. */
  list(query: StaffAuditQuery): StaffAuditRecord[];
  close(): void;
}

/** A staff_audit row as both databases return it. */
export interface StaffAuditRow {
  id: number;
  at: string;
  staff_id: string;
  session_id: string;
  tool: string;
  args_json: string;
  customer_id: string | null;
  status: string;
}

const ArgsSchema = z.record(z.unknown());

/** A row as a record; arguments that no longer parse as an object read as none. */
export function toStaffAuditRecord(r: StaffAuditRow): StaffAuditRecord {
  const args = ArgsSchema.safeParse(JSON.parse(r.args_json));
  return {
    id: r.id,
    at: r.at,
    staffId: r.staff_id,
    sessionId: r.session_id,
    toolName: r.tool,
    args: args.success ? args.data : {},
    ...(r.customer_id ? { customerId: r.customer_id } : {}),
    status: r.status,
  };
}

/** The column values after `id` (at … status) of a validated entry stamped `at`. */
export function toStaffAuditColumns(entry: StaffAuditInput, at: string): (string | null)[] {
  return [
    at,
    entry.staffId,
    entry.sessionId,
    entry.toolName,
    JSON.stringify(entry.args),
    entry.customerId ?? null,
    entry.status,
  ];
}

/** A caller's limit clamped to 1 … MAX_AUDIT_READ. */
export const boundAuditLimit = (limit: number): number => Math.max(1, Math.min(MAX_AUDIT_READ, Math.floor(limit)));
