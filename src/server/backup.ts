// Logical backup and restore: every table read in one repeatable-read snapshot, written as gzipped
// JSON; restore fills an empty, migrated database in one transaction. Works across PGlite and PostgreSQL.
import fs from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import type { Database } from "./db/database.js";
import { TABLES_IN_DEPENDENCY_ORDER } from "./db/schema.js";

const FORMAT = "roundtable-backup";

interface BackupFile {
  format: typeof FORMAT;
  schemaVersion: number;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

async function writableColumns(db: Database, table: string): Promise<string[]> {
  const rows = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
     ORDER BY ordinal_position`.execute(db.kysely);
  return rows.rows.map((r) => r.column_name);
}

/** Writes a consistent snapshot of the whole exchange to `file`; returns the row counts. */
export async function backup(db: Database, file: string): Promise<Record<string, number>> {
  const columns = new Map<string, string[]>();
  for (const table of TABLES_IN_DEPENDENCY_ORDER) columns.set(table, await writableColumns(db, table));
  const tables = await db.kysely
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const out: Record<string, unknown[]> = {};
      for (const table of TABLES_IN_DEPENDENCY_ORDER) {
        const cols = (columns.get(table) ?? []).map((c) => `t.${c}`).join(", ");
        // Rows as JSON text keep timestamps at full precision and types exact for the round trip.
        const result = await sql<{ rows: unknown[] | null }>`
          SELECT json_agg(row_to_json(r)) AS rows FROM (SELECT ${sql.raw(cols)} FROM ${sql.table(table)} t) r`.execute(trx);
        out[table] = result.rows[0]?.rows ?? [];
      }
      return out;
    });
  const payload: BackupFile = {
    format: FORMAT,
    schemaVersion: await db.schemaVersion(),
    createdAt: new Date().toISOString(),
    tables,
  };
  fs.writeFileSync(file, gzipSync(JSON.stringify(payload)));
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
}

/** Restores a backup into an empty, migrated database; refuses a database that already has data. */
export async function restore(db: Database, file: string): Promise<Record<string, number>> {
  const payload = JSON.parse(gunzipSync(fs.readFileSync(file)).toString("utf8")) as BackupFile;
  if (payload.format !== FORMAT) throw new Error(`${file} is not a Roundtable backup.`);
  const version = await db.schemaVersion();
  if (payload.schemaVersion > version) {
    throw new Error(`The backup is from a newer schema (${payload.schemaVersion}) than this Roundtable (${version}).`);
  }
  const columns = new Map<string, string>();
  for (const table of TABLES_IN_DEPENDENCY_ORDER) columns.set(table, (await writableColumns(db, table)).join(", "));
  const counts: Record<string, number> = {};
  await db.asOwner(async (trx) => {
    const existing = await trx.selectFrom("persons").select("id").limit(1).execute();
    if (existing.length) throw new Error("The target database is not empty; restore needs an empty data folder or database.");
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = payload.tables[table] ?? [];
      counts[table] = rows.length;
      if (rows.length === 0) continue;
      const cols = columns.get(table) ?? "";
      await sql`INSERT INTO ${sql.table(table)} (${sql.raw(cols)})
        SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
        trx,
      );
    }
  });
  return counts;
}
