// Benchmark: the participation dashboard (GET /api/participation) and a one-year insight report (GET /api/insight)
// as a chair, on a generated exchange of 30 organisations (10 public, 15 private, 5 academia), 300 persons and
// 100,000 items spread over the past year — incidents with severities, warnings asking for acknowledgement (with
// acknowledgements), RFIs answered by other organisations, comments and replies, 200,000 first reads, reactions,
// anonymous items and items released for statistics — on PGlite and, when DATABASE_URL is set, on PostgreSQL
// (a scratch database, dropped afterwards). Service calls, then each repository query on its own, then HTTP.
// Options: --items N (default 100000), --reads N (default 200000), --runs N (default 7), --http-runs N (default 1),
// --no-queries (skip the per-query breakdown), --keep (PostgreSQL: keep the scratch database and print its name, to
// EXPLAIN queries on it; drop it yourself).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import type { Deps, Viewer } from "../src/server/context.js";
import type { Database, Tx } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { loadFacts } from "../src/server/repositories/facts.repository.js";
import * as repo from "../src/server/repositories/participation.repository.js";
import { buildInsight } from "../src/server/services/insight.service.js";
import { listMeasures } from "../src/server/services/measures.service.js";
import { dashboard, periodOf } from "../src/server/services/participation.service.js";
import { SECTORS } from "../src/shared/schemas/common.js";
import { generateExchange, openScratchBackend } from "./generate.js";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}
const ITEMS = option("--items", 100_000);
const READS = option("--reads", 200_000);
const RUNS = Math.max(1, option("--runs", 7));
const HTTP_RUNS = Math.max(0, option("--http-runs", 1));
const QUERIES = !args.includes("--no-queries");
const KEEP = args.includes("--keep");
/** Each repository query on its own, after the service runs warmed the caches: a breakdown, so fewer runs. */
const QUERY_RUNS = 2;
/** The feed bench's "community" mix: shares of CLEAR, GREEN, AMBER, AMBER+STRICT, RED. */
const MIX = [0.2, 0.5, 0.15, 0.1, 0.05] as const;
/** The bench's "today": fixed for the whole run, so every run covers the same period. */
const NOW = new Date();
const ACADEMIA = ["Org 2", "Org 5", "Org 8", "Org 11", "Org 14"];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
const ms = (n: number) => +n.toFixed(1);
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    "median ms": ms(percentile(sorted, 0.5)),
    "p95 ms": ms(percentile(sorted, 0.95)),
    "min ms": ms(sorted[0] ?? 0),
  };
}
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Turns generateExchange's uniform threats into a year of mixed activity; returns the row counts. */
async function enrich(db: Database): Promise<Record<string, number>> {
  const now = NOW.toISOString();
  const k = db.kysely;
  let t = performance.now();
  const lap = (step: string) => {
    console.error(`    ${step}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };
  const sectors = sql.raw(`ARRAY[${SECTORS.map((s) => `'${s}'`).join(", ")}]::text[]`);
  const iso = (at: string) => sql.raw(`to_char((${at}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  // Persons numbered 1..300, joined by number (arrays carried through a sort would be copied into every row).
  const persons = sql`p AS (SELECT row_number() OVER (ORDER BY id)::int AS a, id, organisation_id AS org FROM persons)`;
  // Organisations: a third public, half private, a sixth academia; members for two years; a third may be named.
  await sql`
    UPDATE organisations SET
      kind = CASE WHEN name IN (${sql.join(ACADEMIA)}) THEN 'academia' ELSE kind END,
      sectors = ARRAY[(${sectors})[1 + abs(hashtext(name)) % ${SECTORS.length}]],
      named_in_insight = abs(hashtext(name || 'named')) % 3 = 0,
      created_at = ${now}::timestamptz - interval '2 years'`.execute(k);
  await sql`UPDATE persons SET created_at = ${now}::timestamptz - interval '2 years', activated_at = ${now}::timestamptz - interval '2 years'`.execute(
    k,
  );
  // Items: over the past year; 15 % incidents, 10 % warnings (half asking acknowledgement), 5 % RFIs, lessons,
  // analysis reports (half cascade simulations), vulnerabilities, the rest threats; 5 % anonymous; 30 % released
  // for statistics; one or two sectors each.
  await sql`
    UPDATE items i SET
      created_at = r.at, updated_at = r.at, kind = r.kind,
      sectors = CASE WHEN r.two THEN ARRAY[(${sectors})[r.s], (${sectors})[1 + r.s % ${SECTORS.length}]]
                     ELSE ARRAY[(${sectors})[r.s]] END,
      details = CASE r.kind
        WHEN 'incident' THEN jsonb_build_object(
          'startedAt', ${iso("r.at - r.w * interval '72 hours'")}, 'status', 'resolved', 'affectedServices', '[]'::jsonb,
          'impact', jsonb_build_object('severity', r.severity, 'crossBorder', false))
        WHEN 'warning' THEN jsonb_build_object('urgency', 'priority', 'requiresAcknowledgement', r.w < 0.5)
        WHEN 'rfi' THEN jsonb_build_object('dueAt', ${iso("r.at + interval '7 days'")}, 'answerersVisible', r.w < 0.3)
        WHEN 'analysis-report' THEN CASE WHEN r.w < 0.5
          THEN jsonb_build_object('methodology', 'Event-driven cascade simulation over the dependency graph') ELSE '{}' END
        WHEN 'vulnerability' THEN jsonb_build_object('cveIds', '[]'::jsonb, 'affectedProducts', '[]'::jsonb, 'exploitation', 'unknown')
        WHEN 'crisis-lesson' THEN '{}'::jsonb
        ELSE jsonb_build_object('motivation', 'unknown', 'confidence', 'medium') END,
      anonymous = r.anonymous,
      pseudonym = CASE WHEN r.anonymous THEN 'Anonymous contributor ' || left(i.id::text, 6) END,
      statistics_consent = r.consent
    FROM (SELECT id, at, w, s, two, anonymous, consent, severity,
                 CASE WHEN u < 0.15 THEN 'incident' WHEN u < 0.25 THEN 'warning' WHEN u < 0.30 THEN 'rfi'
                      WHEN u < 0.31 THEN 'crisis-lesson' WHEN u < 0.33 THEN 'analysis-report'
                      WHEN u < 0.45 THEN 'vulnerability' ELSE 'threat' END AS kind
            FROM (SELECT id, ${now}::timestamptz - random() * interval '365 days' AS at, random() AS u, random() AS w,
                         (floor(random() * ${SECTORS.length}) + 1)::int AS s, random() < 0.3 AS two,
                         random() < 0.05 AS anonymous, random() < 0.3 AS consent, (floor(random() * 5) + 1)::int AS severity
                    FROM items) x) r
   WHERE r.id = i.id`.execute(k);
  lap("items");
  // Comments: 0–4 answers to each RFI, one comment on 10 % of the other items (5 % anonymous), then replies.
  await sql`
    WITH ${persons}
    INSERT INTO comments (id, item_id, parent_id, depth, body, tlp, audience_exchange, audience_organisations,
                          audience_groups, audience_persons, author_id, author_organisation_id, anonymous, pseudonym, created_at)
    SELECT gen_random_uuid(), i.id, NULL, 0, 'An answer from another organisation.', i.tlp, i.audience_exchange,
           i.audience_organisations, i.audience_groups, i.audience_persons, p.id, p.org, i.anon,
           CASE WHEN i.anon THEN 'Anonymous contributor' ELSE 'Contributor' END,
           least(${now}::timestamptz, i.created_at + i.d * interval '72 hours')
      FROM (SELECT i.*, (floor(random() * 300) + 1)::int AS a, random() < 0.05 AS anon, random() AS d
              FROM items i, generate_series(1, abs(hashtext(i.id::text)) % 5) g WHERE i.kind = 'rfi'
            UNION ALL
            SELECT i.*, (floor(random() * 300) + 1)::int, random() < 0.05, random()
              FROM items i WHERE i.kind <> 'rfi' AND random() < 0.1) i JOIN p USING (a)
     WHERE p.org <> i.author_organisation_id`.execute(k);
  lap("comments");
  await sql`
    WITH ${persons}
    INSERT INTO comments (id, item_id, parent_id, depth, body, tlp, audience_exchange, audience_organisations,
                          audience_groups, audience_persons, author_id, author_organisation_id, anonymous, pseudonym, created_at)
    SELECT gen_random_uuid(), c.item_id, c.id, 1, 'A reply.', c.tlp, c.audience_exchange, c.audience_organisations,
           c.audience_groups, c.audience_persons, p.id, p.org, false, 'Contributor',
           least(${now}::timestamptz, c.created_at + c.d * interval '24 hours')
      FROM (SELECT c.*, (floor(random() * 300) + 1)::int AS a, random() AS d FROM comments c WHERE random() < 0.2) c JOIN p USING (a)`.execute(
    k,
  );
  lap("replies");
  // First reads: random (item, person) pairs, mostly within days of posting.
  await sql`
    WITH ${persons},
         it AS (SELECT row_number() OVER (ORDER BY id)::int AS n, id, created_at FROM items),
         r AS (SELECT (floor(random() * (SELECT count(*) FROM items)) + 1)::int AS n, (floor(random() * 300) + 1)::int AS a,
                      random() AS d FROM generate_series(1, ${READS}))
    INSERT INTO item_reads (item_id, person_id, organisation_id, first_read_at)
    SELECT it.id, p.id, p.org, least(${now}::timestamptz, it.created_at + r.d * r.d * interval '30 days')
      FROM r JOIN it USING (n) JOIN p USING (a)
    ON CONFLICT DO NOTHING`.execute(k);
  lap("reads");
  // Reactions: a quarter as many as reads, 40 % useful, 60 % seen.
  await sql`
    WITH ${persons},
         it AS (SELECT row_number() OVER (ORDER BY id)::int AS n, id, created_at FROM items),
         r AS (SELECT (floor(random() * (SELECT count(*) FROM items)) + 1)::int AS n, (floor(random() * 300) + 1)::int AS a,
                      random() AS d, random() < 0.4 AS useful FROM generate_series(1, ${Math.round(READS / 4)}))
    INSERT INTO item_reactions (item_id, person_id, organisation_id, reaction, context, created_at)
    SELECT it.id, p.id, p.org, CASE WHEN r.useful THEN 'useful' ELSE 'seen' END, '',
           least(${now}::timestamptz, it.created_at + r.d * interval '7 days')
      FROM r JOIN it USING (n) JOIN p USING (a)
    ON CONFLICT DO NOTHING`.execute(k);
  lap("reactions");
  // Acknowledgements: each other organisation acknowledges 40 % of the warnings asking for it, within 48 hours.
  await sql`
    WITH f AS (SELECT DISTINCT ON (organisation_id) organisation_id, id FROM persons ORDER BY organisation_id, id)
    INSERT INTO item_acknowledgements (item_id, organisation_id, person_id, acknowledged_at)
    SELECT w.id, f.organisation_id, f.id, least(${now}::timestamptz, w.created_at + random() * interval '48 hours')
      FROM items w CROSS JOIN f
     WHERE w.kind = 'warning' AND (w.details ->> 'requiresAcknowledgement')::boolean
       AND f.organisation_id <> w.author_organisation_id AND random() < 0.4`.execute(k);
  lap("acknowledgements");
  await db.exec("VACUUM ANALYZE");
  lap("VACUUM ANALYZE");
  const counts = await sql<Record<string, number>>`
    SELECT (SELECT count(*) FROM organisations WHERE kind = 'academia')::int AS "academia organisations",
           (SELECT count(*) FROM items)::int AS items,
           (SELECT count(*) FROM items WHERE kind = 'incident')::int AS incidents,
           (SELECT count(*) FROM items WHERE kind = 'warning' AND (details ->> 'requiresAcknowledgement')::boolean)::int
             AS "warnings asking ack",
           (SELECT count(*) FROM items WHERE kind = 'rfi')::int AS rfis,
           (SELECT count(*) FROM items WHERE anonymous)::int AS anonymous,
           (SELECT count(*) FROM items WHERE statistics_consent)::int AS "statistics consent",
           (SELECT count(*) FROM comments)::int AS comments,
           (SELECT count(*) FROM comments WHERE parent_id IS NOT NULL)::int AS replies,
           (SELECT count(*) FROM item_reads)::int AS "item reads",
           (SELECT count(*) FROM item_reactions)::int AS reactions,
           (SELECT count(*) FROM item_acknowledgements)::int AS acknowledgements`.execute(k);
  return counts.rows[0] as Record<string, number>;
}

const rows: Record<string, string | number>[] = [];
const queryRows: Record<string, string | number>[] = [];
const generated: Record<string, Record<string, number>> = {};
const raw: Record<string, Record<string, number[]>> = {};
/** The default period of both routes at NOW (the same on every backend). */
const PERIOD = periodOf({}, NOW);
const backends = (process.env.RT_BENCH_BACKENDS?.split(",") ??
  (process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"])) as ("pglite" | "postgres")[];
for (const backend of backends) {
  const { db, dispose } = await openScratchBackend(backend, "rt_bench_insight", KEEP);
  try {
    console.error(`${backend}: generating ${ITEMS} items…`);
    const { persons, generateSeconds } = await generateExchange(db, MIX, ITEMS);
    const e0 = performance.now();
    const counts = await enrich(db);
    const enrichSeconds = (performance.now() - e0) / 1000;
    generated[backend] = { ...counts, "generate s": +generateSeconds.toFixed(1), "enrich s": +enrichSeconds.toFixed(1) };
    console.error(`  generated in ${generateSeconds.toFixed(1)} s, enriched in ${enrichSeconds.toFixed(1)} s; measuring`);

    // The viewer: a chair (public seat) who accepted the documents, like every generated person.
    const chair = persons[0] as { id: string; org: string; token: string };
    await db.kysely.updateTable("persons").set({ role: "chair", chair_seat: "public" }).where("id", "=", chair.id).execute();
    const viewer: Viewer = { personId: chair.id, organisationId: chair.org, role: "chair", via: "token" };
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
    const deps: Deps = { config, db, mailer: createMailer(undefined, config.mailFrom), clock: () => new Date(NOW) };
    const period = PERIOD;
    const insightQuery = { from: period.from, to: period.to };
    const inPeriod = (
      await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM items WHERE created_at >= ${period.start} AND created_at < ${period.end}`.execute(db.kysely)
    ).rows[0]?.n;

    // Services, as the routes call them.
    const services: [string, () => Promise<unknown>][] = [
      ["participation dashboard (service)", () => dashboard(deps, viewer, {})],
      ["insight report, one year (service)", () => buildInsight(deps, viewer, insightQuery)],
    ];
    raw[backend] = {};
    for (const [what, fn] of services) {
      await fn(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await time(fn));
      raw[backend][what] = times;
      rows.push({ backend, items: ITEMS, "items in period": inPeriod ?? 0, what, ...stats(times) });
      console.error(`  ${what}: median ${stats(times)["median ms"]} ms`);
    }

    // Each repository query on its own, in its own transaction as the viewer.
    const { start, end } = period;
    const today = NOW.toISOString().slice(0, 10);
    const queries: [string, string, (trx: Tx) => Promise<unknown[] | object>][] = [
      ["both", "statisticsItems", (t) => repo.statisticsItems(t, start, end)],
      ["dashboard", "activeOrganisations", (t) => repo.activeOrganisations(t)],
      ["dashboard", "loadFacts", (t) => loadFacts(t)],
      ["dashboard", "comments", (t) => repo.comments(t, start, end)],
      ["dashboard", "rfiAnswers", (t) => repo.rfiAnswers(t, start, end)],
      ["dashboard", "rfis", (t) => repo.rfis(t, start, end)],
      ["dashboard", "reads", (t) => repo.reads(t, start, end)],
      ["dashboard", "warningsAskingAcknowledgement", (t) => repo.warningsAskingAcknowledgement(t, start, end)],
      ["dashboard", "acknowledgements", (t) => repo.acknowledgements(t, start, end)],
      ["dashboard", "reactionsReceived", (t) => repo.reactionsReceived(t, start, end)],
      ["dashboard", "heldMeetings", (t) => repo.heldMeetings(t, start, end)],
      ["dashboard", "actionsDue", (t) => repo.actionsDue(t, period.from, today < period.to ? today : period.to, today)],
      ["dashboard", "measuresAdopted", (t) => repo.measuresAdopted(t, start, end)],
      ["dashboard", "lastContributions", (t) => repo.lastContributions(t, NOW)],
      ["insight", "shareableDependencies", (t) => repo.shareableDependencies(t)],
      ["insight", "shareableLessons", (t) => repo.shareableLessons(t, start, end, 50)],
    ];
    for (const [used, name, fn] of QUERIES ? queries : []) {
      let n = 0;
      const run = () =>
        db.asViewer(chair.id, async (t) => {
          const r = await fn(t);
          n = Array.isArray(r) ? r.length : 1;
        });
      const times: number[] = [];
      for (let i = 0; i < QUERY_RUNS; i++) times.push(await time(run));
      queryRows.push({ backend, used, query: name, rows: n, "min ms": ms(Math.min(...times)), "max ms": ms(Math.max(...times)) });
    }
    if (QUERIES) {
      let n = 0;
      const run = async () => {
        n = (await listMeasures(deps, viewer, { stage: "adopted" })).measures.length;
      };
      const times: number[] = [];
      for (let i = 0; i < QUERY_RUNS; i++) times.push(await time(run));
      const [min, max] = [ms(Math.min(...times)), ms(Math.max(...times))];
      queryRows.push({ backend, used: "insight", query: "listMeasures (service)", rows: n, "min ms": min, "max ms": max });
      // What the database part of each service costs, queries run one by one (the rest is JavaScript).
      for (const service of ["dashboard", "insight"]) {
        const mine = queryRows.filter((r) => r.backend === backend && (r.used === service || r.used === "both"));
        const sum = (key: string) => ms(mine.reduce((total, r) => total + Number(r[key]), 0));
        queryRows.push({
          backend,
          used: service,
          query: "Σ its queries",
          rows: "",
          "min ms": sum("min ms"),
          "max ms": sum("max ms"),
        });
      }
    }

    // The HTTP path: authentication, the service, response validation and serialisation.
    if (HTTP_RUNS > 0) {
      const app = await buildApp(deps, { logger: false, rateLimitMax: 1_000_000 });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const targets: [string, string][] = [
        ["GET /api/participation (HTTP)", "/api/participation"],
        ["GET /api/insight, one year (HTTP)", `/api/insight?from=${period.from}&to=${period.to}`],
      ];
      for (const [what, target] of targets) {
        let bytes = 0;
        const get = async () => {
          const res = await fetch(`${url}${target}`, { headers: { authorization: `Bearer ${chair.token}` } });
          bytes = (await res.arrayBuffer()).byteLength;
          if (res.status !== 200) throw new Error(`${target}: ${res.status}`);
        };
        const times: number[] = [];
        for (let i = 0; i < HTTP_RUNS; i++) times.push(await time(get));
        raw[backend][what] = times;
        rows.push({
          backend,
          items: ITEMS,
          "items in period": inPeriod ?? 0,
          what,
          ...stats(times),
          "response kB": ms(bytes / 1024),
        });
      }
      await app.close();
    }
    await deps.mailer.close?.();
  } finally {
    await dispose();
  }
}

console.log(
  `Participation dashboard and one-year insight report as a chair: ${ITEMS} items, 30 organisations, 300 persons; ` +
    `period ${PERIOD.from} – ${PERIOD.to}; ${RUNS} timed runs after a warm-up (HTTP: ${HTTP_RUNS}, after the service runs); p95 of fewer than 20 runs is the slowest run.`,
);
console.table(rows);
console.log(`Generated rows (per backend; random, so counts differ slightly):`);
console.table(generated);
if (QUERIES) {
  console.log(`Each repository query on its own as the chair, in its own transaction (${QUERY_RUNS} runs):`);
  console.table(queryRows);
}
const file = path.join(import.meta.dirname, "results", `insight-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      now: NOW.toISOString(),
      period: { from: PERIOD.from, to: PERIOD.to },
      items: ITEMS,
      organisations: 30,
      persons: 300,
      reads: READS,
      runs: RUNS,
      httpRuns: HTTP_RUNS,
      queryRuns: QUERY_RUNS,
      mix: MIX,
      generated,
      rows,
      queries: queryRows,
      raw,
    },
    null,
    2,
  ),
);
console.log(`Written ${path.relative(process.cwd(), file)}`);
