// Benchmark: TLP-filtered feed pages and item reads over real HTTP on a generated exchange
// (30 organisations, 300 persons, 100,000 items; --items N for more), on PGlite and PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { generateExchange, openScratchBackend } from "./generate.js";

const args = process.argv.slice(2);
const ITEMS = Number(args[args.indexOf("--items") + 1] || 0) || 100_000;
const REQUESTS = 400;
/** Latency is measured with one client at a time; throughput with this many concurrent clients. */
const CONCURRENCY = 4;

/** Label mixes: shares of CLEAR, GREEN, AMBER, AMBER+STRICT, RED. */
const MIXES = {
  community: [0.2, 0.5, 0.15, 0.1, 0.05],
  restricted: [0.05, 0.15, 0.35, 0.25, 0.2],
} as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function measure(
  url: string,
  persons: { token: string }[],
  pathFor: (i: number) => Promise<string> | string,
  clients: number,
  requests = REQUESTS,
) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
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
  return { rps: requests / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const rows: Record<string, string | number>[] = [];
const backends = (process.env.RT_BENCH_BACKENDS?.split(",") ??
  (process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"])) as ("pglite" | "postgres")[];
for (const backend of backends) {
  for (const [mixName, mix] of Object.entries(MIXES)) {
    const { db, dispose } = await openScratchBackend(backend, "rt_bench");
    console.error(`${backend} / ${mixName}: generating ${ITEMS} items…`);
    const { persons, generateSeconds } = await generateExchange(db, mix, ITEMS);
    console.error(`  generated in ${generateSeconds.toFixed(1)} s; measuring`);
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
    const server = await startServer(
      { config, db, mailer: createMailer(undefined, ""), clock: () => new Date() },
      { logger: false, rateLimitMax: 1_000_000 },
    );
    const ids = (await db.kysely.selectFrom("items").select("id").orderBy("created_at", "desc").limit(2000).execute()).map(
      (r) => r.id,
    );
    const deepCursor = (i: number) =>
      Buffer.from(`2026-0${1 + (i % 2)}-15T00:00:00.000Z|ffffffff-ffff-4fff-bfff-ffffffffffff`).toString("base64url");
    // Broad searches scan every readable item for their facets: fewer requests keep the run short.
    const scenarios: [string, (i: number) => string, number?][] = [
      ["feed page (50)", () => "/api/items?limit=50"],
      ["feed page, RED filter, deep cursor", (i) => `/api/items?limit=50&tlp=TLP:RED&cursor=${deepCursor(i)}`],
      ["item read (audited)", (i) => `/api/items/${ids[i % ids.length]}`],
      ["search, selective (with facets)", (i) => `/api/search?q=${(i * 7919) % ITEMS}&limit=20`],
      ["search, matching every item (with facets)", () => "/api/search?q=routers&limit=20", 12],
    ];
    await measure(server.url, persons, () => "/api/items?limit=50", CONCURRENCY); // warm-up
    for (const [what, pathFor, requests] of scenarios) {
      const one = await measure(server.url, persons, pathFor, 1, requests);
      const many = await measure(server.url, persons, pathFor, CONCURRENCY, requests);
      rows.push({
        backend,
        mix: mixName,
        items: ITEMS,
        what,
        "p50 ms": +one.p50.toFixed(2),
        "p99 ms": +one.p99.toFixed(2),
        [`req/s ×${CONCURRENCY}`]: Math.round(many.rps),
        [`p99 ms ×${CONCURRENCY}`]: +many.p99.toFixed(2),
        "generate s": +generateSeconds.toFixed(1),
      });
    }
    await server.app.close();
    await dispose();
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
