// Generates a benchmark exchange straight into the database.

import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import pg from "pg";
import { Database } from "../src/server/db/database.js";
import {
  acceptDocuments,
  buildGroup,
  buildOrganisation,
  buildPerson,
  buildToken,
  publishDocuments,
} from "../test/support/builders.js";

/** Generates 30 organisations, 300 persons (with API tokens) and `items` items with the given label mix. */
export async function generateExchange(db: Database, mix: readonly number[], ITEMS: number) {
  const orgs: string[] = [];
  for (let i = 0; i < 30; i++)
    orgs.push(await buildOrganisation(db, { name: `Org ${i}`, kind: i % 3 === 0 ? "public" : "private" }));
  const docs = await publishDocuments(db);
  const persons: { id: string; org: string; token: string }[] = [];
  for (let i = 0; i < 300; i++) {
    const org = orgs[i % 30] as string;
    const p = await buildPerson(db, { organisationId: org });
    await acceptDocuments(db, p.id, docs);
    persons.push({ id: p.id, org, token: await buildToken(db, p.id) });
  }
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) groups.push(await buildGroup(db, { organisations: orgs.slice(g * 6, g * 6 + 6) }));
  const [c, gr, a, as] = mix as [number, number, number, number, number];
  const t0 = performance.now();
  // Generated in the database: one statement per 50,000 rows.
  for (let done = 0; done < ITEMS; done += 50_000) {
    const n = Math.min(50_000, ITEMS - done);
    await sql`
      WITH p AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(organisation_id ORDER BY id) AS orgs FROM persons),
           o AS (SELECT array_agg(id ORDER BY id) AS ids FROM organisations),
           g AS (SELECT array_agg(id ORDER BY id) AS ids FROM working_groups),
           r AS (SELECT s, random() AS u, (floor(random() * 300) + 1)::int AS a, (floor(random() * 300) + 1)::int AS b,
                        (floor(random() * 30) + 1)::int AS oo, (floor(random() * 5) + 1)::int AS gg, random() AS v
                   FROM generate_series(1, ${n}) s)
      INSERT INTO items (id, kind, title, body, sectors, tlp, audience_exchange, audience_organisations, audience_groups,
                         audience_persons, author_id, author_organisation_id, created_at, updated_at)
      SELECT gen_random_uuid(), 'threat', 'Generated item ' || (s + ${done}), 'Body of a generated item about substations and routers.',
             '{energy}', t.tlp,
             t.tlp IN ('TLP:CLEAR', 'TLP:GREEN') OR (t.tlp LIKE 'TLP:AMBER%' AND v < 0.3),
             CASE WHEN t.tlp LIKE 'TLP:AMBER%' AND v >= 0.3 AND v < 0.7 THEN ARRAY[o.ids[oo]] ELSE '{}' END,
             CASE WHEN t.tlp LIKE 'TLP:AMBER%' AND v >= 0.7 THEN ARRAY[g.ids[gg]] ELSE '{}' END,
             CASE WHEN t.tlp = 'TLP:RED' THEN ARRAY[p.ids[b]] ELSE '{}' END,
             p.ids[a], p.orgs[a],
             timestamptz '2026-01-01' + make_interval(secs => (s + ${done}) * 60),
             timestamptz '2026-01-01' + make_interval(secs => (s + ${done}) * 60)
        FROM r, p, o, g,
             LATERAL (SELECT CASE WHEN u < ${c} THEN 'TLP:CLEAR' WHEN u < ${c + gr} THEN 'TLP:GREEN'
                                  WHEN u < ${c + gr + a} THEN 'TLP:AMBER' WHEN u < ${c + gr + a + as} THEN 'TLP:AMBER+STRICT'
                                  ELSE 'TLP:RED' END AS tlp) t`.execute(db.kysely);
  }
  await db.exec("ANALYZE");
  return { persons, generateSeconds: (performance.now() - t0) / 1000 };
}

/**
 * A migrated database for one benchmark: PGlite in memory, or a scratch database `<prefix>_<hex>` on the
 * DATABASE_URL server, dropped on dispose (kept, and named on stderr, with `keep`) so the test database is never touched.
 */
export async function openScratchBackend(
  name: "pglite" | "postgres",
  prefix: string,
  keep = false,
): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (name === "pglite") {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    return { db, dispose: () => db.close() };
  }
  const url = process.env.DATABASE_URL as string;
  const dbName = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const db = await Database.openPostgres(target.toString(), 8);
  await db.migrate();
  return {
    db,
    dispose: async () => {
      await db.close();
      if (keep) console.error(`kept PostgreSQL database ${dbName}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}
