// The staff audit trail: every tool call a member of staff makes through the assistant (who, when, in which
// conversation, which tool, the PII-redacted arguments, the customer it concerns and the outcome), kept in its own
// table of the conversations database so any worker process writes to and reads the same trail.
import { openSqliteDatabase, type Migration } from "../shared/sqlite-database.js";
import {
  boundAuditLimit,
  StaffAuditInputSchema,
  toStaffAuditColumns,
  toStaffAuditRecord,
  type StaffAuditRow,
  type StaffAuditStore,
} from "./staff-audit-records.js";

export {
  MAX_AUDIT_READ,
  StaffAuditInputSchema,
  type StaffAuditInput,
  type StaffAuditQuery,
  type StaffAuditRecord,
  type StaffAuditStore,
} from "./staff-audit-records.js";

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
      const info = insert.run(...toStaffAuditColumns(entry, at));
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
      const rows = db
        .prepare(
          `SELECT * FROM staff_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
        )
        .all(...params, boundAuditLimit(limit)) as StaffAuditRow[];
      return rows.map(toStaffAuditRecord);
    },
    close: () => db.close(),
  };
}
