// CLI commands that run or prepare a server: serve, demo, migrate, backup, restore.
import type { Command } from "commander";
import { backup, restore } from "../server/backup.js";
import { loadConfig } from "../server/config.js";
import { Database } from "../server/db/database.js";
import { DEMO_PASSWORD } from "../server/demo/demo-data.js";
import { DEMO_NOT_ACCEPTED, demoLogins, isEmpty, seedDemo } from "../server/demo/seed.js";
import { openDatabase, pgliteDir, productionDeps, startServer } from "../server/runtime.js";
import { issueSetupToken } from "../server/services/bootstrap.service.js";
import { demoTotpCode } from "./demo-totp.js";

function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(0));
    });
  }
}

/** Registers serve, demo, migrate, backup and restore. */
export function registerServerCommands(program: Command): void {
  program
    .command("serve")
    .description("Start the exchange (PGlite in ROUNDTABLE_DATA_DIR, or PostgreSQL at DATABASE_URL)")
    .action(async () => {
      const config = loadConfig();
      const db = await openDatabase(config);
      const deps = productionDeps(config, db);
      const server = await startServer(deps);
      stopOnSignals(server.stop);
      const token = await issueSetupToken(deps);
      console.log(
        `Roundtable is listening on ${server.url} (${db.kind === "pglite" ? `PGlite in ${pgliteDir(config)}` : "PostgreSQL"})`,
      );
      if (token) {
        console.log("\nThis exchange has no secretariat yet. Create the first secretariat account, once, at:");
        console.log(`  ${config.publicUrl}/setup?token=${token}`);
        console.log("(The link works once; `roundtable admin setup-link` prints a new one.)\n");
      }
    });

  const demo = program
    .command("demo")
    .description("Start a seeded demo exchange on the embedded database")
    .action(async () => {
      const config = loadConfig();
      const db = await openDatabase(config, true);
      if (await isEmpty(db)) {
        const seeded = await seedDemo(db);
        console.log(`Seeded the demo exchange: ${seeded.persons} persons, ${seeded.items} items.`);
      }
      const server = await startServer(productionDeps(config, db));
      stopOnSignals(server.stop);
      const logins = demoLogins();
      const pick = (role: string) => logins.filter((l) => l.role === role);
      console.log(`
Roundtable demo exchange is running: ${config.publicUrl}
Every demo account's password: ${DEMO_PASSWORD}

  Secretariat     ${pick("secretariat")[0]?.email}   (second factor: npx roundtable demo totp <e-mail>)
  Industry chair  ${pick("chair").find((c) => c.seat === "industry")?.email}
  Public chair    ${pick("chair").find((c) => c.seat === "public")?.email}
  Members         anna@nordgrid.example (energy), ben@telenova.example (telecom),
                  tilde@resilience.example (academia), ${DEMO_NOT_ACCEPTED} (has not accepted the NDA)
  All accounts    npx roundtable demo logins

API docs: ${config.publicUrl}/api/docs   Stop with Ctrl+C. Data: ${pgliteDir(config, true)}
`);
    });

  demo
    .command("totp <email>")
    .description("Print the current TOTP code of a demo account (chairs and secretariat)")
    .action(async (email: string) => {
      console.log(demoTotpCode(email));
    });

  demo
    .command("logins")
    .description("List every demo account")
    .action(() => {
      for (const l of demoLogins()) console.log(`${l.email.padEnd(44)} ${l.role.padEnd(12)} ${l.organisation}`);
    });

  program
    .command("migrate")
    .description("Apply pending database migrations and exit")
    .action(async () => {
      const config = loadConfig();
      const db = await Database.open({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
      const ran = await db.migrate();
      console.log(ran.length ? `Applied migrations ${ran.join(", ")}.` : "The database is up to date.");
      await db.close();
    });

  program
    .command("backup <file>")
    .description("Write a consistent snapshot of the exchange to a file (gzipped JSON)")
    .action(async (file: string) => {
      const config = loadConfig();
      const db = await openDatabase(config);
      const counts = await backup(db, file);
      await db.close();
      console.log(`Backup written to ${file}: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows.`);
    });

  program
    .command("restore <file>")
    .description("Restore a backup into an empty data folder or database")
    .action(async (file: string) => {
      const config = loadConfig();
      const db = await openDatabase(config);
      const counts = await restore(db, file);
      await db.close();
      console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}.`);
    });
}
