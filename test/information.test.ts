// The information model over HTTP: kinds and their fields, threads, RFIs, attachments, links,
// reactions, acknowledgements, anonymity, versions, search facets and saved searches.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/server/db/database.js";
import { type TestClock, testApp } from "./support/app.js";
import { acceptDocuments, buildOrganisation, buildPerson, buildToken, publishDocuments } from "./support/builders.js";

async function currentDocumentIds(db: Database): Promise<string[]> {
  const rows = await db.kysely.selectFrom("documents").select("id").execute();
  return rows.map((r) => r.id);
}

import { testBackends } from "./support/databases.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];
type Json = Record<string, unknown>;

const INCIDENT = {
  kind: "incident",
  title: "Grid control outage",
  body: "Substation telemetry lost.",
  tlp: "TLP:AMBER",
  audience: { exchange: true },
  details: {
    startedAt: "2026-10-30T08:00:00.000Z",
    status: "ongoing",
    affectedServices: ["Regional distribution"],
    impact: { severity: 4, usersAffected: 120000, interruptionMinutes: 90, crossBorder: true },
  },
};

for (const backend of testBackends()) {
  describe(`information model on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    let clock: TestClock;
    const as: Record<string, { authorization: string }> = {};
    const ids: Record<string, string> = {};

    const call = async (who: string, method: string, url: string, payload?: unknown) => {
      const res = await app.inject({
        method: method as "GET",
        url,
        headers: as[who],
        ...(payload === undefined ? {} : { payload: payload as Json }),
      });
      return {
        status: res.statusCode,
        body: res.body ? (JSON.parse(res.body) as Json & { error?: { code: string; message: string } }) : {},
        raw: res,
      };
    };

    before(async () => {
      db = await backend.open();
      ({ app, clock } = await testApp(db));
      const a = await buildOrganisation(db, { name: "Alpha Grid" });
      const b = await buildOrganisation(db, { name: "Beta Bank" });
      const c = await buildOrganisation(db, { name: "Gamma Water" });
      const docs = await publishDocuments(db);
      for (const [name, org] of [
        ["alice", a],
        ["alex", a],
        ["bob", b],
        ["carol", c],
      ] as const) {
        const p = await buildPerson(db, { organisationId: org, name });
        await acceptDocuments(db, p.id, docs);
        ids[name] = p.id;
        as[name] = { authorization: `Bearer ${await buildToken(db, p.id)}` };
      }
      ids.alpha = a;
      ids.beta = b;
      ids.gamma = c;
    });
    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("posts an incident with its impact assessment and finds it by a field of its kind", async () => {
      const res = await call("alice", "POST", "/api/items", INCIDENT);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, "ongoing");
      assert.deepEqual((res.body.details as Json).impact, {
        severity: 4,
        usersAffected: 120000,
        interruptionMinutes: 90,
        crossBorder: true,
      });
      ids.incident = res.body.id as string;
      const found = await call("bob", "GET", "/api/search?q=distribution");
      assert.ok(
        (found.body.results as Json[]).some((r) => r.id === ids.incident),
        "affected services are searchable",
      );
    });

    it("refuses an unknown kind, fields of another kind and a missing required field, writing nothing", async () => {
      const before = (await call("alice", "GET", "/api/items?limit=200")).body.items as Json[];
      const unknown = await call("alice", "POST", "/api/items", { ...INCIDENT, kind: "rumour" });
      assert.equal(unknown.body.error?.code, "validation_failed");
      const foreign = await call("alice", "POST", "/api/items", {
        ...INCIDENT,
        details: { ...INCIDENT.details, cveIds: ["CVE-2024-1234"] },
      });
      assert.equal(foreign.body.error?.code, "validation_failed");
      assert.match(foreign.body.error?.message ?? "", /details/);
      const missing = await call("alice", "POST", "/api/items", { ...INCIDENT, details: { status: "ongoing" } });
      assert.equal(missing.body.error?.code, "validation_failed");
      const badSeverity = await call("alice", "POST", "/api/items", {
        ...INCIDENT,
        details: { ...INCIDENT.details, impact: { severity: 9 } },
      });
      assert.equal(badSeverity.body.error?.code, "validation_failed");
      const after = (await call("alice", "GET", "/api/items?limit=200")).body.items as Json[];
      assert.equal(after.length, before.length);
    });

    it("keeps versions on edit and refuses edits from another organisation", async () => {
      const edited = await call("alice", "PUT", `/api/items/${ids.incident}`, {
        title: "Grid control outage (update)",
        body: "Telemetry restored.",
        sectors: ["energy"],
        details: { ...INCIDENT.details, status: "resolved", endedAt: "2026-10-30T12:00:00.000Z" },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.status, "resolved");
      assert.equal(edited.body.version, 2);
      const versions = (await call("bob", "GET", `/api/items/${ids.incident}/versions`)).body.versions as Json[];
      assert.deepEqual(
        versions.map((v) => [v.version, v.title]),
        [
          [2, "Grid control outage (update)"],
          [1, "Grid control outage"],
        ],
      );
      const foreign = await call("bob", "PUT", `/api/items/${ids.incident}`, {
        title: "x",
        body: "",
        sectors: [],
        details: INCIDENT.details,
      });
      assert.equal(foreign.body.error?.code, "not_originator");
      const wrongFields = await call("alice", "PUT", `/api/items/${ids.incident}`, {
        title: "x",
        body: "",
        sectors: [],
        details: { urgency: "flash" },
      });
      assert.equal(wrongFields.body.error?.code, "validation_failed");
    });

    it("threads replies that are never less restrictive than their parent", async () => {
      const top = await call("bob", "POST", `/api/items/${ids.incident}/comments`, { body: "Seen similar telemetry loss." });
      assert.equal(top.status, 200, JSON.stringify(top.body));
      assert.equal(top.body.tlp, "TLP:AMBER");
      const looser = await call("carol", "POST", `/api/items/${ids.incident}/comments`, {
        body: "x",
        tlp: "TLP:GREEN",
        parentId: top.body.id,
      });
      assert.equal(looser.status, 422);
      assert.equal(looser.body.error?.code, "label_too_permissive");
      const red = await call("carol", "POST", `/api/items/${ids.incident}/comments`, {
        body: "Only for Bob: our vendor is involved.",
        tlp: "TLP:RED",
        audience: { persons: [ids.bob] },
        parentId: top.body.id,
      });
      assert.equal(red.status, 200, JSON.stringify(red.body));
      const bobView = (await call("bob", "GET", `/api/items/${ids.incident}/comments`)).body.comments as Json[];
      const aliceView = (await call("alice", "GET", `/api/items/${ids.incident}/comments`)).body.comments as Json[];
      assert.equal(bobView.length, 2);
      assert.deepEqual(
        aliceView.map((c) => c.id),
        [top.body.id],
        "Alice, the item's author, does not see a RED reply she is not named in",
      );
      const count = ((await call("alice", "GET", "/api/items?limit=200")).body.items as Json[]).find(
        (i) => i.id === ids.incident,
      );
      assert.equal(count?.comments, 1, "comment counts only include readable comments");
      const hidden = await call("alice", "GET", "/api/search?q=vendor");
      assert.equal(hidden.body.total, 0, "a RED reply is not found by someone who cannot read it");
      assert.equal(((await call("bob", "GET", "/api/search?q=vendor")).body.results as Json[])[0]?.id, ids.incident);
    });

    it("runs an RFI: pseudonymous answers, closed with a summary, no answers after closing", async () => {
      const rfi = await call("alice", "POST", "/api/items", {
        kind: "rfi",
        title: "Anyone seeing Modbus scans?",
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        details: { dueAt: "2026-11-10T00:00:00.000Z", answerersVisible: false },
      });
      assert.equal(rfi.body.status, "open");
      const answer = await call("bob", "POST", `/api/items/${rfi.body.id}/comments`, { body: "Yes, from new ranges." });
      assert.equal(answer.body.isAnswer, true);
      const asCarol = ((await call("carol", "GET", `/api/items/${rfi.body.id}/comments`)).body.comments as Json[])[0];
      assert.ok(asCarol);
      assert.equal((asCarol.author as Json).id, null, "answerers are hidden from each other");
      assert.doesNotMatch(JSON.stringify(asCarol), /Beta Bank|bob/);
      const asAsker = ((await call("alice", "GET", `/api/items/${rfi.body.id}/comments`)).body.comments as Json[])[0];
      assert.ok(asAsker);
      assert.equal((asAsker.organisation as Json).name, "Beta Bank", "the asker sees who answered");
      assert.equal(
        (await call("bob", "POST", `/api/items/${rfi.body.id}/close`, { summary: "x" })).body.error?.code,
        "not_originator",
      );
      const closed = await call("alice", "POST", `/api/items/${rfi.body.id}/close`, {
        summary: "Two members saw scans; blocklist shared.",
      });
      assert.equal(closed.body.status, "closed");
      const late = await call("carol", "POST", `/api/items/${rfi.body.id}/comments`, { body: "Late answer" });
      assert.equal(late.status, 409);
      assert.equal(late.body.error?.code, "conflict");
    });

    it("accepts attachments by content, refuses oversize or mislabelled ones, serves them as downloads only", async () => {
      const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
      const upload = (who: string, name: string, bytes: Buffer, extra = "") =>
        app.inject({
          method: "POST",
          url: `/api/items/${ids.incident}/attachments?filename=${encodeURIComponent(name)}${extra}`,
          headers: { ...as[who], "content-type": "application/octet-stream" },
          payload: bytes,
        });
      const ok = await upload("alice", "report.pdf", pdf);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().mediaType, "application/pdf");
      const mislabelled = await upload("alice", "photo.png", pdf);
      assert.equal(mislabelled.statusCode, 415);
      assert.equal(mislabelled.json().error.code, "unsupported_media_type");
      const executable = await upload("alice", "tool.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]));
      assert.equal(executable.statusCode, 415);
      const oversize = await upload("alice", "big.txt", Buffer.alloc(10 * 1024 * 1024 + 1, 65));
      assert.equal(oversize.statusCode, 413);
      assert.equal(oversize.json().error.code, "payload_too_large");
      const looser = await upload("alice", "note.txt", Buffer.from("hello"), "&tlp=TLP:CLEAR");
      assert.equal(looser.json().error.code, "label_too_permissive");
      const list = (await call("bob", "GET", `/api/items/${ids.incident}/attachments`)).body.attachments as Json[];
      assert.deepEqual(
        list.map((a) => a.filename),
        ["report.pdf"],
      );
      const download = await app.inject({ url: `/api/attachments/${ok.json().id}`, headers: as.bob });
      assert.equal(download.statusCode, 200);
      assert.match(String(download.headers["content-disposition"]), /^attachment;/);
      assert.equal(download.headers["x-content-type-options"], "nosniff");
      assert.deepEqual(download.rawPayload, pdf);
      const found = await call("bob", "GET", "/api/search?q=report.pdf");
      assert.ok(
        (found.body.results as Json[]).some((r) => r.id === ids.incident),
        "attachment names are searchable",
      );
    });

    it("links items only where both ends are readable", async () => {
      const red = await call("alice", "POST", "/api/items", {
        kind: "vulnerability",
        title: "Relay firmware flaw",
        tlp: "TLP:RED",
        audience: { persons: [ids.alex] },
        details: { exploitation: "unknown" },
      });
      assert.equal(red.status, 200, JSON.stringify(red.body));
      const cm = await call("alice", "POST", "/api/items", {
        kind: "countermeasure",
        title: "Segment relays",
        tlp: "TLP:GREEN",
        audience: { exchange: true },
      });
      const link = await call("alice", "POST", `/api/items/${cm.body.id}/links`, {
        toItemId: red.body.id,
        relation: "mitigates",
      });
      assert.equal(link.status, 200, JSON.stringify(link.body));
      assert.equal(((await call("alex", "GET", `/api/items/${cm.body.id}/links`)).body.links as Json[]).length, 1);
      assert.equal(
        ((await call("bob", "GET", `/api/items/${cm.body.id}/links`)).body.links as Json[]).length,
        0,
        "Bob cannot read the RED end",
      );
      assert.equal(
        (await call("bob", "POST", `/api/items/${cm.body.id}/links`, { toItemId: red.body.id, relation: "about" })).status,
        404,
      );
    });

    it("counts reactions for readers and shows who reacted only to the originator", async () => {
      await call("bob", "PUT", `/api/items/${ids.incident}/reactions`, { reaction: "seen", context: "Same at our DC" });
      const r = await call("carol", "PUT", `/api/items/${ids.incident}/reactions`, { reaction: "useful" });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.counts, { useful: 1, seen: 1, "false-positive": 0 });
      assert.equal(r.body.details, null);
      const mine = await call("alice", "GET", `/api/items/${ids.incident}/reactions`);
      assert.deepEqual((mine.body.details as Json[]).map((d) => [(d.organisation as Json).name, d.context]).sort(), [
        ["Beta Bank", "Same at our DC"],
        ["Gamma Water", ""],
      ]);
    });

    it("tracks acknowledgement of a warning per recipient organisation", async () => {
      const warning = await call("alice", "POST", "/api/items", {
        kind: "warning",
        title: "Patch the VPN now",
        tlp: "TLP:GREEN",
        audience: { organisations: [ids.beta, ids.gamma] },
        details: { urgency: "flash", requiresAcknowledgement: true, acknowledgeWithinHours: 24 },
      });
      const id = warning.body.id as string;
      const ack = await call("bob", "POST", `/api/items/${id}/acknowledgements`, {});
      assert.equal(ack.body.acknowledgedByMyOrganisation, true);
      assert.equal(ack.body.organisations, null, "only the author's organisation sees everyone's state");
      const state = await call("alice", "GET", `/api/items/${id}/acknowledgements`);
      assert.deepEqual(
        (state.body.organisations as Json[]).map((o) => [(o.organisation as Json).name, o.acknowledgedAt !== null]),
        [
          ["Beta Bank", true],
          ["Gamma Water", false],
        ],
      );
      assert.equal((await call("bob", "POST", `/api/items/${ids.incident}/acknowledgements`, {})).body.error?.code, "conflict");
    });

    it("hides an anonymous originator from other organisations in views, filters, facets and the audit trail", async () => {
      const anon = await call("alice", "POST", "/api/items", {
        kind: "threat",
        title: "Insider approach via recruiters",
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        anonymous: true,
      });
      const id = anon.body.id as string;
      assert.equal(anon.body.own, true);
      assert.equal((anon.body.organisation as Json).name, "Alpha Grid", "the originator sees its own item as its own");
      const seen = await call("bob", "GET", `/api/items/${id}`);
      assert.equal((seen.body.author as Json).id, null);
      assert.doesNotMatch(JSON.stringify(seen.body), /Alpha Grid|alice/);
      const byOrg = (await call("bob", "GET", `/api/items?organisation=${ids.alpha}&limit=200`)).body.items as Json[];
      assert.ok(!byOrg.some((i) => i.id === id), "filtering by the true originator does not find it");
      const facets = (await call("bob", "GET", "/api/search?q=recruiters")).body.facets as { organisation: Json[] };
      assert.deepEqual(
        facets.organisation.map((f) => f.value),
        ["anonymous"],
      );
      const trail = (await call("alice", "GET", "/api/audit?limit=50")).body.entries as Json[];
      const created = trail.find((e) => e.subjectId === id && e.action === "item.created");
      assert.ok(created);
      assert.equal(created.actor, null);
      assert.match(String((created.details as Json).pseudonym), /^Anonymous contributor/);
    });

    it("keeps unreadable content out of a colleague's audit trail", async () => {
      const red = await call("carol", "POST", "/api/items", {
        kind: "threat",
        title: "Only for Bob",
        tlp: "TLP:RED",
        audience: { persons: [ids.bob] },
      });
      await call("bob", "GET", `/api/items/${red.body.id}`);
      const bobTrail = (await call("bob", "GET", "/api/audit?limit=200")).body.entries as Json[];
      assert.ok(
        bobTrail.some((e) => e.subjectId === red.body.id),
        "Bob sees his own read",
      );
      const colleague = await buildPerson(db, { organisationId: ids.beta as string, name: "bea" });
      await acceptDocuments(db, colleague.id, await currentDocumentIds(db));
      as.bea = { authorization: `Bearer ${await buildToken(db, colleague.id)}` };
      const beaTrail = (await call("bea", "GET", "/api/audit?limit=200")).body.entries as Json[];
      assert.ok(beaTrail.length > 0);
      assert.ok(!beaTrail.some((e) => e.subjectId === red.body.id), "Bob's colleague learns nothing of the RED item");
    });

    it("refuses threads nested deeper than ten levels and lifting answerer pseudonymity once answered", async () => {
      let parentId: string | undefined;
      for (let depth = 0; depth < 10; depth++) {
        const reply = await call("bob", "POST", `/api/items/${ids.incident}/comments`, {
          body: `level ${depth}`,
          ...(parentId ? { parentId } : {}),
        });
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
        parentId = reply.body.id as string;
      }
      const tooDeep = await call("bob", "POST", `/api/items/${ids.incident}/comments`, { body: "too deep", parentId });
      assert.equal(tooDeep.body.error?.code, "validation_failed");
      const rfi = await call("alice", "POST", "/api/items", {
        kind: "rfi",
        title: "Q",
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        details: { dueAt: "2026-12-01T00:00:00Z" },
      });
      await call("bob", "POST", `/api/items/${rfi.body.id}/comments`, { body: "A" });
      const lifted = await call("alice", "PUT", `/api/items/${rfi.body.id}`, {
        title: "Q",
        body: "",
        sectors: [],
        details: { dueAt: "2026-12-01T00:00:00Z", answerersVisible: true },
      });
      assert.equal(lifted.body.error?.code, "conflict");
    });

    it("saves a search and counts what is new since it was last opened", async () => {
      const saved = await call("bob", "POST", "/api/saved-searches", {
        name: "Energy incidents, AMBER+",
        filters: { kind: "incident", minTlp: "TLP:AMBER" },
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.newItems, 0);
      clock.advance(60_000);
      await call("alice", "POST", "/api/items", { ...INCIDENT, title: "Second outage" });
      await call("alice", "POST", "/api/items", { ...INCIDENT, title: "Green one", tlp: "TLP:GREEN" });
      const list = (await call("bob", "GET", "/api/saved-searches")).body.searches as Json[];
      assert.equal(list[0]?.newItems, 1);
      const seen = await call("bob", "POST", `/api/saved-searches/${saved.body.id}/seen`, {});
      assert.equal(seen.body.newItems, 0);
      assert.equal(
        ((await call("carol", "GET", "/api/saved-searches")).body.searches as Json[]).length,
        0,
        "saved searches are personal",
      );
    });
  });
}
