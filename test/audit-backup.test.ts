// The audit chain detects tampering; a backup restores the whole exchange, chain included.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { backup, restore } from "../src/server/backup.js";
import { Database } from "../src/server/db/database.js";
import { seedDemo } from "../src/server/demo/seed.js";
import { appendAudit, verifyChain } from "../src/server/repositories/audit.repository.js";
import { testBackends } from "./support/databases.js";

for (const backend of testBackends()) {
  describe(`audit chain and backup on ${backend.name}`, () => {
    let db: Database;
    before(async () => {
      db = await backend.open();
      await seedDemo(db, new Date("2026-11-01T00:00:00.000Z"));
      await db.asOwner(async (trx) => {
        for (let i = 0; i < 5; i++) {
          await appendAudit(trx, {
            at: new Date(),
            actorId: null,
            organisationId: null,
            category: "admin",
            action: `test.${i}`,
            details: { n: i, z: "x", a: true },
          });
        }
      });
    });
    after(() => backend.dispose());

    it("verifies an intact chain", async () => {
      const report = await verifyChain(db.kysely);
      assert.equal(report.firstBroken, null);
      assert.equal(report.entries, 6);
    });

    it("refuses updates and deletes of audit entries", async () => {
      await assert.rejects(db.exec("UPDATE audit_log SET action = 'x' WHERE seq = 2"), /append-only/);
      await assert.rejects(db.exec("DELETE FROM audit_log WHERE seq = 2"), /append-only/);
      await assert.rejects(
        db.asViewer(null, (trx) => sql`DELETE FROM audit_log`.execute(trx)),
        /permission denied|append-only/,
      );
    });

    it("backs up and restores into an empty database with identical content and an intact chain", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rt-backup-")), "exchange.json.gz");
      const counts = await backup(db, file);
      assert.equal(counts.items, 113, "the demo's 36 items, 72 of history, 2 measures and 3 from federation");
      assert.equal(counts.measures, 2);
      assert.equal(counts.service_dependencies, 6);
      assert.equal(counts.meetings, 5);
      const target = await Database.openPGlite(undefined);
      await target.migrate();
      await restore(target, file);
      for (const table of [
        "organisations",
        "persons",
        "items",
        "audit_log",
        "document_acceptances",
        "working_group_members",
      ] as const) {
        const a = await db.kysely.selectFrom(table).selectAll().execute();
        const b = await target.kysely.selectFrom(table).selectAll().execute();
        const key = (r: object) => JSON.stringify(r);
        assert.deepEqual(b.map(key).sort(), a.map(key).sort(), table);
      }
      assert.equal((await verifyChain(target.kysely)).firstBroken, null);
      await assert.rejects(restore(target, file), /not empty/);
      await target.close();
    });

    it("reports the first broken link after tampering", async () => {
      // A database superuser can bypass the trigger; the chain still gives it away.
      await db.exec(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{\"n\":99}' WHERE seq = 4; ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update",
      );
      const report = await verifyChain(db.kysely);
      assert.deepEqual(report.firstBroken, { seq: 4, reason: "content does not match its hash" });
      assert.equal(report.entries, 3);
    });
  });
}
