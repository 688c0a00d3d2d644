// Test databases: a migrated in-memory PGlite per file, and a fresh PostgreSQL database per file
// when DATABASE_URL is set. Storage tests run once per backend.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { Database, type Tx } from "../../src/server/db/database.js";

export interface TestBackend {
  name: "pglite" | "postgres";
  open(): Promise<Database>;
  /** Drops what open() created. */
  dispose(): Promise<void>;
  /** The connection URL of the opened PostgreSQL database (for a second instance); undefined on PGlite. */
  url?: string;
}

function postgresBackend(url: string): TestBackend {
  const name = `rt_test_${randomBytes(6).toString("hex")}`;
  let db: Database | undefined;
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    name: "postgres",
    url: target.toString(),
    async open() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      db = await Database.openPostgres(target.toString(), 5);
      await db.migrate();
      return db;
    },
    async dispose() {
      await db?.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function pgliteBackend(): TestBackend {
  let db: Database | undefined;
  return {
    name: "pglite",
    async open() {
      db = await Database.openPGlite(undefined);
      await db.migrate();
      return db;
    },
    async dispose() {
      await db?.close();
    },
  };
}

/** The backends a storage test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  return url ? [pgliteBackend(), postgresBackend(url)] : [pgliteBackend()];
}

/**
 * Runs `fn` as the table owner — row-level security does not apply — with the viewer's facts set,
 * so a query's own TLP predicate (enforcement layer 1) can be tested on its own.
 */
export async function predicateOnly<T>(db: Database, viewerId: string, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.asOwner(async (trx) => {
    await sql`SELECT rt_set_viewer(${viewerId}::uuid)`.execute(trx);
    return fn(trx);
  });
}
