// Derived content under the same policy: over random exchanges, threads, attachments, versions,
// links, search through comments and facet counts each show exactly what the reference allows —
// over HTTP, and under row-level security alone.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Database } from "../src/server/db/database.js";
import * as collab from "../src/server/repositories/collaboration.repository.js";
import { readableVersions } from "../src/server/repositories/items.repository.js";
import { canRead, canReadChain } from "../src/shared/policy.js";
import { testApp } from "./support/app.js";
import { predicateOnly, testBackends } from "./support/databases.js";
import { type Derived, exchangeArbitrary, isActive, materialise } from "./support/random-exchange.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 25);
const sorted = (ids: Iterable<string>) => [...ids].sort();

for (const backend of testBackends()) {
  describe(`TLP on derived content on ${backend.name}`, () => {
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

    it("threads, attachments, versions, links, search and facets agree with the reference", async () => {
      await fc.assert(
        fc.asyncProperty(exchangeArbitrary(true), async (spec) => {
          const ex = await materialise(db, spec);
          for (const viewer of ex.persons) {
            const allowed = (list: Derived[]) =>
              new Set(list.filter((d) => canReadChain(viewer.id, d.chain, ex.facts)).map((d) => d.id));
            const rls = async (query: string) =>
              (await db.asViewer(viewer.id, (trx) => sql<{ id: string }>`${sql.raw(query)}`.execute(trx))).rows.map((r) => r.id);

            // Layer 1 alone: the repositories' predicates, as the owner (no RLS).
            for (const item of ex.items) {
              const own = (list: Derived[]) =>
                sorted([...allowed(list)].filter((id) => list.find((d) => d.id === id)?.itemId === item.id));
              const byPredicate = await predicateOnly(db, viewer.id, async (trx) => ({
                comments: (await collab.readableComments(trx, item.id)).map((c) => c.id),
                attachments: (await collab.readableAttachments(trx, item.id)).map((a) => a.id),
                versions: (await readableVersions(trx, item.id))
                  .filter((v) => v.version >= 100)
                  .map((v) => `${item.id}#${v.version}`),
              }));
              assert.deepEqual(sorted(byPredicate.comments), own(ex.comments), "comments by predicate");
              assert.deepEqual(sorted(byPredicate.attachments), own(ex.attachments), "attachments by predicate");
              assert.deepEqual(sorted(byPredicate.versions), own(ex.versions), "versions by predicate");
            }

            // Layer 2 alone: row-level security, with no predicate in the query.
            assert.deepEqual(sorted(await rls("SELECT id FROM comments")), sorted(allowed(ex.comments)), "comments under RLS");
            assert.deepEqual(
              sorted(await rls("SELECT id FROM attachments")),
              sorted(allowed(ex.attachments)),
              "attachments under RLS",
            );
            assert.deepEqual(
              sorted(await rls("SELECT item_id || '#' || version AS id FROM item_versions WHERE version >= 100")),
              sorted(allowed(ex.versions)),
              "versions under RLS",
            );
            assert.deepEqual(sorted(await rls("SELECT id FROM item_links")), sorted(allowed(ex.links)), "links under RLS");
            if (!isActive(ex.facts, viewer.id)) continue;

            const headers = { authorization: `Bearer ${viewer.token}` };
            const get = async (url: string) => {
              const res = await app.inject({ url, headers });
              return { status: res.statusCode, body: res.json() };
            };
            const readableItems = ex.items.filter((i) => canRead(viewer.id, i.content, ex.facts));
            for (const item of ex.items) {
              const readable = readableItems.includes(item);
              const mine = (list: Derived[]) =>
                sorted([...allowed(list)].filter((id) => list.find((d) => d.id === id)?.itemId === item.id));
              const comments = await get(`/api/items/${item.id}/comments`);
              if (!readable) {
                assert.equal(comments.status, 404, "an unreadable item's thread does not exist");
                assert.equal((await get(`/api/items/${item.id}/attachments`)).status, 404);
                continue;
              }
              assert.deepEqual(sorted(comments.body.comments.map((c: { id: string }) => c.id)), mine(ex.comments), "HTTP thread");
              const attachments = (await get(`/api/items/${item.id}/attachments`)).body.attachments;
              assert.deepEqual(sorted(attachments.map((a: { id: string }) => a.id)), mine(ex.attachments), "HTTP attachments");
              const versions = (await get(`/api/items/${item.id}/versions`)).body.versions;
              assert.deepEqual(
                sorted(versions.map((v: { version: number }) => `${item.id}#${v.version}`)),
                mine(ex.versions),
                "HTTP versions",
              );
              const links = (await get(`/api/items/${item.id}/links`)).body.links as { id: string }[];
              const expectedLinks = ex.links.filter(
                (l) => l.chain.every((c) => canRead(viewer.id, c, ex.facts)) && l.chain.some((c) => c === item.content),
              );
              assert.deepEqual(sorted(links.map((l) => l.id)), sorted(expectedLinks.map((l) => l.id)), "HTTP links");
              const feedEntry = (await get("/api/items?limit=200")).body.items.find((i: { id: string }) => i.id === item.id);
              assert.equal(feedEntry.comments, mine(ex.comments).length, "comment count");
            }

            // Search through comments and attachment names finds only what is readable.
            const viaComment = new Set(
              ex.comments.filter((c) => canReadChain(viewer.id, c.chain, ex.facts)).map((c) => c.itemId),
            );
            const viaAttachment = new Set(
              ex.attachments.filter((a) => canReadChain(viewer.id, a.chain, ex.facts)).map((a) => a.itemId),
            );
            const quokka = (await get("/api/search?q=quokka&limit=100")).body;
            assert.deepEqual(sorted(quokka.results.map((r: { id: string }) => r.id)), sorted(viaComment), "search via comments");
            assert.equal(quokka.total, viaComment.size);
            const wombat = (await get("/api/search?q=wombat&limit=100")).body;
            assert.deepEqual(
              sorted(wombat.results.map((r: { id: string }) => r.id)),
              sorted(viaAttachment),
              "search via attachment names",
            );

            // Facet counts cover readable items only.
            const zebra = (await get("/api/search?q=zebra&limit=100")).body;
            const byLabel = new Map<string, number>();
            for (const i of readableItems) byLabel.set(i.content.tlp, (byLabel.get(i.content.tlp) ?? 0) + 1);
            assert.deepEqual(
              Object.fromEntries(zebra.facets.tlp.map((f: { value: string; count: number }) => [f.value, f.count])),
              Object.fromEntries(byLabel),
              "label facet",
            );
          }
        }),
        // Report the first counterexample without shrinking: each run rebuilds a whole exchange.
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  });
}
