// Benchmark: TAXII 2.1 paging and STIX 2.1 bundle import over real HTTP, on PGlite and, when DATABASE_URL is set,
// on PostgreSQL (a scratch database, dropped afterwards).
// 1. GET /taxii2/api/collections/<community>/objects/?limit=1000 as a member, following `next` through N items the
//    member may read (TLP:CLEAR/GREEN to the whole exchange) among N/4 more they may not (AMBER, AMBER+STRICT, RED
//    and working-group items for others), interleaved in the order they were added: objects/s, latency per page,
//    peak RSS. The server runs in this process, so the client's JSON.parse of each page is counted too (and shown).
// 2. POST /api/stix/import of a bundle of N indicators (plus N/1000 reports of 20 of them, an identity and the
//    TLP:GREEN marking definition), streamed from a file: validated, labelled, stored and audited in one transaction.
//    objects/s, then the same bundle again (idempotent: everything unchanged), and the peak RSS increase over the
//    baseline before the import against the bundle's size in bytes.
// Options: --objects N (default 100000), --runs N (paging passes, default 3), --postgres (with DATABASE_URL; set, it
// already adds PostgreSQL), --pglite-disk (PGlite with its files in a temporary folder, as `roundtable serve` runs it,
// instead of in memory: then the database's pages are not counted in this process's RSS), --keep (PostgreSQL: keep
// the scratch database and print its name). RT_BENCH_BACKENDS=pglite,postgres picks backends like the other benches.
// Each backend is measured in a child process of its own, so memory and GC work are not carried from one to the next.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "kysely";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { uuidFrom } from "../src/server/stix/to-stix.js";
import { tlpMarkingDefinition } from "../src/shared/stix.js";
import { TLP_MARKING_IDS } from "../src/shared/tlp.js";
import { generateExchange, openScratchBackend } from "./generate.js";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const OBJECTS = option("--objects", 100_000);
const RUNS = option("--runs", 3);
const KEEP = args.includes("--keep");
/** PGlite with its files in a temporary folder, as `roundtable serve` runs it, instead of in memory (generate.ts). */
const PGLITE_DISK = args.includes("--pglite-disk");
const LIMIT = 1000;
/** One report per this many indicators in the bundle, each referring to REPORT_REFS of them. */
const REPORT_EVERY = 1000;
const REPORT_REFS = 20;
const TARGET = { taxii: 50_000, import: 20_000, memoryRatio: 4 } as const;
const TAXII = "application/taxii+json;version=2.1";
const STIX = "application/stix+json;version=2.1";
const GREEN = TLP_MARKING_IDS["TLP:GREEN"];
const SAMPLE_MS = 20;
const MB = 1024 * 1024;

// A full collection before each baseline when V8 lets us have one (run.ts gives no --expose-gc).
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}
const gc = exposeGc();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const round = (n: number, digits = 1) => +n.toFixed(digits);

/** Samples RSS and the JS heap every SAMPLE_MS from a quiet baseline until stopped. */
async function memoryWatch() {
  gc?.();
  await sleep(200);
  gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let peakExternal = base.external;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return {
        baseRss: base.rss,
        peakRss,
        rssIncrease: peakRss - base.rss,
        heapIncrease: peakHeap - base.heapUsed,
        externalIncrease: peakExternal - base.external,
      };
    },
  };
}

/**
 * Items in the order they were added (updated_at one minute apart): every fifth is one the viewer may not read
 * (AMBER to another organisation, AMBER+STRICT to its author's organisation, RED to another person, GREEN to a
 * working group without the viewer's organisation), the others TLP:CLEAR (30 %) or TLP:GREEN to the whole
 * exchange; half of them indicators, 2 % anonymous. Returns how many the viewer may read.
 */
async function generateItems(db: Database, readable: number, viewer: { id: string; org: string }): Promise<number> {
  const total = Math.ceil((readable * 5) / 4);
  for (let done = 0; done < total; done += 50_000) {
    const n = Math.min(50_000, total - done);
    await sql`
      WITH p AS (SELECT row_number() OVER (ORDER BY id)::int AS a, id, organisation_id AS org FROM persons),
           q AS (SELECT row_number() OVER (ORDER BY id)::int AS a, id, organisation_id AS org FROM persons
                  WHERE organisation_id <> ${viewer.org}),
           o AS (SELECT array_agg(id ORDER BY id) AS ids FROM organisations WHERE id <> ${viewer.org}),
           g AS (SELECT array_agg(id ORDER BY id) AS ids FROM working_groups w
                  WHERE NOT EXISTS (SELECT 1 FROM working_group_members m WHERE m.group_id = w.id
                                      AND (m.organisation_id = ${viewer.org} OR m.person_id = ${viewer.id}))),
           r AS (SELECT s + ${done} AS s, (s + ${done}) % 5 = 0 AS hidden, random() AS u, random() AS w,
                        random() < 0.5 AS indicator, random() < 0.02 AS anon,
                        (floor(random() * (SELECT count(*) FROM p)) + 1)::int AS a,
                        (floor(random() * (SELECT count(*) FROM q)) + 1)::int AS b,
                        (floor(random() * (SELECT count(*) FROM q)) + 1)::int AS c
                   FROM generate_series(1, ${n}) s),
           x AS (SELECT r.*, CASE WHEN NOT hidden THEN CASE WHEN u < 0.3 THEN 'TLP:CLEAR' ELSE 'TLP:GREEN' END
                                  WHEN w < 0.4 THEN 'TLP:AMBER' WHEN w < 0.6 THEN 'TLP:AMBER+STRICT'
                                  WHEN w < 0.8 THEN 'TLP:RED' ELSE 'TLP:GREEN' END AS tlp,
                        CASE WHEN hidden THEN qa.id ELSE pa.id END AS author,
                        CASE WHEN hidden THEN qa.org ELSE pa.org END AS author_org, qc.id AS other_person,
                        timestamptz '2026-01-01' + make_interval(secs => r.s * 60) AS at
                   FROM r JOIN p pa ON pa.a = r.a JOIN q qa ON qa.a = r.b JOIN q qc ON qc.a = r.c)
      INSERT INTO items (id, kind, title, body, sectors, tlp, audience_exchange, audience_organisations, audience_groups,
                         audience_persons, author_id, author_organisation_id, created_at, updated_at, details, anonymous,
                         pseudonym)
      SELECT gen_random_uuid(), CASE WHEN indicator THEN 'indicator' ELSE 'threat' END,
             CASE WHEN indicator THEN 'C2 address ' || s ELSE 'Phishing campaign ' || s END,
             'Observed against substations and routers of several members; details in the thread.', '{energy}', tlp,
             NOT hidden,
             CASE WHEN tlp = 'TLP:AMBER' THEN ARRAY[o.ids[1 + s % cardinality(o.ids)]]
                  WHEN tlp = 'TLP:AMBER+STRICT' THEN ARRAY[author_org] ELSE '{}' END,
             CASE WHEN hidden AND tlp = 'TLP:GREEN' THEN ARRAY[g.ids[1 + s % cardinality(g.ids)]] ELSE '{}' END,
             CASE WHEN tlp = 'TLP:RED' THEN ARRAY[other_person] ELSE '{}' END,
             author, author_org, at, at,
             CASE WHEN indicator THEN jsonb_build_object(
                    'pattern', '[ipv4-addr:value = ''10.' || (s >> 16) % 256 || '.' || (s >> 8) % 256 || '.' || s % 256 || ''']',
                    'patternType', 'stix', 'validFrom', '2026-01-01T00:00:00.000Z', 'indicatorTypes', '["malicious-activity"]'::jsonb)
                  ELSE jsonb_build_object('motivation', 'criminal', 'confidence', 'medium') END,
             anon AND NOT hidden, CASE WHEN anon AND NOT hidden THEN 'Anonymous contributor ' || s END
        FROM x, o, g`.execute(db.kysely);
  }
  await db.exec("VACUUM ANALYZE items");
  // What the viewer may read in the community collection, by the database's own row-level security.
  return db.asViewer(viewer.id, async (trx) => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM items WHERE audience_exchange`.execute(trx);
    return rows[0]?.n ?? 0;
  });
}

/** Writes the bundle to a file, a piece at a time; returns its size and what it holds. */
async function writeBundle(file: string, indicators: number) {
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  const at = "2026-01-01T00:00:00.000Z";
  const identity = `identity--${randomUUID()}`;
  await write(`{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`);
  await write(JSON.stringify(tlpMarkingDefinition("TLP:GREEN")));
  await write(
    `,${JSON.stringify({ type: "identity", spec_version: "2.1", id: identity, created: at, modified: at, name: "Bench CERT", identity_class: "organization" })}`,
  );
  let objects = 2;
  let reports = 0;
  let recent: string[] = [];
  for (let i = 0; i < indicators; i++) {
    const id = `indicator--${randomUUID()}`;
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    recent.push(id);
    let s = `,${JSON.stringify({
      type: "indicator",
      spec_version: "2.1",
      id,
      created: at,
      modified: at,
      name: `C2 address ${ip}`,
      description: "Command and control server seen in a phishing wave against members.",
      indicator_types: ["malicious-activity"],
      pattern: `[ipv4-addr:value = '${ip}']`,
      pattern_type: "stix",
      valid_from: at,
      created_by_ref: identity,
      object_marking_refs: [GREEN],
    })}`;
    objects++;
    if (recent.length === REPORT_EVERY || i === indicators - 1) {
      s += `,${JSON.stringify({
        type: "report",
        spec_version: "2.1",
        id: `report--${randomUUID()}`,
        created: at,
        modified: at,
        name: `Weekly C2 report ${++reports}`,
        description: "Addresses seen this week.",
        report_types: ["indicator"],
        published: at,
        object_refs: recent.slice(0, REPORT_REFS),
        created_by_ref: identity,
        object_marking_refs: [GREEN],
      })}`;
      objects++;
      recent = [];
    }
    await write(s);
  }
  await write("]}\n");
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { bytes: fs.statSync(file).size, objects, items: indicators + reports, reports };
}

interface ImportSummary {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: unknown[];
}

async function postBundle(url: string, token: string, file: string): Promise<{ seconds: number; summary: ImportSummary }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/stix/import`, {
    method: "POST",
    headers: { "content-type": STIX, authorization: `Bearer ${token}` },
    body: fs.createReadStream(file) as unknown as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const text = await res.text();
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 200) throw new Error(`import: HTTP ${res.status}: ${text.slice(0, 2000)}`);
  return { seconds, summary: JSON.parse(text) as ImportSummary };
}

/** Pages through the collection; per page: latency (request to parsed envelope) and the client's parse time. */
async function pageThrough(url: string, token: string, collection: string) {
  const latencies: number[] = [];
  let parseMs = 0;
  let objects = 0;
  let items = 0;
  let bytes = 0;
  let next: string | undefined;
  const t0 = performance.now();
  do {
    const target = `${url}/taxii2/api/collections/${collection}/objects/?limit=${LIMIT}${next ? `&next=${encodeURIComponent(next)}` : ""}`;
    const s = performance.now();
    const res = await fetch(target, { headers: { accept: TAXII, authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${target}: HTTP ${res.status}: ${body.slice(0, 500)}`);
    const p = performance.now();
    const envelope = JSON.parse(body) as { more?: boolean; next?: string; objects?: { type: string }[] };
    const e = performance.now();
    parseMs += e - p;
    latencies.push(e - s);
    bytes += body.length;
    for (const o of envelope.objects ?? []) {
      objects++;
      if (o.type !== "marking-definition" && o.type !== "identity" && o.type !== "extension-definition") items++;
    }
    next = envelope.more ? envelope.next : undefined;
    if (envelope.more && !next) throw new Error("more: true without next");
  } while (next);
  return { seconds: (performance.now() - t0) / 1000, latencies, parseMs, objects, items, bytes };
}

const taxiiRows: Record<string, string | number>[] = [];
const importRows: Record<string, string | number>[] = [];
const raw: Record<string, unknown> = {};
let failed = false;
const backends = (process.env.RT_BENCH_BACKENDS?.split(",") ??
  (process.env.DATABASE_URL || args.includes("--postgres") ? ["pglite", "postgres"] : ["pglite"])) as ("pglite" | "postgres")[];
if (backends.includes("postgres") && !process.env.DATABASE_URL) throw new Error("PostgreSQL needs DATABASE_URL");
/** Set in the child that measures one backend: where it leaves its rows for the parent. */
const CHILD_OUTPUT = process.env.RT_TAXII_BENCH_OUTPUT;

if (CHILD_OUTPUT) {
  await measure(backends[0] as "pglite" | "postgres");
  fs.writeFileSync(CHILD_OUTPUT, JSON.stringify({ taxiiRows, importRows, raw, failed }));
  process.exit(0);
}
// Each backend in a process of its own: memory and the garbage collector's work are not carried over (PGlite keeps
// its WebAssembly memory and in-memory files until the process ends).
for (const backend of backends) {
  const output = path.join(os.tmpdir(), `rt-bench-taxii-${process.pid}-${backend}.json`);
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args], {
    stdio: "inherit",
    env: { ...process.env, RT_BENCH_BACKENDS: backend, RT_TAXII_BENCH_OUTPUT: output },
  });
  if (child.status !== 0 || !fs.existsSync(output)) {
    failed = true;
    console.error(`${backend}: the measuring process failed (status ${child.status ?? child.signal})`);
    continue;
  }
  const result = JSON.parse(fs.readFileSync(output, "utf8")) as {
    taxiiRows: typeof taxiiRows;
    importRows: typeof importRows;
    raw: typeof raw;
    failed: boolean;
  };
  fs.rmSync(output, { force: true });
  taxiiRows.push(...result.taxiiRows);
  importRows.push(...result.importRows);
  Object.assign(raw, result.raw);
  failed ||= result.failed;
}

/** A migrated scratch database: generate.ts's, or PGlite in a temporary folder with --pglite-disk. */
async function openBackend(name: "pglite" | "postgres"): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (name === "postgres" || !PGLITE_DISK) return openScratchBackend(name, "rt_bench_taxii", KEEP);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-bench-taxii-pglite-"));
  const db = await Database.openPGlite(dir);
  await db.migrate();
  return {
    db,
    dispose: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Measures one backend in this process. */
async function measure(name: "pglite" | "postgres"): Promise<void> {
  const backend = name === "pglite" && PGLITE_DISK ? "pglite (disk)" : name;
  const { db, dispose } = await openBackend(name);
  const file = path.join(os.tmpdir(), `rt-bench-taxii-${process.pid}-${name}.stix.json`);
  try {
    console.error(`${backend}: generating ${OBJECTS} readable items (and ${Math.ceil(OBJECTS / 4)} others)…`);
    const g0 = performance.now();
    const { persons } = await generateExchange(db, [0, 0, 0, 0, 0], 0);
    const viewer = persons[0] as { id: string; org: string; token: string };
    const importer = persons[1] as { id: string; org: string; token: string };
    const readable = await generateItems(db, OBJECTS, viewer);
    const generateSeconds = (performance.now() - g0) / 1000;
    console.error(`  generated in ${generateSeconds.toFixed(1)} s; ${readable} readable by the viewer`);

    const config = loadConfig({
      PORT: "0",
      LOG_LEVEL: "silent",
      ROUNDTABLE_MAX_IMPORT_MB: "1024",
      ROUNDTABLE_JOBS_SECONDS: "3600",
    });
    // The server stops everything it started (its scheduler's LISTEN connection too) but leaves the database to dispose().
    const serverDb = Object.create(db, { close: { value: async () => undefined } }) as Database;
    const server = await startServer(
      { config, db: serverDb, mailer: createMailer(undefined, ""), clock: () => new Date() },
      { logger: false, rateLimitMax: 1_000_000 },
    );
    const community = uuidFrom("collection:community");

    // 1. TAXII paging: a warm-up pass, then RUNS passes through the whole collection.
    await pageThrough(server.url, viewer.token, community);
    const runs: Awaited<ReturnType<typeof pageThrough>>[] = [];
    const watch = await memoryWatch();
    for (let r = 0; r < RUNS; r++) {
      const run = await pageThrough(server.url, viewer.token, community);
      if (run.items !== readable) {
        failed = true;
        console.error(`  FAIL: paging served ${run.items} items; the viewer may read ${readable}`);
      }
      runs.push(run);
      console.error(
        `  pass ${r + 1}: ${run.objects} objects (${run.items} items) in ${run.latencies.length} pages, ${run.seconds.toFixed(2)} s`,
      );
    }
    const taxiiMemory = watch.stop();
    const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const rates = runs.map((r) => r.objects / r.seconds);
    const first = runs[0] as (typeof runs)[number];
    const objectsPerSecond = median(rates);
    taxiiRows.push({
      backend,
      "objects served": first.objects,
      items: first.items,
      pages: first.latencies.length,
      "objects/s": Math.round(objectsPerSecond),
      "items/s": Math.round(median(runs.map((r) => r.items / r.seconds))),
      // What a client in another process would see: this process's own JSON.parse of each page taken out.
      "objects/s w/o client parse": Math.round(median(runs.map((r) => r.objects / (r.seconds - r.parseMs / 1000)))),
      "p50 ms/page": round(percentile(latencies, 0.5)),
      "p99 ms/page": round(percentile(latencies, 0.99)),
      "client parse ms/page": round(runs.reduce((t, r) => t + r.parseMs, 0) / latencies.length),
      "MB/page": round(first.bytes / first.latencies.length / MB, 2),
      "peak RSS MB": round(taxiiMemory.peakRss / MB),
      "RSS increase MB": round(taxiiMemory.rssIncrease / MB),
      target: `≥ ${TARGET.taxii}`,
      met: objectsPerSecond >= TARGET.taxii ? "yes" : "NO",
    });

    // 2. Import: the bundle streamed from a file, then the same bundle again.
    const bundle = await writeBundle(file, OBJECTS);
    const before = await db.asViewer(importer.id, async (trx) =>
      Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM items`.execute(trx)).rows[0]?.n),
    );
    const importWatch = await memoryWatch();
    const once = await postBundle(server.url, importer.token, file);
    const importMemory = importWatch.stop();
    const again = await postBundle(server.url, importer.token, file);
    const after = await db.asViewer(importer.id, async (trx) =>
      Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM items`.execute(trx)).rows[0]?.n),
    );
    const problems = [
      once.summary.created !== bundle.items && `created ${once.summary.created}, expected ${bundle.items}`,
      once.summary.total !== bundle.objects && `total ${once.summary.total}, expected ${bundle.objects}`,
      after - before !== bundle.items && `the importer reads ${after - before} more items, expected ${bundle.items}`,
      again.summary.created + again.summary.updated !== 0 &&
        `re-import created ${again.summary.created}, updated ${again.summary.updated}`,
      again.summary.unchanged !== bundle.items && `re-import unchanged ${again.summary.unchanged}, expected ${bundle.items}`,
    ].filter(Boolean);
    if (problems.length) {
      failed = true;
      console.error(`  FAIL: import: ${problems.join("; ")}`);
    }
    const importRate = bundle.objects / once.seconds;
    const ratio = importMemory.rssIncrease / bundle.bytes;
    importRows.push({
      backend,
      "bundle MB": round(bundle.bytes / MB),
      "objects in bundle": bundle.objects,
      "items created": once.summary.created,
      "import s": round(once.seconds, 2),
      "objects/s": Math.round(importRate),
      "re-import s": round(again.seconds, 2),
      "re-import objects/s": Math.round(bundle.objects / again.seconds),
      "baseline RSS MB": round(importMemory.baseRss / MB),
      "peak RSS increase MB": round(importMemory.rssIncrease / MB),
      "ratio to bundle": round(ratio, 2),
      "heap increase MB": round(importMemory.heapIncrease / MB),
      "external increase MB": round(importMemory.externalIncrease / MB),
      target: `≥ ${TARGET.import}/s, < ${TARGET.memoryRatio}×`,
      met: importRate >= TARGET.import && ratio < TARGET.memoryRatio ? "yes" : "NO",
    });
    raw[backend] = {
      readable,
      generateSeconds: round(generateSeconds),
      taxii: { runs: runs.map((r) => ({ ...r, latencies: r.latencies.map((l) => round(l, 2)) })), memory: taxiiMemory },
      import: {
        bundle,
        first: { seconds: once.seconds, summary: { ...once.summary, ids: undefined } },
        again: { seconds: again.seconds, summary: { ...again.summary, ids: undefined } },
        memory: importMemory,
      },
    };
    console.error(`  import: ${once.seconds.toFixed(2)} s, re-import ${again.seconds.toFixed(2)} s`);
    await server.stop();
  } finally {
    fs.rmSync(file, { force: true });
    await dispose();
  }
}

console.log(
  `TAXII 2.1 GET objects, limit=${LIMIT}, community collection as a member: ${OBJECTS} readable items among ` +
    `${Math.ceil(OBJECTS / 4)} unreadable ones; ${RUNS} passes after a warm-up pass (objects/s: median pass; ` +
    "latencies: every page of every pass, request to parsed envelope; server and client share this process).",
);
console.table(taxiiRows);
console.log(
  `STIX 2.1 bundle import (POST /api/stix/import, streamed from a file): ${OBJECTS} indicators, a report per ` +
    `${REPORT_EVERY}, an identity and a marking definition; then the same bundle again. Memory: peak over the ` +
    `baseline before the import, sampled every ${SAMPLE_MS} ms${gc ? " (baseline after a full GC)" : ""}.`,
);
console.table(importRows);
const out = path.join(import.meta.dirname, "results", `taxii-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      objects: OBJECTS,
      limit: LIMIT,
      runs: RUNS,
      targets: TARGET,
      taxii: taxiiRows,
      import: importRows,
      raw,
    },
    null,
    2,
  ),
);
console.log(`Written ${path.relative(process.cwd(), out)}`);
if (failed) {
  console.error("FAILED: see the messages above");
  process.exit(1);
}
