// Builds the real app over a test database, with a controllable clock and optional mailer.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import type { Deps } from "../../src/server/context.js";
import type { Database } from "../../src/server/db/database.js";
import { createMailer, type Mailer } from "../../src/server/mail/mailer.js";

/** A clock tests can move. */
export class TestClock {
  constructor(public now = new Date("2026-11-01T09:00:00.000Z")) {}
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
  readonly fn = () => new Date(this.now.getTime());
}

/** App and dependencies for one test file. */
export async function testApp(db: Database, options: { mailer?: Mailer; clock?: TestClock } = {}) {
  const clock = options.clock ?? new TestClock();
  const config = loadConfig({ PORT: "0", ROUNDTABLE_PUBLIC_URL: "http://roundtable.test", LOG_LEVEL: "silent" });
  const deps: Deps = { config, db, mailer: options.mailer ?? createMailer(undefined, config.mailFrom), clock: clock.fn };
  const app: FastifyInstance = await buildApp(deps, { logger: false, rateLimitMax: 100_000, loginsPerMinute: 10_000 });
  // The SMTP transport pools connections; close them with the app so the test process can end.
  app.addHook("onClose", async () => deps.mailer.close?.());
  return { app, deps, clock };
}
