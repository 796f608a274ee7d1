// The staff audit trail: every tool call a member of staff makes through the assistant (who, when, in which
// conversation, which tool, the PII-redacted arguments, the customer it concerns and the outcome), kept in its own
// table of the conversations database so any worker process writes to and reads the same trail.
import { z } from "zod";
import { openSqliteDatabase, type Migration } from "../shared/sqlite-database.js";

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "staff audit",
    sql: `
      CREATE TABLE staff_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, staff_id TEXT NOT NULL, session_id TEXT NOT NULL,
        tool TEXT NOT NULL, args_json TEXT NOT NULL, customer_id TEXT, status TEXT NOT NULL);
      CREATE INDEX staff_audit_customer ON staff_audit(customer_id, id);
      CREATE INDEX staff_audit_staff ON staff_audit(staff_id, id);
    `,
  },
];

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

interface AuditRow {
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

function toRecord(r: AuditRow): StaffAuditRecord {
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

/** Opens the audit trail in a SQLite file (the conversations database) or ":memory:". */
export function createStaffAuditStore(file: string, options: { now?: () => Date } = {}): StaffAuditStore {
  const db = openSqliteDatabase(file, { namespace: "staff_audit", migrations: MIGRATIONS });
  const now = options.now ?? (() => new Date());
  const insert = db.prepare(
    "INSERT INTO staff_audit (at, staff_id, session_id, tool, args_json, customer_id, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  return {
    record(input) {
      const entry = StaffAuditInputSchema.parse(input);
      const at = now().toISOString();
      const info = insert.run(
        at,
        entry.staffId,
        entry.sessionId,
        entry.toolName,
        JSON.stringify(entry.args),
        entry.customerId ?? null,
        entry.status,
      );
      return { ...entry, id: Number(info.lastInsertRowid), at };
    },
    list({ customerId, staffId, limit }) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (customerId !== undefined) {
        where.push("customer_id = ?");
        params.push(customerId);
      }
      if (staffId !== undefined) {
        where.push("staff_id = ?");
        params.push(staffId);
      }
      const bounded = Math.max(1, Math.min(MAX_AUDIT_READ, Math.floor(limit)));
      const rows = db
        .prepare(
          `SELECT * FROM staff_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
        )
        .all(...params, bounded) as AuditRow[];
      return rows.map(toRecord);
    },
    close: () => db.close(),
  };
}
