// The staff audit trail on PostgreSQL, for instances sharing one database (DATABASE_URL). Same port and behaviour
// as the SQLite store: ids come from an identity column, so every instance appends to one ordered trail.
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import {
  boundAuditLimit,
  StaffAuditInputSchema,
  toStaffAuditColumns,
  toStaffAuditRecord,
  type StaffAuditRow,
  type StaffAuditStore,
} from "../staff-audit-records.js";

const COLUMNS = "id, at, staff_id, session_id, tool, args_json, customer_id, status";

/** The staff audit trail over the shared PostgreSQL connection; `close()` leaves the connection open. */
export function createPgStaffAuditStore(db: SyncPg, options: { now?: () => Date } = {}): StaffAuditStore {
  const now = options.now ?? (() => new Date());
  return {
    record(input) {
      const entry = StaffAuditInputSchema.parse(input);
      const at = now().toISOString();
      const { rows } = db.run<{ id: number }>(
        "INSERT INTO staff_audit (at, staff_id, session_id, tool, args_json, customer_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        toStaffAuditColumns(entry, at),
      );
      return { ...entry, id: Number(rows[0]?.id), at };
    },
    list({ customerId, staffId, limit }) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (customerId !== undefined) {
        params.push(customerId);
        where.push(`customer_id = $${params.length}`);
      }
      if (staffId !== undefined) {
        params.push(staffId);
        where.push(`staff_id = $${params.length}`);
      }
      params.push(boundAuditLimit(limit));
      const rows = db.query<StaffAuditRow>(
        `SELECT ${COLUMNS} FROM staff_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toStaffAuditRecord);
    },
    // The connection is shared by every PostgreSQL store; the composition root closes it.
    close: () => {},
  };
}
