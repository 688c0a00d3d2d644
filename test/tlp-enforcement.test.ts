// The heart: over many random exchanges, the HTTP API (feed, item, search), the repository
// predicate and row-level security alone each return exactly what the reference policy allows.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Database } from "../src/server/db/database.js";
import { listReadableItems } from "../src/server/repositories/items.repository.js";
import { type Audience, audienceProblem, canRead, type ExchangeFacts, type MemberStatus } from "../src/shared/policy.js";
import { TLP_LABELS, type TlpLabel } from "../src/shared/tlp.js";
import { testApp } from "./support/app.js";
import {
  acceptDocuments,
  buildGroup,
  buildItem,
  buildOrganisation,
  buildPerson,
  buildToken,
  clearExchange,
  publishDocuments,
} from "./support/builders.js";
import { testBackends } from "./support/databases.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 30);
const status = fc.constantFrom<MemberStatus>("active", "active", "active", "active", "suspended", "left", "invited");
const acceptance = fc.constantFrom("current", "current", "current", "previous", "half", "none");
const indices = (max: number) => fc.array(fc.nat(), { maxLength: max });

const exchangeArb = fc.record({
  organisations: fc.array(status, { minLength: 2, maxLength: 4 }),
  persons: fc.array(fc.record({ organisation: fc.nat(), status, acceptance }), { minLength: 3, maxLength: 8 }),
  groups: fc.array(fc.record({ persons: indices(3), organisations: indices(2) }), { maxLength: 3 }),
  items: fc.array(
    fc.record({
      author: fc.nat(),
      tlp: fc.constantFrom(...TLP_LABELS),
      exchange: fc.boolean(),
      organisations: indices(2),
      groups: indices(2),
      persons: indices(3),
    }),
    { minLength: 1, maxLength: 10 },
  ),
});
type ExchangeSpec = typeof exchangeArb extends fc.Arbitrary<infer T> ? T : never;

/** Makes a generated audience valid for its label, as the API would insist. */
function fitAudience(tlp: TlpLabel, audience: Audience, fallbackPerson: string): Audience {
  let a = { ...audience };
  if (tlp === "TLP:RED")
    a = { exchange: false, organisations: [], groups: [], persons: a.persons.length ? a.persons : [fallbackPerson] };
  if (tlp === "TLP:AMBER" || tlp === "TLP:AMBER+STRICT") a = { ...a, persons: [] };
  if (a.exchange) a = { exchange: true, organisations: [], groups: [], persons: [] };
  if (!a.exchange && a.organisations.length + a.groups.length + a.persons.length === 0) a = { ...a, exchange: true };
  assert.equal(audienceProblem(tlp, a), null);
  return a;
}

async function materialise(db: Database, spec: ExchangeSpec) {
  await clearExchange(db);
  const previous = await publishDocuments(db);
  const current = await publishDocuments(db);
  const orgIds: string[] = [];
  const facts = { organisations: new Map(), persons: new Map(), groups: new Map() } satisfies ExchangeFacts;
  for (const s of spec.organisations) {
    const id = await buildOrganisation(db, { status: s });
    orgIds.push(id);
    facts.organisations.set(id, { status: s });
  }
  const persons: { id: string; token: string }[] = [];
  for (const p of spec.persons) {
    const organisationId = orgIds[p.organisation % orgIds.length] as string;
    const { id } = await buildPerson(db, { organisationId, status: p.status });
    if (p.acceptance === "current") await acceptDocuments(db, id, current);
    if (p.acceptance === "previous") await acceptDocuments(db, id, previous);
    if (p.acceptance === "half") await acceptDocuments(db, id, current.slice(0, 1));
    facts.persons.set(id, { organisationId, status: p.status, acceptedCurrentDocuments: p.acceptance === "current" });
    persons.push({ id, token: await buildToken(db, id) });
  }
  const pick = <T>(list: T[], picks: number[]) => [...new Set(picks.map((i) => list[i % list.length] as T))];
  const groupIds: string[] = [];
  for (const g of spec.groups) {
    const members = {
      persons: pick(
        persons.map((p) => p.id),
        g.persons,
      ),
      organisations: pick(orgIds, g.organisations),
    };
    const id = await buildGroup(db, members);
    groupIds.push(id);
    facts.groups.set(id, members);
  }
  const items: { id: string; content: Parameters<typeof canRead>[1] }[] = [];
  for (const [n, it] of spec.items.entries()) {
    const author = persons[it.author % persons.length] as { id: string };
    const authorOrganisationId = facts.persons.get(author.id)?.organisationId as string;
    const audience = fitAudience(
      it.tlp,
      {
        exchange: it.exchange,
        organisations: pick(orgIds, it.organisations),
        groups: groupIds.length ? pick(groupIds, it.groups) : [],
        persons: pick(
          persons.map((p) => p.id),
          it.persons,
        ),
      },
      author.id,
    );
    const id = await buildItem(db, {
      authorId: author.id,
      authorOrganisationId,
      tlp: it.tlp,
      audience,
      title: `zebra report ${n}`,
    });
    items.push({ id, content: { tlp: it.tlp, authorId: author.id, authorOrganisationId, audience } });
  }
  return { facts, persons, items };
}

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
        fc.asyncProperty(exchangeArb, async (spec) => {
          const { facts, persons, items } = await materialise(db, spec);
          for (const viewer of persons) {
            const expected = new Set(items.filter((i) => canRead(viewer.id, i.content, facts)).map((i) => i.id));
            const sorted = (ids: Iterable<string>) => [...ids].sort();

            // Layer 1: the repository's predicate.
            const viaPredicate = await db.asViewer(viewer.id, (trx) => listReadableItems(trx, { limit: 1000 }));
            assert.deepEqual(sorted(viaPredicate.map((r) => r.id)), sorted(expected), "repository predicate");

            // Layer 2: a query that forgets the predicate, run as the application role.
            const bare = await db.asViewer(viewer.id, (trx) => sql<{ id: string }>`SELECT id FROM items`.execute(trx));
            assert.deepEqual(sorted(bare.rows.map((r) => r.id)), sorted(expected), "row-level security alone");

            const headers = { authorization: `Bearer ${viewer.token}` };
            const feed = await app.inject({ method: "GET", url: "/api/items?limit=200", headers });
            const active =
              facts.persons.get(viewer.id)?.status === "active" &&
              facts.organisations.get(facts.persons.get(viewer.id)?.organisationId)?.status === "active";
            if (!active) {
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
        { numRuns: RUNS },
      );
    });
  });
}
