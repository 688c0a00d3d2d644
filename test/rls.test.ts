// Row-level security on its own: queries that forget the TLP predicate, run as the application
// role, still see, change and add nothing the policy forbids.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import type { Database } from "../src/server/db/database.js";
import { acceptDocuments, buildItem, buildOrganisation, buildPerson, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";

for (const backend of testBackends()) {
  describe(`row-level security on ${backend.name}`, () => {
    let db: Database;
    let a: string;
    let b: string;
    let alice: string;
    let bob: string;
    let red: string;
    let amber: string;

    before(async () => {
      db = await backend.open();
      const orgA = await buildOrganisation(db);
      const orgB = await buildOrganisation(db);
      alice = (await buildPerson(db, { organisationId: orgA })).id;
      bob = (await buildPerson(db, { organisationId: orgB })).id;
      const docs = await publishDocuments(db);
      await acceptDocuments(db, alice, docs);
      await acceptDocuments(db, bob, docs);
      a = orgA;
      b = orgB;
      red = await buildItem(db, {
        authorId: alice,
        authorOrganisationId: a,
        tlp: "TLP:RED",
        audience: { persons: [alice] },
        title: "red secret",
      });
      amber = await buildItem(db, {
        authorId: alice,
        authorOrganisationId: a,
        tlp: "TLP:AMBER",
        audience: { organisations: [a] },
      });
      await buildItem(db, { authorId: alice, authorOrganisationId: a, tlp: "TLP:GREEN", audience: { exchange: true } });
    });
    after(() => backend.dispose());

    it("a bare SELECT sees only what the viewer may read", async () => {
      const asBob = await db.asViewer(bob, (trx) => sql<{ tlp: string }>`SELECT tlp FROM items`.execute(trx));
      assert.deepEqual(
        asBob.rows.map((r) => r.tlp),
        ["TLP:GREEN"],
      );
      const count = await db.asViewer(bob, (trx) =>
        sql<{ n: number }>`SELECT count(*)::int AS n FROM items WHERE title LIKE '%secret%'`.execute(trx),
      );
      assert.equal(count.rows[0]?.n, 0);
      const nobody = await db.asViewer(null, (trx) => sql`SELECT id FROM items`.execute(trx));
      assert.equal(nobody.rows.length, 0);
    });

    it("a bare UPDATE by another organisation changes nothing", async () => {
      const updated = await db.asViewer(bob, (trx) =>
        sql`UPDATE items SET tlp = 'TLP:CLEAR', audience_exchange = true, audience_persons = '{}'`.execute(trx),
      );
      assert.equal(
        Number(updated.numAffectedRows ?? 0),
        0,
        "Bob sees the GREEN item but only its originating organisation may update it",
      );
      const labels = await db.kysely.selectFrom("items").select(["id", "tlp"]).execute();
      assert.equal(labels.find((r) => r.id === red)?.tlp, "TLP:RED");
      assert.equal(labels.find((r) => r.id === amber)?.tlp, "TLP:AMBER");
    });

    it("refuses an INSERT in someone else's name", async () => {
      await assert.rejects(
        db.asViewer(bob, (trx) =>
          sql`INSERT INTO items (id, kind, title, body, tlp, audience_exchange, author_id, author_organisation_id, created_at, updated_at)
              VALUES (gen_random_uuid(), 'threat', 'forged', '', 'TLP:CLEAR', true, ${alice}, ${a}, now(), now())`.execute(trx),
        ),
        /row-level security/,
      );
      assert.ok(b);
    });

    it("cannot delete items or rewrite the audit log as the application role", async () => {
      await assert.rejects(
        db.asViewer(alice, (trx) => sql`DELETE FROM items`.execute(trx)),
        /permission denied/,
      );
      await assert.rejects(
        db.asViewer(alice, (trx) => sql`UPDATE audit_log SET action = 'x'`.execute(trx)),
        /permission denied/,
      );
    });
  });
}
