// The `roundtable` command as scripts use it: persons as JSON, a token on stdout, audit verify,
// backup and restore, and a clear refusal of bad configuration.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { seedDemo } from "../src/server/demo/seed.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { testBackends } from "./support/databases.js";

const BIN = path.resolve(import.meta.dirname, "../bin/roundtable.mjs");

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it("refuses a bad configuration value with a message naming it", () => {
  const r = run(["migrate"], { PORT: "eighty", DATABASE_URL: "" });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /PORT/);
});

for (const backend of testBackends()) {
  describe(`CLI on ${backend.name}`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-cli-"));
    let env: Record<string, string>;
    let db: Database | undefined;
    // PGlite admits one process at a time, so the test closes its handle while the CLI runs.
    const open = async () => (backend.name === "pglite" ? Database.openPGlite(path.join(dataDir, "pglite")) : (db as Database));
    const release = async (d: Database) => {
      if (backend.name === "pglite") await d.close();
    };

    before(async () => {
      if (backend.name === "postgres") {
        db = await backend.open();
        // The backend created a fresh database; point the CLI at it.
        const current = await db.kysely
          .selectNoFrom((eb) => eb.fn<string>("current_database").as("name"))
          .executeTakeFirstOrThrow();
        const target = new URL(process.env.DATABASE_URL as string);
        target.pathname = `/${current.name}`;
        env = { DATABASE_URL: target.toString(), ROUNDTABLE_DATA_DIR: dataDir };
        await seedDemo(db);
      } else {
        env = { DATABASE_URL: "", ROUNDTABLE_DATA_DIR: dataDir };
        const d = await open();
        await d.migrate();
        await seedDemo(d);
        await release(d);
      }
    });
    after(async () => {
      if (backend.name === "postgres") await backend.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("admin persons --json lists id, e-mail, organisation, role and status", () => {
      const r = run(["admin", "persons", "--json"], env);
      assert.equal(r.code, 0, r.stderr);
      const persons = JSON.parse(r.stdout);
      assert.equal(persons.length, 55);
      const anna = persons.find((p: { email: string }) => p.email === "anna@nordgrid.example");
      assert.deepEqual(Object.keys(anna).sort(), ["email", "id", "organisation", "role", "status"]);
      assert.equal(anna.organisation, "Nordgrid Transmission");
      assert.equal(persons.find((p: { email: string }) => p.email === "chair.public@centralbank.example").role, "chair");
    });

    it("admin token create prints only a working token", async () => {
      const r = run(["admin", "token", "create", "--email", "anna@nordgrid.example", "--expires-days", "7"], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^rt_[A-Za-z0-9_-]+\n$/);
      const d = await open();
      const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
      const app = await buildApp(
        { config, db: d, mailer: createMailer(undefined, ""), clock: () => new Date() },
        { logger: false },
      );
      const res = await app.inject({ url: "/api/items", headers: { authorization: `Bearer ${r.stdout.trim()}` } });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().items.length > 0);
      await app.close();
      await release(d);
      const bad = run(["admin", "token", "create", "--email", "nobody@x.example"], env);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /No person/);
    });

    it("jobs run does what is due once; jobs list shows when each job runs next", () => {
      const first = run(["jobs", "run"], env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /Ran: action-reminders, action-escalations, warning-escalations, measure-reviews, federation\./);
      const second = run(["jobs", "run"], env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /Nothing was due\./);
      const list = run(["jobs", "list"], env);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /daily-digest\s+next \S+T07:00:00\.000Z\s+last never/);
      assert.match(list.stdout, /E-mail waiting to be sent: 0/);
    });

    it("audit verify passes, then reports the first broken link after tampering", async () => {
      const ok = run(["audit", "verify"], env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /intact/);
      const d = await open();
      await d.exec(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'forged' WHERE seq = 1; ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update",
      );
      await release(d);
      const broken = run(["audit", "verify"], env);
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /BROKEN at entry 1/);
    });

    it("backup and restore into an empty data folder reproduce the exchange", () => {
      const file = path.join(dataDir, "backup.json.gz");
      const b = run(["backup", file], env);
      assert.equal(b.code, 0, b.stderr);
      const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-restore-"));
      const target = { DATABASE_URL: "", ROUNDTABLE_DATA_DIR: emptyDir };
      const r = run(["restore", file], target);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        JSON.parse(run(["admin", "persons", "--json"], target).stdout),
        JSON.parse(run(["admin", "persons", "--json"], env).stdout),
      );
      const again = run(["restore", file], target);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /not empty/);
      fs.rmSync(emptyDir, { recursive: true, force: true });
    });
  });
}
