// Benchmark: TLP-filtered feed pages and item reads over real HTTP on a generated exchange
// (30 organisations, 300 persons, 100,000 items; --items N for more), on PGlite and PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import {
  acceptDocuments,
  buildGroup,
  buildOrganisation,
  buildPerson,
  buildToken,
  publishDocuments,
} from "../test/support/builders.js";

const args = process.argv.slice(2);
const ITEMS = Number(args[args.indexOf("--items") + 1] || 0) || 100_000;
const REQUESTS = 400;
const CONCURRENCY = 4;

/** Label mixes: shares of CLEAR, GREEN, AMBER, AMBER+STRICT, RED. */
const MIXES = {
  community: [0.2, 0.5, 0.15, 0.1, 0.05],
  restricted: [0.05, 0.15, 0.35, 0.25, 0.2],
} as const;

async function generate(db: Database, mix: readonly number[]) {
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function measure(url: string, persons: { token: string }[], pathFor: (i: number) => Promise<string> | string) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const person = persons[(i * 7919) % persons.length] as { token: string };
        const target = `${url}${await pathFor(i)}`;
        const s = performance.now();
        const res = await fetch(target, { headers: { authorization: `Bearer ${person.token}` } });
        await res.arrayBuffer();
        if (res.status !== 200 && res.status !== 404) throw new Error(`${target}: ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: REQUESTS / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

async function openBackend(name: "pglite" | "postgres"): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (name === "pglite") {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    return { db, dispose: () => db.close() };
  }
  const url = process.env.DATABASE_URL as string;
  const dbName = `rt_bench_${Date.now()}`;
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
      await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const rows: Record<string, string | number>[] = [];
const backends: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
for (const backend of backends) {
  for (const [mixName, mix] of Object.entries(MIXES)) {
    const { db, dispose } = await openBackend(backend);
    const { persons, generateSeconds } = await generate(db, mix);
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
    const server = await startServer(
      { config, db, mailer: createMailer(undefined, ""), clock: () => new Date() },
      { logger: false, rateLimitMax: 1_000_000 },
    );
    const ids = (await db.kysely.selectFrom("items").select("id").orderBy("created_at", "desc").limit(2000).execute()).map(
      (r) => r.id,
    );
    await measure(server.url, persons, () => "/api/items?limit=50"); // warm-up
    const feed = await measure(server.url, persons, () => "/api/items?limit=50");
    const deep = await measure(
      server.url,
      persons,
      (i) =>
        `/api/items?limit=50&tlp=TLP:RED&cursor=${Buffer.from(`2026-0${1 + (i % 2)}-15T00:00:00.000Z|ffffffff-ffff-4fff-bfff-ffffffffffff`).toString("base64url")}`,
    );
    const reads = await measure(server.url, persons, (i) => `/api/items/${ids[i % ids.length]}`);
    for (const [what, m] of [
      ["feed page (50)", feed],
      ["feed page, RED filter, deep cursor", deep],
      ["item read (audited)", reads],
    ] as const) {
      rows.push({
        backend,
        mix: mixName,
        items: ITEMS,
        what,
        "req/s": Math.round(m.rps),
        "p50 ms": +m.p50.toFixed(2),
        "p99 ms": +m.p99.toFixed(2),
        "generate s": +generateSeconds.toFixed(1),
      });
    }
    await server.stop();
    await dispose().catch(() => undefined);
  }
}
console.table(rows);
const file = path.join(import.meta.dirname, "results", `feed-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      items: ITEMS,
      organisations: 30,
      persons: 300,
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      rows,
    },
    null,
    2,
  ),
);
console.log(`Written ${path.relative(process.cwd(), file)}`);
