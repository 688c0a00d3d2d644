// Opens the one PostgreSQL dialect: embedded PGlite by default, a PostgreSQL server when a URL is given.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { APP_ROLE } from "./migrations/002-policy.sql.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { DB } from "./schema.js";

// int8 as JS number on both drivers (PGlite already does); counts and audit seqs fit easily.
pg.types.setTypeParser(20, Number);
// date as its YYYY-MM-DD text on both drivers: a calendar day has no time zone to shift it.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

/** A transaction or the database itself, for repositories. */
export type Queryable = Kysely<DB> | Transaction<DB>;
export type Tx = Transaction<DB>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An open database: Kysely for queries, raw scripts for migrations, and the viewer-scoped transaction. */
export class Database {
  private constructor(
    readonly kind: "pglite" | "postgres",
    readonly kysely: Kysely<DB>,
    private readonly runScript: (script: string) => Promise<void>,
    private readonly closeAll: () => Promise<void>,
    readonly pglite?: PGlite,
    private readonly url?: string,
  ) {}

  /** Opens PGlite in `dataDir` (created if missing), or in memory when dataDir is undefined. */
  static async openPGlite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const parsers = { [DATE_OID]: (value: string) => value };
    // The options-object form: with a dataDir argument of undefined PGlite ignores the options.
    const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), parsers });
    const kysely = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    return new Database(
      "pglite",
      kysely,
      async (script) => {
        await client.exec(script);
      },
      async () => {
        await kysely.destroy();
      },
      client,
    );
  }

  /** Connects to a PostgreSQL server. */
  static async openPostgres(url: string, poolSize = 10): Promise<Database> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client dropped by the server (restart, failover) must not crash the process; the pool replaces it.
    pool.on("error", () => undefined);
    const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return new Database(
      "postgres",
      kysely,
      async (script) => {
        await pool.query(script);
      },
      async () => {
        await kysely.destroy();
      },
      undefined,
      url,
    );
  }

  /** Opens whichever the configuration names. */
  static async open(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
    return options.databaseUrl ? Database.openPostgres(options.databaseUrl) : Database.openPGlite(options.dataDir);
  }

  /** Runs a multi-statement script as the owner (migrations, maintenance). */
  async exec(script: string): Promise<void> {
    await this.runScript(script);
  }

  /** Applies pending migrations, in order, in one transaction; refuses a database newer than this code. */
  async migrate(): Promise<number[]> {
    await this.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
    return this.kysely.transaction().execute(async (trx) => {
      if (this.kind === "postgres") await sql`SELECT pg_advisory_xact_lock(7426117)`.execute(trx);
      const done = await trx.selectFrom("schema_migrations").select("version").execute();
      const applied = new Set(done.map((r) => r.version));
      const newest = Math.max(0, ...applied);
      const known = MIGRATIONS.at(-1)?.version ?? 0;
      if (newest > known) {
        throw new Error(`The database is at migration ${newest}, newer than this Roundtable (${known}).`);
      }
      const ran: number[] = [];
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        for (const statement of migration.statements) await this.execIn(trx, statement);
        await trx
          .insertInto("schema_migrations")
          .values({ version: migration.version, name: migration.name, applied_at: new Date() })
          .execute();
        ran.push(migration.version);
      }
      return ran;
    });
  }

  /** The newest applied migration, or 0. */
  async schemaVersion(): Promise<number> {
    const row = await this.kysely
      .selectFrom("schema_migrations")
      .select((eb) => eb.fn.max("version").as("v"))
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  // A script inside an open transaction: PGlite shares its single session, pg needs the simple protocol.
  private async execIn(trx: Tx, script: string): Promise<void> {
    if (this.pglite) await this.pglite.exec(script);
    else await sql.raw(script).execute(trx);
  }

  /**
   * Runs `fn` in a transaction as the application role with `viewerId` as the viewer, so row-level
   * security filters every content table whatever the query says. `null` is nobody.
   */
  async asViewer<T>(viewerId: string | null, fn: (trx: Tx) => Promise<T>): Promise<T> {
    if (viewerId !== null && !UUID.test(viewerId)) throw new Error("viewer id must be a UUID");
    // Viewer facts are transaction-local settings: without a viewer they are simply unset (nobody).
    const setup =
      viewerId === null ? `SET LOCAL ROLE ${APP_ROLE}` : `SET LOCAL ROLE ${APP_ROLE}; SELECT rt_set_viewer('${viewerId}'::uuid)`;
    return this.kysely.transaction().execute(async (trx) => {
      // One round trip: PGlite's exec and pg's simple protocol both take several statements.
      if (this.pglite) await this.pglite.exec(setup);
      else await sql.raw(setup).execute(trx);
      return fn(trx);
    });
  }

  /** Runs `fn` in a transaction as the owner: for the CLI, migrations, backups and system jobs only. */
  async asOwner<T>(fn: (trx: Tx) => Promise<T>): Promise<T> {
    return this.kysely.transaction().execute(fn);
  }

  /**
   * Calls `handler` with the payload of every NOTIFY on `channel` (from this or any other instance
   * sharing the database). PostgreSQL needs a dedicated connection: when it drops, it is ended and
   * a new one opened, retrying with a growing delay (1 s doubling to 30 s) until it succeeds or the
   * returned function is called. NOTIFYs sent while no connection listens are lost (callers poll too).
   */
  async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel: ${channel}`);
    if (this.pglite) return this.pglite.listen(channel, handler);
    const FIRST_RETRY_MS = 1000;
    const MAX_RETRY_MS = 30_000;
    let client: pg.Client | undefined;
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    let delay = FIRST_RETRY_MS;
    // Ending is best effort and not waited for: a dead socket is destroyed at once either way.
    const discard = (c: pg.Client) => void c.end().catch(() => undefined);
    const retry = (): void => {
      if (closed || timer) return;
      timer = setTimeout(() => {
        void (async () => {
          try {
            const c = await open();
            timer = undefined;
            if (closed) discard(c);
            else {
              client = c;
              delay = FIRST_RETRY_MS;
            }
          } catch {
            timer = undefined;
            delay = Math.min(delay * 2, MAX_RETRY_MS);
            retry();
          }
        })();
      }, delay);
      timer.unref();
    };
    const open = async (): Promise<pg.Client> => {
      const c = new pg.Client({ connectionString: this.url });
      c.on("notification", (message) => {
        if (message.channel === channel) handler(message.payload ?? "");
      });
      // A live connection that fails ('error', or a plain 'end' from the server) is replaced once;
      // errors while connecting reject connect() below instead (pg does not emit them).
      const lost = (): void => {
        if (client !== c) return;
        client = undefined;
        discard(c);
        retry();
      };
      c.on("error", lost);
      c.on("end", lost);
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
      } catch (error) {
        discard(c);
        throw error;
      }
      return c;
    };
    client = await open();
    return async () => {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    };
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    await this.closeAll();
  }
}
