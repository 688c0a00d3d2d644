// The TAXII 2.1 server over real HTTP, driven by Roundtable's strict TAXII client: discovery, API
// root, collections per reader, paging, filters, versions, manifest, POST and status, the media
// types and error shapes of the specification, and TLP: every object served is one the reader may
// read in that collection, validated against the STIX 2.1 rules.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../src/server/config.js";
import { TaxiiClient, type TaxiiError } from "../src/server/federation/taxii-client.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { uuidFrom } from "../src/server/stix/to-stix.js";
import { validateStixObject } from "../src/shared/stix-validate.js";
import { TLP_MARKING_IDS } from "../src/shared/tlp.js";
import { buildGroup, buildItem, buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";
import { greenIndicator } from "./support/stix.js";

const TAXII = "application/taxii+json;version=2.1";
const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

for (const backend of testBackends()) {
  describe(`TAXII 2.1 server on ${backend.name}`, () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let root: string;
    let people: Awaited<ReturnType<typeof buildMembers>>;
    const items: Record<string, string> = {};
    let groupId: string;
    let orgC: string;
    const client = (who: string) => new TaxiiClient({ credentials: { bearer: people[who]!.token } });
    const community = uuidFrom("collection:community");

    before(async () => {
      const db = await backend.open();
      const docs = await publishDocuments(db);
      const orgs = {
        a: await buildOrganisation(db, { name: "Grid Operator A" }),
        b: await buildOrganisation(db, { name: "Water Utility B" }),
        c: await buildOrganisation(db, { name: "Hospital C" }),
      };
      people = await buildMembers(
        db,
        orgs,
        [
          ["alice", "a", "member"],
          ["bob", "b", "member"],
          ["carol", "c", "member"],
        ],
        docs,
      );
      groupId = await buildGroup(db, { organisations: [orgs.b] });
      orgC = orgs.c;
      const base = Date.parse("2026-10-01T08:00:00.000Z");
      const at = (n: number) => new Date(base + n * 60_000);
      const author = (who: string, org: keyof typeof orgs) => ({ authorId: people[who]!.id, authorOrganisationId: orgs[org] });
      items.green = await buildItem(db, {
        ...author("alice", "a"),
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        createdAt: at(1),
        title: "Phishing wave",
      });
      items.clear = await buildItem(db, {
        ...author("bob", "b"),
        tlp: "TLP:CLEAR",
        audience: { exchange: true },
        createdAt: at(2),
        kind: "indicator",
        title: "C2 address",
        details: {
          pattern: "[ipv4-addr:value = '198.51.100.7']",
          patternType: "stix",
          validFrom: "2026-10-01T00:00:00.000Z",
          indicatorTypes: ["malicious-activity"],
        },
      });
      items.amberToB = await buildItem(db, {
        ...author("alice", "a"),
        tlp: "TLP:AMBER",
        audience: { organisations: [orgs.b] },
        createdAt: at(3),
      });
      items.redToBob = await buildItem(db, {
        ...author("alice", "a"),
        tlp: "TLP:RED",
        audience: { persons: [people.bob!.id] },
        createdAt: at(4),
      });
      items.strict = await buildItem(db, {
        ...author("alice", "a"),
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [orgs.a] },
        createdAt: at(5),
      });
      items.anon = await buildItem(db, {
        ...author("carol", "c"),
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        createdAt: at(6),
        anonymous: true,
      });
      items.group = await buildItem(db, {
        ...author("alice", "a"),
        tlp: "TLP:GREEN",
        audience: { groups: [groupId] },
        createdAt: at(7),
      });
      for (let n = 0; n < 5; n++) {
        items[`bulk${n}`] = await buildItem(db, {
          ...author("carol", "c"),
          tlp: "TLP:CLEAR",
          audience: { exchange: true },
          createdAt: at(10 + n),
        });
      }
      server = await startServer(
        {
          config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }),
          db,
          mailer: createMailer(undefined, ""),
          clock: () => new Date(),
        },
        { logger: false },
      );
      root = `${server.url}/taxii2/api/`;
    });
    after(async () => {
      await server.stop();
      await backend.dispose();
    });

    const idsOf = (objects: Record<string, unknown>[] | undefined, type?: string) =>
      new Set((objects ?? []).filter((o) => !type || o.type === type).map((o) => String(o.id).split("--")[1]));
    const itemObjects = (objects: Record<string, unknown>[] | undefined) =>
      (objects ?? []).filter((o) => !["identity", "marking-definition", "extension-definition"].includes(String(o.type)));

    it("answers discovery and the API root with the TAXII media type", async () => {
      const discovery = await client("bob").discovery(`${server.url}/taxii2/`);
      assert.ok(discovery.api_roots?.length);
      const apiRoot = await client("bob").apiRoot(root);
      assert.deepEqual(apiRoot.versions, [TAXII]);
      assert.ok(apiRoot.max_content_length > 0);
    });

    it("refuses a request without credentials with 401, WWW-Authenticate and a TAXII error body", async () => {
      const response = await fetch(`${root}collections/`, { headers: { accept: TAXII } });
      assert.equal(response.status, 401);
      assert.match(response.headers.get("www-authenticate") ?? "", /Basic/);
      assert.equal(response.headers.get("content-type"), TAXII);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.http_status, "401");
      assert.equal(typeof body.title, "string");
    });

    it("answers 406 to an unacceptable Accept and 415 to a POST that is not TAXII", async () => {
      const headers = { authorization: `Bearer ${people.bob!.token}` };
      const refused = await fetch(`${root}collections/`, { headers: { ...headers, accept: "application/json" } });
      assert.equal(refused.status, 406);
      assert.equal(refused.headers.get("content-type"), TAXII);
      const posted = await fetch(`${root}collections/${community}/objects/`, {
        method: "POST",
        headers: { ...headers, accept: TAXII, "content-type": "application/json" },
        body: JSON.stringify({ objects: [] }),
      });
      assert.equal(posted.status, 415);
      assert.equal(posted.headers.get("content-type"), TAXII);
      const malformed = await fetch(`${root}collections/${community}/objects/`, {
        method: "POST",
        headers: { ...headers, accept: TAXII, "content-type": TAXII },
        body: "{not json",
      });
      assert.equal(malformed.status, 400);
      assert.equal(((await malformed.json()) as { http_status: string }).http_status, "400");
    });

    it("gives each reader the collections they belong to, with UUIDv4 ids", async () => {
      const bob = await client("bob").collections(root);
      assert.deepEqual(
        bob.map((c) => c.title),
        ["Community", "Water Utility B", (bob[2]?.title as string) ?? "", "Sent to me"],
      );
      for (const c of bob) assert.match(c.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const alice = await client("alice").collections(root);
      assert.equal(alice.length, 3, "alice's organisation is in no working group");
    });

    it("serves exactly the community items the reader may read, valid STIX 2.1, with their markings and identities", async () => {
      const page = await client("bob").getObjects(root, community);
      const objects = page.objects ?? [];
      for (const [i, o] of objects.entries()) assert.deepEqual(validateStixObject(o, `objects[${i}]`), []);
      const served = idsOf(itemObjects(objects));
      const expected = new Set([items.green, items.clear, items.anon, ...[0, 1, 2, 3, 4].map((n) => items[`bulk${n}`])]);
      assert.deepEqual(served, expected);
      const markings = objects.filter((o) => o.type === "marking-definition").map((o) => o.id);
      assert.ok(markings.includes(TLP_MARKING_IDS["TLP:GREEN"]));
      assert.ok(markings.includes(TLP_MARKING_IDS["TLP:CLEAR"]));
      const ids = new Set(objects.map((o) => o.id));
      for (const o of itemObjects(objects)) assert.ok(ids.has(o.created_by_ref), `the creator of ${o.id} is in the envelope`);
      const anonymous = objects.find((o) => String(o.id).endsWith(items.anon!))!;
      const pseudonym = objects.find((o) => o.id === anonymous.created_by_ref)!;
      assert.equal(pseudonym.identity_class, "unknown");
      assert.match(String(pseudonym.name), /^Anonymous contributor/);
      assert.ok(!String(anonymous.created_by_ref).includes(orgC), "an anonymous item's organisation is never named");
      const indicator = objects.find((o) => o.type === "indicator");
      assert.equal(indicator?.pattern, "[ipv4-addr:value = '198.51.100.7']");
      assert.match(page.dateAddedFirst ?? "", MICROS);
      assert.match(page.dateAddedLast ?? "", MICROS);
    });

    it("serves AMBER to the organisation's collection, RED only to its named recipient, AMBER+STRICT to nobody else", async () => {
      const [, org, group, me] = await client("bob").collections(root);
      assert.deepEqual(
        idsOf(itemObjects((await client("bob").getObjects(root, org!.id)).objects)),
        new Set([items.amberToB, items.clear]),
      );
      assert.deepEqual(idsOf(itemObjects((await client("bob").getObjects(root, group!.id)).objects)), new Set([items.group]));
      assert.deepEqual(idsOf(itemObjects((await client("bob").getObjects(root, me!.id)).objects)), new Set([items.redToBob]));
      const carolMe = (await client("carol").collections(root)).at(-1)!;
      const empty = await fetch(`${root}collections/${carolMe.id}/objects/`, {
        headers: { accept: TAXII, authorization: `Bearer ${people.carol!.token}` },
      });
      assert.deepEqual(await empty.json(), {}, "an empty envelope is {}");
      await assert.rejects(
        client("bob").getObject(root, community, `threat-actor--${items.strict}`),
        (e: TaxiiError) => e.status === 404,
      );
      await assert.rejects(
        client("carol").getObject(root, org!.id, `report--${items.amberToB}`),
        (e: TaxiiError) => e.status === 404,
      );
    });

    it("pages with limit, more and next in ascending date added, and refuses a tampered next", async () => {
      const seen: string[] = [];
      const added: string[] = [];
      for await (const page of client("bob").allObjects(root, community, { limit: 3 })) {
        assert.ok(itemObjects(page.objects).length + (page.objects?.length ?? 0) - itemObjects(page.objects).length <= 3);
        seen.push(...itemObjects(page.objects).map((o) => String(o.id)));
        if (page.dateAddedFirst) added.push(page.dateAddedFirst, page.dateAddedLast!);
      }
      assert.equal(seen.length, 8);
      assert.equal(new Set(seen).size, 8);
      assert.deepEqual([...added].sort(), added, "pages ascend by date added");
      const first = await client("bob").getObjects(root, community, { limit: 5 });
      assert.equal(first.more, true);
      assert.ok(first.next);
      const tampered = `${first.next!.slice(0, -2)}xx`;
      await assert.rejects(
        client("bob").getObjects(root, community, { limit: 5, next: tampered }),
        (e: TaxiiError) => e.status === 400,
      );
      await assert.rejects(
        client("bob")
          .getObjects(root, community, { limit: 7, next: first.next! })
          .then(() => client("bob").getObjects(root, community, { next: first.next!, matchType: ["report"] })),
        (e: TaxiiError) => e.status === 400,
        "a token is only good for the filters it was given with",
      );
    });

    it("filters by added_after, match[type], match[id] and match[spec_version], and refuses garbage", async () => {
      const all = await client("bob").getObjects(root, community);
      const third = await client("bob").manifest(root, community);
      const cut = third.objects[2]!.date_added;
      const after = await client("bob").getObjects(root, community, { addedAfter: cut });
      assert.equal(itemObjects(after.objects).length, itemObjects(all.objects).length - 3);
      const indicators = await client("bob").getObjects(root, community, { matchType: ["indicator"] });
      assert.deepEqual(idsOf(itemObjects(indicators.objects)), new Set([items.clear]));
      const byId = await client("bob").getObjects(root, community, { matchId: [`indicator--${items.clear}`] });
      assert.deepEqual(idsOf(itemObjects(byId.objects)), new Set([items.clear]));
      const old = await client("bob").getObjects(root, community, { matchSpecVersion: ["2.0"] });
      assert.equal(itemObjects(old.objects).length, 0);
      for (const query of [
        "added_after=yesterday",
        "limit=-1",
        "limit=abc",
        "match[id]=nope",
        "match[type]=NOT%20A%20TYPE",
        "match[version]=sometime",
        "next=garbage",
      ]) {
        const response = await fetch(`${root}collections/${community}/objects/?${query}`, {
          headers: { accept: TAXII, authorization: `Bearer ${people.bob!.token}` },
        });
        assert.equal(response.status, 400, query);
        assert.equal(response.headers.get("content-type"), TAXII);
      }
    });

    it("lists every version of an edited item, serves the one asked for, and the manifest with microsecond dates", async () => {
      const headers = { authorization: `Bearer ${people.bob!.token}`, "content-type": "application/json" };
      const created = await fetch(`${server.url}/api/items`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          kind: "announcement",
          title: "First",
          tlp: "TLP:CLEAR",
          audience: { exchange: true, organisations: [], groups: [], persons: [] },
        }),
      });
      assert.equal(created.status, 200, await created.clone().text());
      const { id } = (await created.json()) as { id: string };
      const edited = await fetch(`${server.url}/api/items/${id}`, {
        method: "PUT",
        headers,
        body: JSON.stringify({ title: "Second", body: "", sectors: [], details: {} }),
      });
      assert.equal(edited.status, 200, await edited.clone().text());
      const versions = await client("bob").versions(root, community, `report--${id}`);
      assert.equal(versions.versions.length, 2);
      const [v1, v2] = versions.versions;
      assert.ok(v1! < v2!);
      const first = await client("bob").getObject(root, community, `report--${id}`, { matchVersion: ["first"] });
      assert.equal(itemObjects(first.objects)[0]!.name, "First");
      const last = await client("bob").getObject(root, community, `report--${id}`);
      assert.equal(itemObjects(last.objects)[0]!.name, "Second");
      assert.equal(itemObjects(last.objects)[0]!.modified, v2);
      const all = await client("bob").getObject(root, community, `report--${id}`, { matchVersion: ["all"] });
      assert.deepEqual(
        itemObjects(all.objects).map((o) => o.name),
        ["First", "Second"],
      );
      const manifest = await client("bob").manifest(root, community);
      assert.equal(manifest.objects.length, 9);
      for (const m of manifest.objects) assert.match(m.date_added, MICROS);
      assert.deepEqual(
        manifest.objects.map((m) => m.date_added),
        [...manifest.objects.map((m) => m.date_added)].sort(),
      );
    });

    it("takes POSTed objects as the reader's items, says so in a status whose counts add up, and is idempotent", async () => {
      const indicator = greenIndicator();
      const unmarked = { ...indicator, id: "indicator--0b6f4f5e-4a40-4f8e-9d3c-5d9e5b1d2a11", object_marking_refs: undefined };
      const broken = { ...indicator, id: "indicator--not-a-uuid" };
      const status = await client("bob").addObjectsAndWait(root, community, [indicator, unmarked, broken]);
      assert.equal(status.status, "complete");
      assert.equal(status.total_count, 3);
      assert.equal(status.success_count + status.failure_count + status.pending_count, status.total_count);
      assert.equal(status.success_count, 1);
      assert.equal(status.failure_count, 2);
      const again = await client("bob").addObjectsAndWait(root, community, [indicator]);
      assert.equal(again.success_count, 1, "re-posting an identical object is not an error");
      const seen = await client("alice").getObjects(root, community, { matchId: [indicator.id] });
      assert.equal(itemObjects(seen.objects).length, 1, "another member reads the posted GREEN indicator");
      assert.equal(itemObjects(seen.objects)[0]!.id, indicator.id, "it keeps its STIX id");
      await assert.rejects(
        client("alice").status(root, status.id),
        (e: TaxiiError) => e.status === 404,
        "a status is its poster's",
      );
      const read = await client("bob").status(root, status.id);
      assert.equal(read.total_count, 3);
    });

    it("accepts HTTP Basic with the e-mail and token, and refuses it with another e-mail", async () => {
      const basic = new TaxiiClient({ credentials: { username: people.bob!.email, password: people.bob!.token } });
      assert.ok((await basic.collections(root)).length >= 3);
      const wrong = new TaxiiClient({ credentials: { username: people.alice!.email, password: people.bob!.token } });
      await assert.rejects(wrong.collections(root), (e: TaxiiError) => e.status === 401);
    });

    it("answers 413 over max_content_length and 404 in the TAXII shape for an unknown collection", async () => {
      const apiRoot = await client("bob").apiRoot(root);
      const huge = JSON.stringify({ objects: [{ type: "note", padding: "x".repeat(apiRoot.max_content_length) }] });
      const tooBig = await fetch(`${root}collections/${community}/objects/`, {
        method: "POST",
        headers: { accept: TAXII, "content-type": TAXII, authorization: `Bearer ${people.bob!.token}` },
        body: huge,
      });
      assert.equal(tooBig.status, 413);
      assert.equal(tooBig.headers.get("content-type"), TAXII);
      const unknown = await fetch(`${root}collections/${uuidFrom("nowhere")}/`, {
        headers: { accept: TAXII, authorization: `Bearer ${people.bob!.token}` },
      });
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { http_status: string }).http_status, "404");
    });

    it("refuses DELETE: shared items are withdrawn by label, not deleted", async () => {
      await assert.rejects(
        client("bob").deleteObject(root, community, `indicator--${items.clear}`),
        (e: TaxiiError) => e.status === 403,
      );
    });
  });
}
