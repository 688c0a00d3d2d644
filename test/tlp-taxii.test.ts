// TAXII under TLP: over many random exchanges, what the TAXII 2.1 server serves over real HTTP is
// exactly what the reference policies allow — to each person, per collection and across all of
// them (shared/policy.ts canRead ∩ the collection's scope), and to each peer exchange
// (shared/egress.ts mayLeaveFor). Expectations come from the references, never from SQL.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { loadConfig } from "../src/server/config.js";
import type { Database } from "../src/server/db/database.js";
import { TaxiiClient, TaxiiError } from "../src/server/federation/taxii-client.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { hashSecret, randomSecret } from "../src/server/security/secrets.js";
import { stixTypeOf, uuidFrom } from "../src/server/stix/to-stix.js";
import { mayLeaveFor } from "../src/shared/egress.js";
import { ITEM_KINDS, type ItemKind } from "../src/shared/kinds.js";
import { canRead, type ExchangeFacts, type ReadableContent } from "../src/shared/policy.js";
import { testBackends } from "./support/databases.js";
import { exchangeArbitrary, isActive, materialise } from "./support/random-exchange.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 20);
const T0 = new Date("2026-10-01T00:00:00.000Z");
const sorted = (ids: Iterable<string>) => [...ids].sort();
const REFERENCE_TYPES = new Set(["identity", "marking-definition", "extension-definition"]);

const taxiiArbitrary = fc.record({
  exchange: exchangeArbitrary(),
  // Per item (cycled): its kind (hence its STIX type) and whether its originator is anonymous.
  looks: fc.array(fc.record({ kind: fc.constantFrom(...ITEM_KINDS), anonymous: fc.boolean() }), { minLength: 1, maxLength: 10 }),
  peers: fc.array(
    fc.record({ steward: fc.nat(), partner: fc.boolean(), revoked: fc.constantFrom(false, false, false, false, true) }),
    { minLength: 1, maxLength: 3 },
  ),
  // Releases of items to peers; `amber` aims at an AMBER item when there is one (others must not leak).
  releases: fc.array(fc.record({ item: fc.nat(), peer: fc.nat(), amber: fc.boolean() }), { maxLength: 8 }),
  federated: fc.array(fc.record({ item: fc.nat(), peer: fc.nat() }), { maxLength: 4 }),
  limit: fc.constantFrom(1, 2, 3, 5, 1000),
  probe: fc.nat(),
});
type Spec = typeof taxiiArbitrary extends fc.Arbitrary<infer T> ? T : never;

interface Item {
  id: string;
  content: ReadableContent;
  kind: ItemKind;
  anonymous: boolean;
  federatedFrom: string | null;
  releasedTo: string[];
}
interface Peer {
  id: string;
  token: string;
  partner: boolean;
  revoked: boolean;
  stewardOrganisationId: string;
}

/** The random exchange, then kinds, anonymity, peers, releases and federated origins on top. */
async function build(db: Database, spec: Spec) {
  const ex = await materialise(db, spec.exchange);
  const items: Item[] = [];
  for (const [n, it] of ex.items.entries()) {
    const look = spec.looks[n % spec.looks.length]!;
    const details =
      look.kind === "indicator"
        ? { pattern: "[ipv4-addr:value = '198.51.100.7']", patternType: "stix", validFrom: "2026-10-01T00:00:00.000Z" }
        : {};
    await db.kysely
      .updateTable("items")
      .set({
        kind: look.kind,
        details,
        anonymous: look.anonymous,
        pseudonym: look.anonymous ? `Anonymous contributor ${it.id.slice(0, 6)}` : null,
      })
      .where("id", "=", it.id)
      .execute();
    items.push({ ...it, kind: look.kind, anonymous: look.anonymous, federatedFrom: null, releasedTo: [] });
  }
  const peers: Peer[] = [];
  for (const [n, p] of spec.peers.entries()) {
    const id = randomUUID();
    const prefix = `rtp_${randomSecret(6).slice(0, 8)}`;
    const token = `${prefix}_${randomSecret(32)}`;
    const steward = ex.persons[p.steward % ex.persons.length]!.id;
    await db.kysely
      .insertInto("federation_peers")
      .values({
        id,
        name: `Peer ${n} ${id.slice(0, 6)}`,
        api_root: "http://127.0.0.1:9/taxii2/api/",
        partner: p.partner,
        // Never pulled from or pushed to: the server's own scheduler must leave these peers alone.
        pull: false,
        push: false,
        inbound_prefix: prefix,
        inbound_token_hash: hashSecret(token),
        steward_id: steward,
        created_at: T0,
        revoked_at: p.revoked ? T0 : null,
      })
      .execute();
    const stewardOrganisationId = ex.facts.persons.get(steward)!.organisationId;
    peers.push({ id, token, partner: p.partner, revoked: p.revoked, stewardOrganisationId });
  }
  const amber = items.filter((i) => i.content.tlp === "TLP:AMBER");
  for (const r of spec.releases) {
    const pool = r.amber && amber.length ? amber : items;
    const item = pool[r.item % pool.length]!;
    const peer = peers[r.peer % peers.length]!;
    if (item.releasedTo.includes(peer.id)) continue;
    await db.kysely
      .insertInto("item_releases")
      .values({ item_id: item.id, peer_id: peer.id, released_by: item.content.authorId, released_at: T0 })
      .execute();
    item.releasedTo.push(peer.id);
  }
  for (const f of spec.federated) {
    const item = items[f.item % items.length]!;
    const peer = peers[f.peer % peers.length]!;
    await db.kysely.updateTable("items").set({ federated_from: peer.id }).where("id", "=", item.id).execute();
    item.federatedFrom = peer.id;
  }
  return { facts: ex.facts, persons: ex.persons, items, peers };
}

/** Every page of a collection: the item objects of each page (reference objects left out). */
async function fetchAll(client: TaxiiClient, root: string, collectionId: string, limit: number) {
  const pages: Record<string, unknown>[][] = [];
  for await (const page of client.allObjects(root, collectionId, { limit })) {
    pages.push((page.objects ?? []).filter((o) => !REFERENCE_TYPES.has(String(o.type))));
  }
  return { pages, objects: pages.flat() };
}

/** A call a refused principal makes: null when refused with 401 or 403, else the answer. */
async function unlessRefused<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof TaxiiError && (e.status === 401 || e.status === 403)) return null;
    throw e;
  }
}

const is404 = (e: unknown) => e instanceof TaxiiError && e.status === 404;

/** What differs between served and expected, with the facts needed to see why. */
function explain(served: Iterable<string>, expected: Iterable<string>, items: Item[], facts: ExchangeFacts, viewer?: string) {
  const s = new Set(served);
  const e = new Set(expected);
  const show = (id: string) => {
    const i = items.find((x) => x.id === id);
    if (!i) return `${id} (not an item of this exchange)`;
    const { tlp, audience, authorId, authorOrganisationId } = i.content;
    return JSON.stringify({
      id,
      tlp,
      audience,
      authorId,
      authorOrganisationId,
      federatedFrom: i.federatedFrom,
      releasedTo: i.releasedTo,
    });
  };
  const extra = [...s].filter((id) => !e.has(id)).map(show);
  const missing = [...e].filter((id) => !s.has(id)).map(show);
  const who = viewer ? { viewer, ...facts.persons.get(viewer) } : undefined;
  return `served but not allowed: ${extra.join("; ") || "none"}\nallowed but not served: ${missing.join("; ") || "none"}\nviewer: ${JSON.stringify(who)}\ngroups: ${JSON.stringify([...facts.groups])}`;
}

for (const backend of testBackends()) {
  describe(`TAXII under TLP and egress on ${backend.name}`, () => {
    let db: Database;
    let server: Awaited<ReturnType<typeof startServer>>;
    let root: string;
    const community = uuidFrom("collection:community");

    before(async () => {
      db = await backend.open();
      server = await startServer(
        {
          // Scheduled jobs run once at start (on the empty database) and then not for an hour.
          config: loadConfig({
            PORT: "0",
            LOG_LEVEL: "silent",
            ROUNDTABLE_JOBS_SECONDS: "3600",
            ROUNDTABLE_FEDERATION_MINUTES: "1440",
          }),
          db,
          mailer: createMailer(undefined, ""),
          clock: () => new Date(),
        },
        { logger: false, rateLimitMax: 10_000_000 },
      );
      root = `${server.url}/taxii2/api/`;
    });
    after(async () => {
      await server.stop();
      await backend.dispose();
    });

    /** Checks the served item objects of one collection: each once, with its type and pseudonym. */
    function itemIdsOf(objects: Record<string, unknown>[], items: Item[], where: string): string[] {
      const ids: string[] = [];
      for (const o of objects) {
        const [type, uuid] = String(o.id).split("--") as [string, string];
        const item = items.find((i) => i.id === uuid);
        assert.ok(item, `${where}: ${String(o.id)} is an item of this exchange`);
        assert.equal(type, stixTypeOf(item.kind), `${where}: the STIX type of a ${item.kind}`);
        if (item.anonymous) {
          assert.notEqual(o.created_by_ref, `identity--${item.content.authorOrganisationId}`, `${where}: anonymity kept`);
        }
        ids.push(uuid);
      }
      assert.equal(new Set(ids).size, ids.length, `${where}: no object served twice`);
      return ids;
    }

    it("serves each person exactly what the reference lets them read, per collection and across all of them", async () => {
      await fc.assert(
        fc.asyncProperty(taxiiArbitrary, async (spec) => {
          const { facts, persons, items, peers } = await build(db, spec);
          for (const viewer of persons) {
            const client = new TaxiiClient({ credentials: { bearer: viewer.token } });
            if (!isActive(facts, viewer.id)) {
              // (c) Refused at the door (401/403), or at most given nothing.
              const collections = await unlessRefused(client.collections(root));
              for (const c of collections ?? []) {
                const served = await unlessRefused(fetchAll(client, root, c.id, spec.limit));
                assert.deepEqual(served?.objects ?? [], [], `an inactive person is served nothing in ${c.title}`);
              }
              const direct = await unlessRefused(client.getObjects(root, community));
              assert.deepEqual(direct?.objects ?? [], [], "an inactive person is served nothing from the community");
              continue;
            }

            const organisationId = facts.persons.get(viewer.id)!.organisationId;
            const scopes = new Map<string, { name: string; holds: (c: ReadableContent) => boolean }>();
            scopes.set(community, { name: "community", holds: (c) => c.audience.exchange });
            scopes.set(uuidFrom(`collection:organisation:${organisationId}`), {
              name: "organisation",
              holds: (c) => c.authorOrganisationId === organisationId || c.audience.organisations.includes(organisationId),
            });
            for (const [groupId, g] of facts.groups) {
              if (g.persons.includes(viewer.id) || g.organisations.includes(organisationId)) {
                scopes.set(uuidFrom(`collection:group:${groupId}`), {
                  name: `group ${groupId}`,
                  holds: (c) => c.audience.groups.includes(groupId),
                });
              }
            }
            const me = uuidFrom(`collection:me:${viewer.id}`);
            scopes.set(me, { name: "me", holds: (c) => c.audience.persons.includes(viewer.id) });

            const collections = await client.collections(root);
            assert.deepEqual(sorted(collections.map((c) => c.id)), sorted(scopes.keys()), "the collections a person gets");
            assert.equal(collections[0]!.id, community);
            assert.equal(collections.at(-1)!.id, me);

            const readable = items.filter((i) => canRead(viewer.id, i.content, facts));
            const union = new Set<string>();
            for (const c of collections) {
              const scope = scopes.get(c.id)!;
              const where = `${scope.name} collection`;
              const { objects } = await fetchAll(client, root, c.id, spec.limit);
              const served = itemIdsOf(objects, items, where);
              // (b) Per collection: the reference ∩ the collection's scope.
              const expected = readable.filter((i) => scope.holds(i.content)).map((i) => i.id);
              assert.deepEqual(
                sorted(served),
                sorted(expected),
                `${where}\n${explain(served, expected, items, facts, viewer.id)}`,
              );
              for (const id of served) union.add(id);

              // (d) An item of this scope the person may not read does not exist for them.
              const hidden = items.filter((i) => scope.holds(i.content) && !readable.includes(i));
              const probe = hidden[spec.probe % Math.max(hidden.length, 1)];
              if (probe) {
                await assert.rejects(
                  client.getObject(root, c.id, `${stixTypeOf(probe.kind)}--${probe.id}`),
                  is404,
                  `${where}: GET of an unreadable ${probe.content.tlp} item is 404`,
                );
              }
            }
            // (a) Across all collections: the reference ∩ the union of the scopes.
            const everywhere = readable.filter((i) => [...scopes.values()].some((s) => s.holds(i.content))).map((i) => i.id);
            assert.deepEqual(sorted(union), sorted(everywhere), `all collections\n${explain(union, everywhere, items, facts)}`);

            // The community collection by object id, whatever the scope says: 404 for the unreadable.
            const unreadable = items.filter((i) => !readable.includes(i));
            const probe = unreadable[spec.probe % Math.max(unreadable.length, 1)];
            if (probe) {
              await assert.rejects(
                client.getObject(root, community, `${stixTypeOf(probe.kind)}--${probe.id}`),
                is404,
                `community: GET of an unreadable ${probe.content.tlp} item is 404`,
              );
            }
            // A peer's collection is no person's.
            await assert.rejects(
              client.getObjects(root, uuidFrom(`collection:peer:${peers[0]!.id}`)),
              is404,
              "no peer collection",
            );
          }
        }),
        // Report the first counterexample without shrinking: each run rebuilds a whole exchange.
        { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
      );
    });

    it("serves each peer exactly what the egress reference lets leave for it, and audits every page", async () => {
      await fc.assert(
        fc.asyncProperty(taxiiArbitrary, async (spec) => {
          const { facts, items, peers } = await build(db, spec);
          for (const peer of peers) {
            const client = new TaxiiClient({ credentials: { bearer: peer.token } });
            if (peer.revoked) {
              await assert.rejects(
                client.collections(root),
                (e: unknown) => e instanceof TaxiiError && e.status === 401,
                "a revoked peer is refused with 401",
              );
              continue;
            }
            const collections = await client.collections(root);
            const own = uuidFrom(`collection:peer:${peer.id}`);
            assert.deepEqual(
              collections.map((c) => c.id),
              [own],
              "a peer gets its one collection",
            );
            await assert.rejects(client.getObjects(root, community), is404, "a peer has no community collection");

            const where = `peer ${peer.partner ? "partner" : "non-partner"}`;
            const { pages, objects } = await fetchAll(client, root, own, spec.limit);
            const served = itemIdsOf(objects, items, where);
            const expected = items
              .filter((i) =>
                mayLeaveFor(
                  {
                    tlp: i.content.tlp,
                    audienceExchange: i.content.audience.exchange,
                    federatedFrom: i.federatedFrom,
                    releasedTo: i.releasedTo,
                  },
                  { id: peer.id, partner: peer.partner },
                ),
              )
              .map((i) => i.id);
            assert.deepEqual(sorted(served), sorted(expected), `${where}\n${explain(served, expected, items, facts)}`);
            for (const id of served) {
              const item = items.find((i) => i.id === id)!;
              const { tlp } = item.content;
              assert.ok(tlp !== "TLP:RED" && tlp !== "TLP:AMBER+STRICT", `${tlp} never leaves`);
              if (tlp === "TLP:GREEN") assert.ok(peer.partner, "TLP:GREEN only to partner communities");
              if (tlp === "TLP:AMBER") assert.ok(item.releasedTo.includes(peer.id), "TLP:AMBER only when released to this peer");
              assert.notEqual(item.federatedFrom, peer.id, "nothing goes back to the peer it came from");
            }

            // An item that may not leave for this peer does not exist for it.
            const kept = items.filter((i) => !expected.includes(i.id));
            const probe = kept[spec.probe % Math.max(kept.length, 1)];
            if (probe) {
              await assert.rejects(
                client.getObject(root, own, `${stixTypeOf(probe.kind)}--${probe.id}`),
                is404,
                `GET of a ${probe.content.tlp} item that may not leave is 404`,
              );
            }

            // Every page that served items appended one federation.served event for this peer
            // (objects-by-id GETs above served nothing, so they appended none).
            const audited = await db.kysely
              .selectFrom("audit_log")
              .select(["organisation_id", "details"])
              .where("action", "=", "federation.served")
              .where("subject_id", "=", peer.id)
              .orderBy("seq")
              .execute();
            assert.equal(audited.length, pages.filter((p) => p.length > 0).length, "one federation.served event per page served");
            // Each event names exactly the items of its page, as sent (not as fetched).
            const sentPages = pages.filter((p) => p.length > 0).map((p) => p.map((o) => String(o.id).split("--")[1]));
            audited.forEach((a, k) => {
              assert.equal(a.organisation_id, peer.stewardOrganisationId, "audited under the steward's organisation");
              assert.deepEqual(
                String(a.details.items ?? "").split(","),
                sentPages[k],
                `page ${k}: the audit names what was sent`,
              );
            });
          }
        }),
        { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
      );
    });
  });
}
