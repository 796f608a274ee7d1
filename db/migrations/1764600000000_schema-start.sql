-- Up Migration
-- The PostgreSQL schema of the shared stores. Each store adds its tables in its own migration after this one.
-- Timestamps are ISO-8601 UTC text, as in the SQLite adapters, so both adapters compare and sort them alike.
SELECT 1;
