// Starting a Roundtable process: configuration → database → migrations → HTTP server.
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "./app.js";
import type { Config } from "./config.js";
import type { Deps } from "./context.js";
import { Database } from "./db/database.js";
import { Scheduler, standardJobs } from "./jobs/scheduler.js";
import { createMailer } from "./mail/mailer.js";

/** Where PGlite keeps its files inside the data folder (the demo has its own). */
export function pgliteDir(config: Config, demo = false): string {
  return path.join(config.dataDir, demo ? "demo-pglite" : "pglite");
}

/** Opens the configured database and applies pending migrations. */
export async function openDatabase(config: Config, demo = false): Promise<Database> {
  const db = await Database.open({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config, demo) });
  await db.migrate();
  return db;
}

/** The production dependencies for a configuration and an open database. */
export function productionDeps(config: Config, db: Database): Deps {
  return { config, db, mailer: createMailer(config.smtpUrl, config.mailFrom), clock: () => new Date() };
}

/** Builds the app and listens; returns it with a function that stops everything. */
export async function startServer(
  deps: Deps,
  options: AppOptions = {},
): Promise<{ app: FastifyInstance; url: string; stop: () => Promise<void> }> {
  const app = await buildApp(deps, options);
  await app.listen({ port: deps.config.port, host: deps.config.host });
  const scheduler = new Scheduler(
    deps,
    standardJobs(deps.config.digestHourUtc, deps.config.federationIntervalMs),
    deps.config.jobsIntervalMs,
    (error) => app.log.error({ err: error }, "scheduled work failed"),
  );
  await scheduler.start();
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : deps.config.port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await scheduler.stop();
    await app.close();
    deps.mailer.close?.();
    await deps.db.close();
  };
  return { app, url: `http://${deps.config.host === "0.0.0.0" ? "localhost" : deps.config.host}:${port}`, stop };
}
