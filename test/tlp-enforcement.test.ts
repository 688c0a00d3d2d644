// The heart: over many random exchanges, the HTTP API (feed, item, search), the repository
// predicate and row-level security alone each return exactly what the reference policy allows.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Database } from "../src/server/db/database.js";
import { listReadableItems } from "../src/server/repositories/items.repository.js";
import { canRead } from "../src/shared/policy.js";
import { testApp } from "./support/app.js";
import { predicateOnly, testBackends } from "./support/databases.js";
import { exchangeArbitrary, isActive, materialise } from "./support/random-exchange.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 30);

for (const backend of testBackends()) {
  describe(`TLP enforcement on ${backend.name}`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>["app"];
    before(async () => {
      db = await backend.open();
      ({ app } = await testApp(db));
    });
    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("feed, item, search, the bare predicate and RLS alone all agree with the reference on random exchanges", async () => {
      await fc.assert(
        fc.asyncProperty(exchangeArbitrary(), async (spec) => {
          const { facts, persons, items } = await materialise(db, spec);
          for (const viewer of persons) {
            const expected = new Set(items.filter((i) => canRead(viewer.id, i.content, facts)).map((i) => i.id));
            const sorted = (ids: Iterable<string>) => [...ids].sort();

            // Layer 1 on its own: the repository's predicate, run as the owner so RLS does not apply.
            const viaPredicate = await predicateOnly(db, viewer.id, (trx) => listReadableItems(trx, { limit: 1000 }));
            assert.deepEqual(sorted(viaPredicate.map((r) => r.id)), sorted(expected), "repository predicate");

            // Layer 2: a query that forgets the predicate, run as the application role.
            const bare = await db.asViewer(viewer.id, (trx) => sql<{ id: string }>`SELECT id FROM items`.execute(trx));
            assert.deepEqual(sorted(bare.rows.map((r) => r.id)), sorted(expected), "row-level security alone");

            const headers = { authorization: `Bearer ${viewer.token}` };
            const feed = await app.inject({ method: "GET", url: "/api/items?limit=200", headers });
            if (!isActive(facts, viewer.id)) {
              assert.ok([401, 403].includes(feed.statusCode), `inactive viewer refused, got ${feed.statusCode}`);
              continue;
            }
            assert.equal(feed.statusCode, 200);
            assert.deepEqual(sorted(feed.json().items.map((i: { id: string }) => i.id)), sorted(expected), "HTTP feed");

            for (const item of items) {
              const one = await app.inject({ method: "GET", url: `/api/items/${item.id}`, headers });
              assert.equal(one.statusCode, expected.has(item.id) ? 200 : 404, `HTTP item ${item.content.tlp}`);
            }
            const search = await app.inject({ method: "GET", url: "/api/search?q=zebra&limit=100", headers });
            assert.equal(search.statusCode, 200);
            assert.equal(search.json().total, expected.size, "search count");
            assert.deepEqual(sorted(search.json().results.map((i: { id: string }) => i.id)), sorted(expected), "HTTP search");
          }
        }),
        // Report the first counterexample without shrinking: each run rebuilds a whole exchange.
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  });
}
