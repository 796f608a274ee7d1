// Fault helper run as its own process: holds an exclusive write lock on a SQLite file for a while, as a long
// migration or a stuck writer in another process would. Usage: hold-lock.ts <file> <ms>
import { openSqliteConnection } from "../../shared/sqlite-database.js";

const [file, ms] = process.argv.slice(2);
if (!file || !ms || !Number.isInteger(Number(ms))) {
  process.stderr.write("usage: hold-lock.ts <sqlite file> <milliseconds>\n");
  process.exit(2);
}
const db = openSqliteConnection(file);
// In WAL mode EXCLUSIVE takes the single writer lock at once (like IMMEDIATE); readers carry on, as they do in production.
db.exec("BEGIN EXCLUSIVE");
process.stdout.write("locked\n");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\n");
}, Number(ms));
