// Benchmark: an urgent warning fanned out to 1,000 live subscribers (Server-Sent Events) on two app instances
// sharing one fresh PostgreSQL database, and the urgent-mail outbox: e-mails queued per second by the notify
// path, sent per second by the worker to a local SMTP server. Skipped when PostgreSQL is unreachable.
// Options: --subscribers N (default 1000, 20 per organisation), --rounds N (default 10), --mail-warnings N (default 2).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import type { Deps } from "../src/server/context.js";
import { Database } from "../src/server/db/database.js";
import { drainOutbox } from "../src/server/jobs/outbox.js";
import { createMailer, type Mailer } from "../src/server/mail/mailer.js";
import { EVENTS_CHANNEL } from "../src/server/notifications/notify.js";
import { acceptDocuments, buildOrganisation, buildPerson, buildToken, publishDocuments } from "../test/support/builders.js";
import { startSmtpSink } from "./smtp-sink.js";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const SUBSCRIBERS = option("--subscribers", 1000);
const PER_ORGANISATION = 20;
const ROUNDS = option("--rounds", 10);
/** Warnings queued (each SUBSCRIBERS e-mails) before each of the three drains. */
const MAIL_WARNINGS = option("--mail-warnings", 2);
const INSTANCES = 2;
/** Warnings posted before measuring (JIT, connection pools, query plans). */
const WARM_UP = 2;
const DELIVERY_TIMEOUT_MS = 30_000;
/** The default of .ci/run; DATABASE_URL overrides it. */
const BASE_URL = process.env.DATABASE_URL || "postgres://root@127.0.0.1:5432/test";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
const ms = (n: number) => +n.toFixed(1);
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: ms(percentile(sorted, 0.5)),
    p99: ms(percentile(sorted, 0.99)),
    min: ms(sorted[0] ?? 0),
    max: ms(sorted.at(-1) ?? 0),
  };
}
const redacted = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

// ---- PostgreSQL: reachable? then a scratch database -------------------------------------------------------------

const admin = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 3000 });
try {
  await admin.connect();
} catch (error) {
  console.error(
    `fan-out bench skipped: PostgreSQL is unreachable at ${redacted(BASE_URL)} (${error instanceof Error ? error.message : error}).` +
      " Set DATABASE_URL to a server where this user may CREATE DATABASE.",
  );
  process.exit(0);
}
const dbName = `rt_bench_fanout_${randomBytes(4).toString("hex")}`;
await admin.query(`CREATE DATABASE ${dbName}`);
const target = new URL(BASE_URL);
target.pathname = `/${dbName}`;
const url = target.toString();

// ---- SSE subscribers ---------------------------------------------------------------------------------------------

interface Subscriber {
  instance: number;
  /** subjectId → performance.now() when its notification event arrived. */
  received: Map<string, number>;
  duplicates: number;
  request: http.ClientRequest;
}

/** Per subject id, how many subscribers have it, and who waits for all of them. */
const arrivals = new Map<string, number>();
let waiter: { subjectId: string; resolve: () => void } | undefined;

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function subscribe(baseUrl: string, token: string, instance: number): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}/api/notifications/stream`, {
      agent,
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    });
    const subscriber: Subscriber = { instance, received: new Map(), duplicates: 0, request };
    request.on("error", reject);
    request.on("response", (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream: HTTP ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      let buffer = "";
      response.on("data", (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          let data = "";
          for (const line of frame.split("\n")) {
            if (line === ": connected") resolve(subscriber);
            else if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data += line.slice(6);
          }
          if (event !== "notification") continue;
          const { subjectId } = JSON.parse(data) as { subjectId: string };
          if (subscriber.received.has(subjectId)) {
            subscriber.duplicates++;
            continue;
          }
          subscriber.received.set(subjectId, now);
          const n = (arrivals.get(subjectId) ?? 0) + 1;
          arrivals.set(subjectId, n);
          if (waiter?.subjectId === subjectId && n === SUBSCRIBERS) waiter.resolve();
        }
      });
    });
    request.end();
  });
}

function allDelivered(subjectId: string): Promise<boolean> {
  if ((arrivals.get(subjectId) ?? 0) >= SUBSCRIBERS) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiter = undefined;
      resolve(false);
    }, DELIVERY_TIMEOUT_MS);
    waiter = {
      subjectId,
      resolve: () => {
        clearTimeout(timer);
        waiter = undefined;
        resolve(true);
      },
    };
  });
}

// ---- Posting a warning and measuring its fan-out ------------------------------------------------------------------

let warningNo = 0;
async function postWarning(baseUrl: string, token: string): Promise<{ id: string; t0: number; postMs: number }> {
  warningNo++;
  const body = JSON.stringify({
    kind: "warning",
    title: `Bench warning ${warningNo}: substation controllers targeted`,
    body: "Acknowledge within four hours; details in the attached advisory.",
    tlp: "TLP:GREEN",
    audience: { exchange: true },
    sectors: ["energy"],
    details: { urgency: "flash", requiresAcknowledgement: true, acknowledgeWithinHours: 4 },
  });
  const t0 = performance.now();
  const response = await fetch(`${baseUrl}/api/items`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  const json = (await response.json()) as { id?: string };
  const postMs = performance.now() - t0;
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`POST /api/items: ${response.status} ${JSON.stringify(json)}`);
  return { id: json.id as string, t0, postMs };
}

async function fanOutRound(baseUrl: string, token: string, subscribers: Subscriber[]) {
  const { id, t0, postMs } = await postWarning(baseUrl, token);
  const complete = await allDelivered(id);
  // The warning's batch is the first NOTIFY after the POST was sent (rounds run one after another).
  const notifyMs = (notifyTimes.find((t) => t >= t0) ?? Number.NaN) - t0;
  const latencies: number[] = [];
  const perInstance: number[][] = Array.from({ length: INSTANCES }, () => []);
  for (const s of subscribers) {
    const at = s.received.get(id);
    if (at === undefined) continue;
    latencies.push(at - t0);
    perInstance[s.instance]?.push(at - t0);
  }
  return { id, postMs, notifyMs, latencies, perInstance, delivered: latencies.length, complete };
}

// ---- Run ---------------------------------------------------------------------------------------------------------

const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", ROUNDTABLE_PUBLIC_URL: "http://roundtable.bench" });
const clock = () => new Date();
const databases: Database[] = [];
const apps: FastifyInstance[] = [];
const subscribers: Subscriber[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
const mailPosts: number[] = [];
const mailFanout: number[] = [];
const mailNotifies: number[] = [];
let queuedTotal = 0;
let queueMsTotal = 0;
let sentTotal = 0;

async function instance(mailer: Mailer): Promise<{ deps: Deps; app: FastifyInstance; url: string }> {
  const db = await Database.openPostgres(url);
  databases.push(db);
  const deps: Deps = { config, db, mailer, clock };
  const app = await buildApp(deps, { logger: false, rateLimitMax: 1e9 });
  apps.push(app);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { deps, app, url: address };
}

let notifyListener: pg.Client | undefined;
const notifyTimes: number[] = [];
const fanoutRows: Record<string, string | number>[] = [];
const mailRows: Record<string, string | number>[] = [];
let summary: Record<string, unknown> = {};
try {
  const setup = await Database.openPostgres(url, 10);
  databases.push(setup);
  await setup.migrate();

  console.error(`fan-out: ${redacted(url)}; creating ${SUBSCRIBERS} persons…`);
  const t0 = performance.now();
  const docs = await publishDocuments(setup);
  const authorOrganisation = await buildOrganisation(setup, { name: "Bench author organisation" });
  const author = await buildPerson(setup, { organisationId: authorOrganisation });
  await acceptDocuments(setup, author.id, docs);
  const authorToken = await buildToken(setup, author.id);
  const tokens: string[] = [];
  for (let o = 0; o * PER_ORGANISATION < SUBSCRIBERS; o++) {
    const organisation = await buildOrganisation(setup, { name: `Bench organisation ${o}`, kind: o % 3 ? "private" : "public" });
    const n = Math.min(PER_ORGANISATION, SUBSCRIBERS - o * PER_ORGANISATION);
    const made = await Promise.all(
      Array.from({ length: n }, async () => {
        const person = await buildPerson(setup, { organisationId: organisation });
        await acceptDocuments(setup, person.id, docs);
        return buildToken(setup, person.id);
      }),
    );
    tokens.push(...made);
  }
  await setup.exec("ANALYZE");
  console.error(`  created in ${((performance.now() - t0) / 1000).toFixed(1)} s; starting ${INSTANCES} instances`);

  const disabled = createMailer(undefined, config.mailFrom);
  const instances: Awaited<ReturnType<typeof instance>>[] = [];
  for (let i = 0; i < INSTANCES; i++) instances.push(await instance(disabled));
  const first = instances[0] as (typeof instances)[number];
  // A listener of our own timestamps each batch's NOTIFY, to split the latency into commit and delivery.
  notifyListener = new pg.Client({ connectionString: url });
  await notifyListener.connect();
  notifyListener.on("notification", () => notifyTimes.push(performance.now()));
  await notifyListener.query(`LISTEN ${EVENTS_CHANNEL}`);

  const connectStart = performance.now();
  for (let i = 0; i < tokens.length; i += 50) {
    const batch = tokens.slice(i, i + 50).map((token, j) => {
      const n = (i + j) % INSTANCES;
      return subscribe((instances[n] as (typeof instances)[number]).url, token, n);
    });
    subscribers.push(...(await Promise.all(batch)));
  }
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const hubSizes = instances.map((x) => x.app.liveHub.size);
  console.error(`  ${subscribers.length} streams open in ${connectSeconds.toFixed(1)} s (per instance: ${hubSizes.join(", ")})`);

  // Warm-up (not counted): JIT, connection pools, the LISTEN connections.
  for (let i = 0; i < WARM_UP; i++) await fanOutRound(first.url, authorToken, subscribers);

  const all: number[] = [];
  const posts: number[] = [];
  const notifies: number[] = [];
  const perInstanceAll: number[][] = Array.from({ length: INSTANCES }, () => []);
  let deliveredTotal = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const r = await fanOutRound(first.url, authorToken, subscribers);
    all.push(...r.latencies);
    posts.push(r.postMs);
    notifies.push(r.notifyMs);
    deliveredTotal += r.delivered;
    r.perInstance.forEach((values, i) => {
      perInstanceAll[i]?.push(...values);
    });
    const s = stats(r.latencies);
    fanoutRows.push({
      mailer: "off",
      round,
      "POST ms": ms(r.postMs),
      "NOTIFY ms": ms(r.notifyMs),
      delivered: r.delivered,
      "first ms": s.min,
      "p50 ms": s.p50,
      "p99 ms": s.p99,
      "max ms": s.max,
      ...Object.fromEntries(r.perInstance.map((values, i) => [`p50 ms inst ${i + 1}`, stats(values).p50])),
    });
    console.error(`  round ${round}: delivered ${r.delivered}/${SUBSCRIBERS}, p99 ${s.p99} ms`);
  }

  // ---- Urgent mail: queued by the notify path (a third instance with an SMTP mailer), then drained ----------------
  sink = await startSmtpSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  const mailInstance = await instance(createMailer(smtpUrl, config.mailFrom));
  const secondWorkerDb = await Database.openPostgres(url);
  databases.push(secondWorkerDb);
  const outboxCount = async () =>
    Number(
      (
        await setup.kysely
          .selectFrom("mail_outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // The worker as it is (one SMTP connection per message, one message at a time), on one and on two instances,
  // and with nodemailer's pooled transport, which SMTP_URL can ask for without a code change.
  const variants = [
    { drain: "1 worker", workers: [mailInstance.deps.db], smtp: smtpUrl },
    { drain: "2 workers (2 instances)", workers: [mailInstance.deps.db, secondWorkerDb], smtp: smtpUrl },
    { drain: "1 worker, SMTP_URL ?pool=true", workers: [mailInstance.deps.db], smtp: `${smtpUrl}?pool=true` },
  ];
  for (const variant of variants) {
    let queued = 0;
    let queueMs = 0;
    for (let w = 0; w < MAIL_WARNINGS; w++) {
      const before = await outboxCount();
      const r = await fanOutRound(mailInstance.url, authorToken, subscribers);
      const rows = (await outboxCount()) - before;
      queued += rows;
      queueMs += r.postMs;
      mailPosts.push(r.postMs);
      mailNotifies.push(r.notifyMs);
      mailFanout.push(...r.latencies);
      if (!r.complete) console.error(`  ${variant.drain}: only ${r.delivered}/${SUBSCRIBERS} streams got the warning`);
    }
    const workers: Deps[] = variant.workers.map((db) => ({
      config,
      db,
      mailer: createMailer(variant.smtp, config.mailFrom),
      clock,
    }));
    const messagesBefore = sink.stats.messages;
    const connectionsBefore = sink.stats.connections;
    const drainStart = performance.now();
    const sent = (await Promise.all(workers.map((deps) => drainOutbox(deps)))).reduce((a, b) => a + b, 0);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    queuedTotal += queued;
    queueMsTotal += queueMs;
    sentTotal += sent;
    mailRows.push({
      warnings: MAIL_WARNINGS,
      "e-mails queued": queued,
      "POST ms (mean)": ms(queueMs / MAIL_WARNINGS),
      "queued/s": Math.round(queued / (queueMs / 1000)),
      drain: variant.drain,
      sent,
      "SMTP received": sink.stats.messages - messagesBefore,
      "SMTP connections": sink.stats.connections - connectionsBefore,
      "drain s": +drainSeconds.toFixed(2),
      "sent/s": Math.round(sent / drainSeconds),
    });
    console.error(`  ${variant.drain}: ${queued} queued, ${sent} sent in ${drainSeconds.toFixed(1)} s`);
  }
  const unsent = Number(
    (
      await setup.kysely
        .selectFrom("mail_outbox")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("sent_at", "is", null)
        .executeTakeFirstOrThrow()
    ).n,
  );

  const overall = stats(all);
  const post = stats(posts);
  const mailPost = stats(mailPosts);
  summary = {
    subscribers: SUBSCRIBERS,
    instances: INSTANCES,
    rounds: ROUNDS,
    connectSeconds: +connectSeconds.toFixed(2),
    streamsPerInstance: hubSizes,
    fanout: { ...overall, samples: all.length, delivered: deliveredTotal, expected: ROUNDS * SUBSCRIBERS },
    fanoutPerInstance: perInstanceAll.map((values) => stats(values)),
    duplicates: subscribers.reduce((n, s) => n + s.duplicates, 0),
    post,
    notify: stats(notifies),
    mail: {
      postWithMailer: mailPost,
      fanoutWithMailer: stats(mailFanout),
      queued: queuedTotal,
      queuedPerSecond: Math.round(queuedTotal / (queueMsTotal / 1000)),
      sent: sentTotal,
      smtpReceived: sink.stats.messages,
      smtpConnections: sink.stats.connections,
      unsent,
    },
  };
  fanoutRows.push({
    mailer: "off",
    round: "all",
    "POST ms": post.p50,
    "NOTIFY ms": stats(notifies).p50,
    delivered: deliveredTotal,
    "first ms": overall.min,
    "p50 ms": overall.p50,
    "p99 ms": overall.p99,
    "max ms": overall.max,
    ...Object.fromEntries(perInstanceAll.map((values, i) => [`p50 ms inst ${i + 1}`, stats(values).p50])),
  });
  const withMail = stats(mailFanout);
  fanoutRows.push({
    mailer: "SMTP",
    round: `all (${mailPosts.length})`,
    "POST ms": mailPost.p50,
    "NOTIFY ms": stats(mailNotifies).p50,
    delivered: mailFanout.length,
    "first ms": withMail.min,
    "p50 ms": withMail.p50,
    "p99 ms": withMail.p99,
    "max ms": withMail.max,
  });
} finally {
  await notifyListener?.end();
  for (const s of subscribers) s.request.destroy();
  agent.destroy();
  for (const app of apps) await app.close();
  for (const db of databases) await db.close();
  await sink?.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

console.log(
  `Fan-out of an urgent warning to ${SUBSCRIBERS} SSE subscribers on ${INSTANCES} instances, ms since the POST was sent` +
    " (NOTIFY: the batch's NOTIFY reached a listener, i.e. commit; in the 'all' rows POST and NOTIFY are medians)",
);
console.table(fanoutRows);
console.log("Urgent e-mail: queued by the notify path, drained to a local SMTP server");
console.table(mailRows);
const file = path.join(import.meta.dirname, "results", `fanout-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(
  file,
  JSON.stringify({ date: new Date().toISOString(), postgres: true, ...summary, rows: fanoutRows, mailRows }, null, 2),
);
console.log(`Written ${path.relative(process.cwd(), file)}`);
