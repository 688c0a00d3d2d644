// STIX 2.1 bundles and MISP events over the API: a strict, streamed, all-or-nothing import that
// lists every problem by path and changes nothing when one is found; idempotent re-imports; newer
// versions with their history; TLP 1.0 markings mapped to 2.0; exports that validate, resolve every
// reference, and never name an anonymous originator or include what the reader may not read.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/server/db/database.js";
import { tlpMarkingDefinition } from "../src/shared/stix.js";
import { referencesOf, validateStixObject } from "../src/shared/stix-validate.js";
import { TLP_MARKING_IDS } from "../src/shared/tlp.js";
import { testApp } from "./support/app.js";
import { buildItem, buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";

type Json = Record<string, unknown>;
const STIX = "application/stix+json;version=2.1";
const GREEN = TLP_MARKING_IDS["TLP:GREEN"];
const WHITE_1_0 = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
const T = "2026-10-05T10:00:00.000Z";
const ids = {
  identity: "identity--4a1c7e2f-1d55-4c8e-9b3a-2f6d8e0c1a77",
  indicator: "indicator--5b2d8f3a-2e66-4d9f-8c4b-3a7e9f1d2b88",
  report: "report--6c3e9a4b-3f77-4eaf-9d5c-4b8fa02e3c99",
  vulnerability: "vulnerability--7d4fab5c-4a88-4fb0-8e6d-5c9ab13f4daa",
  relationship: "relationship--8e5abc6d-5b99-4ac1-9f7e-6dabc24a5ebb",
  note: "note--9f6bcd7e-6caa-4bd2-8a8f-7ebcd35b6fcc",
};

function bundle(objects: Json[]): Json {
  return { type: "bundle", id: "bundle--0a7cde8f-7dbb-4ce3-9b9a-8fcde46c7add", objects };
}

function goodObjects(): Json[] {
  const common = { spec_version: "2.1", created: T, modified: T, created_by_ref: ids.identity };
  return [
    {
      type: "identity",
      spec_version: "2.1",
      id: ids.identity,
      created: T,
      modified: T,
      name: "CERT Example",
      identity_class: "organization",
    },
    tlpMarkingDefinition("TLP:GREEN"),
    {
      type: "indicator",
      id: ids.indicator,
      ...common,
      name: "C2 server",
      pattern: "[ipv4-addr:value = '203.0.113.9']",
      pattern_type: "stix",
      valid_from: T,
      object_marking_refs: [GREEN],
    },
    {
      type: "report",
      id: ids.report,
      ...common,
      name: "Campaign against water utilities",
      description: "Spear-phishing of SCADA engineers.",
      published: T,
      object_refs: [ids.indicator],
      object_marking_refs: [GREEN],
    },
    {
      type: "vulnerability",
      id: ids.vulnerability,
      ...common,
      name: "CVE-2026-1234",
      external_references: [{ source_name: "cve", external_id: "CVE-2026-1234" }],
      object_marking_refs: [WHITE_1_0],
    },
    {
      type: "relationship",
      id: ids.relationship,
      ...common,
      relationship_type: "indicates",
      source_ref: ids.indicator,
      target_ref: ids.report,
      object_marking_refs: [GREEN],
    },
    {
      type: "note",
      id: ids.note,
      ...common,
      content: "Seen at two utilities.",
      object_refs: [ids.report],
      object_marking_refs: [GREEN],
    },
  ];
}

for (const backend of testBackends()) {
  describe(`STIX and MISP import and export on ${backend.name}`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>["app"];
    let deps: Awaited<ReturnType<typeof testApp>>["deps"];
    let people: Awaited<ReturnType<typeof buildMembers>>;
    const auth = (who: string) => ({ authorization: `Bearer ${people[who]!.token}` });
    const importBundle = (who: string, body: unknown, query = "", contentType = STIX) =>
      app.inject({
        method: "POST",
        url: `/api/stix/import${query}`,
        headers: { ...auth(who), "content-type": contentType },
        payload: typeof body === "string" ? body : JSON.stringify(body),
      });
    const count = async () =>
      Number(
        (
          await db.kysely
            .selectFrom("items")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const byStix = (stixId: string) => db.kysely.selectFrom("items").selectAll().where("stix_id", "=", stixId).executeTakeFirst();

    before(async () => {
      db = await backend.open();
      ({ app, deps } = await testApp(db));
      const docs = await publishDocuments(db);
      const orgs = { a: await buildOrganisation(db, { name: "Grid A" }), b: await buildOrganisation(db, { name: "Water B" }) };
      people = await buildMembers(
        db,
        orgs,
        [
          ["alice", "a", "member"],
          ["bob", "b", "member"],
        ],
        docs,
      );
    });
    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("imports a bundle: items, their labels (TLP 1.0 WHITE becomes CLEAR), source, links and notes", async () => {
      const response = await importBundle("alice", bundle(goodObjects()));
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json() as Json;
      assert.equal(result.total, 7);
      assert.equal(result.created, 5, "three items, a link and a comment");
      const indicator = await byStix(ids.indicator);
      assert.equal(indicator?.kind, "indicator");
      assert.equal(indicator?.tlp, "TLP:GREEN");
      assert.equal(indicator?.source_name, "CERT Example");
      assert.equal((indicator!.details as Json).pattern, "[ipv4-addr:value = '203.0.113.9']");
      assert.equal((await byStix(ids.vulnerability))?.tlp, "TLP:CLEAR");
      assert.deepEqual(((await byStix(ids.vulnerability))!.details as Json).cveIds, ["CVE-2026-1234"]);
      const report = await byStix(ids.report);
      assert.equal(report?.kind, "analysis-report");
      const links = await db.kysely.selectFrom("item_links").selectAll().where("to_item_id", "=", report!.id).execute();
      assert.equal(links.length, 1);
      assert.equal(links[0]?.relation, "related-to", "STIX relationship types outside Roundtable's own relate the items");
      const comments = await db.kysely.selectFrom("comments").selectAll().where("item_id", "=", report!.id).execute();
      assert.equal(comments[0]?.body, "Seen at two utilities.");
      const seen = await app.inject({ method: "GET", url: `/api/items/${indicator!.id}`, headers: auth("bob") });
      assert.equal(seen.statusCode, 200, "another member reads the imported GREEN indicator");
      assert.equal((seen.json() as Json).source, "CERT Example");
    });

    it("changes nothing on a re-import, and updates a newer version keeping the history", async () => {
      const before = await count();
      const again = (await importBundle("alice", bundle(goodObjects()))).json() as Json;
      assert.equal(again.created, 0);
      assert.equal(again.unchanged, 5);
      assert.equal(await count(), before);
      const newer = goodObjects().map((o) =>
        o.id === ids.indicator ? { ...o, modified: "2026-10-06T10:00:00.000Z", name: "C2 server (confirmed)" } : o,
      );
      const updated = (await importBundle("alice", bundle(newer))).json() as Json;
      assert.equal(updated.updated, 1);
      const row = await byStix(ids.indicator);
      assert.equal(row?.title, "C2 server (confirmed)");
      assert.equal(row?.version, 2);
      const versions = await app.inject({ method: "GET", url: `/api/items/${row!.id}/versions`, headers: auth("alice") });
      assert.equal((versions.json() as { versions: Json[] }).versions.length, 2);
      const older = (await importBundle("alice", bundle(goodObjects()))).json() as Json;
      assert.equal(older.updated, 0, "an older version changes nothing");
      assert.equal((await byStix(ids.indicator))?.title, "C2 server (confirmed)");
      const otherOrg = (
        await importBundle(
          "bob",
          bundle(newer.map((o) => (o.id === ids.indicator ? { ...o, modified: "2026-10-07T10:00:00.000Z", name: "hijack" } : o))),
        )
      ).json() as Json;
      assert.equal(otherOrg.updated, 0, "another organisation cannot overwrite what it did not import");
      assert.equal((await byStix(ids.indicator))?.title, "C2 server (confirmed)");
    });

    it("rejects a bad bundle whole, listing every problem by path", async () => {
      const before = await count();
      const objects: Json[] = goodObjects().map((o) => ({ ...o, id: String(o.id).replace(/^(\w+)--\w/, "$1--f") }));
      objects.push(
        {
          type: "indicator",
          spec_version: "2.1",
          id: "indicator--not-a-uuid",
          created: T,
          modified: T,
          name: "x",
          pattern: "[x:y = 'z']",
          pattern_type: "stix",
          valid_from: T,
          object_marking_refs: [GREEN],
        },
        {
          type: "report",
          spec_version: "2.1",
          id: "report--1d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
          created: "yesterday",
          modified: T,
          name: "r",
          published: T,
          object_refs: [ids.indicator],
          object_marking_refs: [GREEN],
        },
        {
          type: "report",
          spec_version: "2.1",
          id: "report--2d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
          created: T,
          modified: T,
          name: "r",
          published: T,
          object_refs: ["indicator--3d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f"],
          object_marking_refs: [GREEN],
        },
        {
          type: "report",
          spec_version: "2.1",
          id: "report--4d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
          created: T,
          modified: T,
          name: "r",
          published: T,
          object_refs: [ids.indicator],
          object_marking_refs: ["marking-definition--5d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f"],
        },
        {
          type: "report",
          spec_version: "2.1",
          id: "report--6d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
          created: T,
          modified: T,
          published: T,
          object_refs: [ids.indicator],
          object_marking_refs: [GREEN],
        },
        {
          type: "indicator",
          spec_version: "2.1",
          id: "indicator--7d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
          created: T,
          modified: T,
          name: "unmarked",
          pattern: "[x:y = 'z']",
          pattern_type: "stix",
          valid_from: T,
        },
      );
      const response = await importBundle("alice", bundle(objects));
      assert.equal(response.statusCode, 422, response.body);
      const error = (response.json() as { error: { code: string; details: { issues: { path: string; message: string }[] } } })
        .error;
      assert.equal(error.code, "stix_invalid");
      const paths = error.details.issues.map((i) => i.path);
      for (const expected of [
        "objects[7].id",
        "objects[8].created",
        "objects[9].object_refs[0]",
        "objects[10].object_marking_refs",
        "objects[11].name",
        "objects[12]",
      ]) {
        assert.ok(
          paths.some((p) => p === expected || p.startsWith(`${expected}`)),
          `${expected} in ${JSON.stringify(paths)}`,
        );
      }
      assert.equal(await count(), before, "nothing was imported");
      const withDefault = await importBundle(
        "alice",
        bundle([tlpMarkingDefinition("TLP:GREEN"), objects[12]!]),
        "?tlp=TLP:AMBER",
      );
      assert.equal(withDefault.statusCode, 200, withDefault.body);
      assert.equal(
        (await byStix("indicator--7d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f"))?.tlp,
        "TLP:AMBER",
        "the importer's label, never a guess",
      );
    });

    it("answers malformed JSON, a cut-off bundle, the wrong media type and an oversized body with clear errors", async () => {
      const before = await count();
      const malformed = await importBundle("alice", '{"type":"bundle","id":"bundle--x",,}');
      assert.equal(malformed.statusCode, 400);
      assert.equal((malformed.json() as { error: { code: string } }).error.code, "malformed_request");
      const cut = await importBundle("alice", JSON.stringify(bundle(goodObjects())).slice(0, 400));
      assert.equal(cut.statusCode, 400);
      const wrongType = await importBundle("alice", bundle(goodObjects()), "", "text/plain");
      assert.equal(wrongType.statusCode, 415);
      const limit = deps.config.maxImportBytes;
      deps.config.maxImportBytes = 2048;
      try {
        const big = bundle([
          tlpMarkingDefinition("TLP:GREEN"),
          ...Array.from({ length: 40 }, (_, n) => ({
            type: "indicator",
            spec_version: "2.1",
            id: `indicator--${String(n).padStart(8, "0")}-1a2b-4c3d-8e4f-5a6b7c8d9e0f`,
            created: T,
            modified: T,
            name: `n${n}`,
            pattern: "[x:y = 'z']",
            pattern_type: "stix",
            valid_from: T,
            object_marking_refs: [GREEN],
          })),
        ]);
        const tooBig = await importBundle("alice", big);
        assert.equal(tooBig.statusCode, 413);
        assert.equal((tooBig.json() as { error: { code: string } }).error.code, "payload_too_large");
      } finally {
        deps.config.maxImportBytes = limit;
      }
      assert.equal(await count(), before);
    });

    it("refuses granular markings, a padded bundle, and notes or links on items the importer cannot read", async () => {
      const before = await count();
      const granular = {
        ...goodObjects()[2]!,
        id: "indicator--9a2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
        granular_markings: [{ marking_ref: TLP_MARKING_IDS["TLP:RED"], selectors: ["description"] }],
        description: "red text",
      };
      const refused = await importBundle(
        "bob",
        bundle([tlpMarkingDefinition("TLP:GREEN"), tlpMarkingDefinition("TLP:RED"), granular]),
      );
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /granular_markings/);
      const padded = await importBundle("bob", { ...bundle(goodObjects()), x_padding: "a".repeat(100_000) });
      assert.equal(padded.statusCode, 413, "at most 64 KiB outside the objects");
      assert.equal(await count(), before);
      const orgA = (
        await db.kysely
          .selectFrom("persons")
          .select("organisation_id")
          .where("id", "=", people.alice!.id)
          .executeTakeFirstOrThrow()
      ).organisation_id;
      const secret = await buildItem(db, {
        authorId: people.alice!.id,
        authorOrganisationId: orgA,
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [orgA] },
      });
      const note = {
        type: "note",
        spec_version: "2.1",
        id: "note--0b3f4a51-2b3c-4d4e-9f5a-6b7c8d9e0f1a",
        created: T,
        modified: T,
        content: "guessing",
        object_refs: [`threat-actor--${secret}`],
        object_marking_refs: [GREEN],
      };
      const onUnreadable = await importBundle("bob", bundle([tlpMarkingDefinition("TLP:GREEN"), note]));
      assert.equal(onUnreadable.statusCode, 422, "an unreadable item is no reference for bob: nothing is imported");
      const comments = await db.kysely.selectFrom("comments").select("id").where("item_id", "=", secret).execute();
      assert.equal(comments.length, 0);
    });

    it("never passes on an imported creator id: an identity posing as a member organisation attributes nothing to it", async () => {
      const orgA = (
        await db.kysely
          .selectFrom("persons")
          .select("organisation_id")
          .where("id", "=", people.alice!.id)
          .executeTakeFirstOrThrow()
      ).organisation_id;
      const forged = `identity--${orgA}`;
      const indicator = { ...goodObjects()[2]!, id: "indicator--1c4a5b62-3c4d-4e5f-8a6b-7c8d9e0f1a2b", created_by_ref: forged };
      const imported = await importBundle(
        "bob",
        bundle([
          {
            type: "identity",
            spec_version: "2.1",
            id: forged,
            created: T,
            modified: T,
            name: "Grid A",
            identity_class: "organization",
          },
          tlpMarkingDefinition("TLP:GREEN"),
          indicator,
        ]),
      );
      assert.equal(imported.statusCode, 200, imported.body);
      const row = await byStix(indicator.id);
      const exported = await app.inject({ method: "GET", url: `/api/stix/export?item=${row!.id}`, headers: auth("alice") });
      const object = (exported.json() as { objects: Json[] }).objects.find((o) => o.id === indicator.id)!;
      assert.notEqual(object.created_by_ref, forged);
    });

    it("refuses a label that does not fit the chosen audience", async () => {
      const red = {
        ...goodObjects()[2]!,
        id: "indicator--8d2e3f40-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
        object_marking_refs: [TLP_MARKING_IDS["TLP:RED"]],
      };
      const response = await importBundle("alice", bundle([tlpMarkingDefinition("TLP:RED"), red]));
      assert.equal(response.statusCode, 422);
      assert.match(response.body, /TLP:RED/);
    });

    it("imports a MISP event with its labels, and refuses one that gives none unless the importer chooses", async () => {
      const event = {
        Event: {
          uuid: "5f2a1b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
          info: "Phishing kit targeting grid operators",
          date: "2026-10-01",
          timestamp: "1791000000",
          distribution: "1",
          Orgc: { uuid: "6a3b2c4d-5e6f-4a71-8b8c-9d0e1f2a3b4c", name: "CIRCL-like CERT" },
          Tag: [{ name: "tlp:green" }],
          Attribute: [
            {
              uuid: "7b4c3d5e-6f70-4b82-9c9d-0e1f2a3b4c5d",
              type: "domain",
              category: "Network activity",
              value: "grid-login.example",
              to_ids: true,
              timestamp: "1791000000",
            },
            {
              uuid: "8c5d4e6f-7081-4c93-8dae-1f2a3b4c5d6e",
              type: "comment",
              category: "Other",
              value: "Kit sold on a forum",
              to_ids: false,
              timestamp: "1791000000",
            },
          ],
        },
      };
      const response = await app.inject({
        method: "POST",
        url: "/api/misp/import",
        headers: { ...auth("bob"), "content-type": "application/json" },
        payload: event,
      });
      assert.equal(response.statusCode, 200, response.body);
      const indicator = await byStix("indicator--7b4c3d5e-6f70-4b82-9c9d-0e1f2a3b4c5d");
      assert.equal(indicator?.tlp, "TLP:AMBER", "distribution 1 (this community) is stricter than the tag");
      assert.equal((indicator!.details as Json).pattern, "[domain-name:value = 'grid-login.example']");
      const report = await byStix("report--5f2a1b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
      assert.match(report?.body ?? "", /Kit sold on a forum/);
      const unlabelled = {
        Event: {
          ...event.Event,
          uuid: "9d6e5f70-8192-4da4-9ebf-2a3b4c5d6e7f",
          Tag: [],
          distribution: undefined,
          Attribute: [{ ...event.Event.Attribute[0]!, uuid: "0e7f6081-92a3-4eb5-8fc0-3b4c5d6e7f80" }],
        },
      };
      const refused = await app.inject({
        method: "POST",
        url: "/api/misp/import",
        headers: { ...auth("bob"), "content-type": "application/json" },
        payload: unlabelled,
      });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /never guess/i);
      const chosen = await app.inject({
        method: "POST",
        url: "/api/misp/import?tlp=TLP:GREEN",
        headers: { ...auth("bob"), "content-type": "application/json" },
        payload: unlabelled,
      });
      assert.equal(chosen.statusCode, 200, chosen.body);
      assert.equal((await byStix("indicator--0e7f6081-92a3-4eb5-8fc0-3b4c5d6e7f80"))?.tlp, "TLP:GREEN");
    });

    it("exports a bundle that validates, resolves every reference and hides an anonymous originator", async () => {
      const anonymous = await buildItem(db, {
        authorId: people.alice!.id,
        authorOrganisationId: (
          await db.kysely
            .selectFrom("persons")
            .select("organisation_id")
            .where("id", "=", people.alice!.id)
            .executeTakeFirstOrThrow()
        ).organisation_id,
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        anonymous: true,
        title: "Anonymous incident report",
      });
      const response = await app.inject({ method: "GET", url: `/api/stix/export?item=${anonymous}`, headers: auth("bob") });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["content-type"], STIX);
      const exported = response.json() as { type: string; objects: Json[] };
      assert.equal(exported.type, "bundle");
      const present = new Set(exported.objects.map((o) => o.id));
      for (const [i, o] of exported.objects.entries()) {
        assert.deepEqual(validateStixObject(o, `objects[${i}]`), []);
        for (const ref of referencesOf(o, "")) assert.ok(present.has(ref.ref), `${ref.ref} is in the bundle`);
      }
      assert.doesNotMatch(response.body, /Grid A/);
      const report = await byStix(ids.report);
      const search = await app.inject({ method: "GET", url: "/api/stix/export?q=utilities", headers: auth("bob") });
      const objects = (search.json() as { objects: Json[] }).objects;
      assert.ok(
        objects.some((o) => o.id === ids.report),
        "an imported item keeps its STIX id on export",
      );
      assert.ok(objects.some((o) => o.type === "note" && (o.object_refs as string[]).includes(ids.report)));
      const back = await importBundle("alice", search.body);
      assert.equal(back.statusCode, 200, back.body);
      assert.equal((back.json() as Json).created, 0, "re-importing an export creates nothing");
      assert.ok(report);
      const hidden = await buildItem(db, {
        authorId: people.alice!.id,
        authorOrganisationId: report!.author_organisation_id,
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [report!.author_organisation_id] },
      });
      const refused = await app.inject({ method: "GET", url: `/api/stix/export?item=${hidden}`, headers: auth("bob") });
      assert.equal(refused.statusCode, 404);
    });

    it("publishes the extension's JSON schema", async () => {
      const response = await app.inject({ method: "GET", url: "/api/stix/extension-definition/schema.json" });
      assert.equal(response.statusCode, 200);
      const schema = response.json() as Json;
      assert.equal((schema.properties as Json & { extension_type: Json }).extension_type.const, "property-extension");
    });
  });
}
