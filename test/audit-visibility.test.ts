// The audit trail and meeting content: an entry about a meeting, an agenda item, an action, an
// urgent call, a service or a dependency is listed to the viewer's organisation exactly while the
// viewer may read that content. Also the layer-1 predicates of host rotation, agenda positions and
// calendar feeds. Through the real HTTP API, on each backend.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/server/db/database.js";
import { listAudit } from "../src/server/repositories/audit.repository.js";
import { hostRotation, nextPosition } from "../src/server/repositories/meetings.repository.js";
import { testApp } from "./support/app.js";
import { buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { predicateOnly, testBackends } from "./support/databases.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];
type Entry = { seq: number; action: string; subjectType: string | null; subjectId: string | null };

for (const backend of testBackends()) {
  describe(`audit entries about meeting content on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    const orgs: Record<string, string> = {};
    const people: Record<string, { id: string; email: string; token: string }> = {};
    const ids: Record<string, string> = {};

    async function api(who: string, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${people[who]?.token}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    }

    async function ok(who: string, method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) {
      const res = await api(who, method, url, payload);
      assert.equal(res.status, 200, `${who} ${method} ${url}: ${JSON.stringify(res.body)}`);
      return res.body;
    }

    async function auditOf(who: string): Promise<Entry[]> {
      const res = await api(who, "GET", "/api/audit?limit=500");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.entries as Entry[];
    }

    const has = (entries: Entry[], action: string, subjectType: string, subjectId: string | undefined) =>
      entries.some((e) => e.action === action && e.subjectType === subjectType && e.subjectId === subjectId);

    const id = (name: string) => people[name]?.id as string;

    before(async () => {
      db = await backend.open();
      ({ app } = await testApp(db));
      orgs.sec = await buildOrganisation(db, { name: "Secretariat", kind: "public", secretariat: true });
      orgs.a = await buildOrganisation(db, { name: "Alpha Grid", kind: "private" });
      orgs.b = await buildOrganisation(db, { name: "Bravo Ministry", kind: "public" });
      orgs.c = await buildOrganisation(db, { name: "Charlie Telecom", kind: "private" });
      const docs = await publishDocuments(db);
      Object.assign(
        people,
        await buildMembers(
          db,
          orgs,
          [
            ["sec", "sec", "secretariat"],
            ["sec2", "sec", "secretariat"],
            ["alice", "a", "member"],
            ["alice2", "a", "member"],
            ["alice3", "a", "member"],
            ["bob", "b", "member"],
            ["bob2", "b", "member"],
          ],
          docs,
          `${backend.name}.test`,
        ),
      );

      // The secretariat schedules an exchange-wide meeting hosted by Alpha, and a RED one for Bob hosted by Bravo.
      ids.meeting = (
        await ok("sec", "POST", "/api/meetings", {
          title: "Regular meeting",
          format: "in-person",
          startsAt: "2026-12-10T09:00:00Z",
          endsAt: "2026-12-10T12:00:00Z",
          hostOrganisationId: orgs.a,
        })
      ).id;
      ids.redMeeting = (
        await ok("sec", "POST", "/api/meetings", {
          title: "Closed session",
          format: "in-person",
          startsAt: "2026-12-17T09:00:00Z",
          endsAt: "2026-12-17T12:00:00Z",
          hostOrganisationId: orgs.b,
          tlp: "TLP:RED",
          audience: { persons: [id("bob")] },
        })
      ).id;
      // Alice proposes an open agenda item and a RED one named to Alice2 and Bob (not Alice3).
      ids.openAgenda = (
        await ok("alice", "POST", `/api/meetings/${ids.meeting}/agenda`, { part: "operational", title: "Threat picture" })
      ).id;
      ids.redAgenda = (
        await ok("alice", "POST", `/api/meetings/${ids.meeting}/agenda`, {
          part: "operational",
          title: "Ongoing intrusion",
          tlp: "TLP:RED",
          audience: { persons: [id("alice2"), id("bob")] },
        })
      ).id;
      ids.action = (
        await ok("alice", "POST", "/api/actions", {
          title: "Share indicators",
          ownerPersonId: id("alice2"),
          dueOn: "2026-12-20",
          meetingId: ids.meeting,
        })
      ).id;
      ids.call = (
        await ok("alice", "POST", "/api/calls", {
          title: "Grid incident",
          bridge: "https://bridge.example/123",
          invitees: { persons: [id("alice2"), id("bob")] },
        })
      ).id;
      await ok("bob", "PUT", `/api/calls/${ids.call}/roll-call`, { status: "investigating" });
      const service = { description: "", sector: "energy", region: "North" };
      ids.service = (await ok("alice", "POST", "/api/services", { ...service, name: "Transmission" })).id;
      ids.provider = (await ok("alice", "POST", "/api/services", { ...service, name: "Control centre" })).id;
      ids.dependency = (
        await ok("alice", "POST", "/api/dependencies", {
          dependentId: ids.service,
          providerId: ids.provider,
          type: "cyber",
          bufferHours: 2,
          degradation: "partial",
        })
      ).id;
      ids.deletedDependency = (
        await ok("alice", "POST", "/api/dependencies", {
          dependentId: ids.service,
          providerId: ids.provider,
          type: "physical",
          bufferHours: 1,
          degradation: "total",
        })
      ).id;
      await ok("alice", "DELETE", `/api/dependencies/${ids.deletedDependency}`);
    });

    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("the author's organisation sees its entries about meetings, agenda items, actions, calls and services", async () => {
      for (const who of ["alice", "alice2"]) {
        const entries = await auditOf(who);
        assert.ok(has(entries, "agenda.proposed", "agenda-item", ids.openAgenda), who);
        assert.ok(has(entries, "agenda.proposed", "agenda-item", ids.redAgenda), `${who}: RED agenda item, author or recipient`);
        assert.ok(has(entries, "action.created", "action", ids.action), who);
        assert.ok(has(entries, "call.convened", "urgent-call", ids.call), `${who}: RED call, convener or invitee`);
        assert.ok(has(entries, "service.created", "service", ids.service), who);
        assert.ok(has(entries, "service.created", "service", ids.provider), who);
        assert.ok(has(entries, "dependency.created", "service", ids.service), who);
      }
      const sec = await auditOf("sec");
      assert.ok(has(sec, "meeting.created", "meeting", ids.meeting));
      assert.ok(has(sec, "meeting.created", "meeting", ids.redMeeting), "the RED meeting's author sees it");
      // A recipient in another organisation sees its own organisation's trail about the RED call.
      assert.ok(has(await auditOf("bob"), "call.answered", "urgent-call", ids.call));
    });

    it("a colleague who may not read RED content sees no entry about it", async () => {
      const alice3 = await auditOf("alice3");
      assert.ok(has(alice3, "agenda.proposed", "agenda-item", ids.openAgenda));
      assert.ok(has(alice3, "action.created", "action", ids.action));
      assert.ok(has(alice3, "service.created", "service", ids.service));
      assert.ok(!has(alice3, "agenda.proposed", "agenda-item", ids.redAgenda), "RED agenda item hidden");
      assert.ok(!alice3.some((e) => e.subjectId === ids.redAgenda || e.subjectId === ids.call), "nothing about RED content");

      const sec2 = await auditOf("sec2");
      assert.ok(has(sec2, "meeting.created", "meeting", ids.meeting));
      assert.ok(!sec2.some((e) => e.subjectId === ids.redMeeting), "RED meeting hidden from a non-recipient colleague");

      assert.ok(!(await auditOf("bob2")).some((e) => e.subjectId === ids.call), "RED call hidden from a non-invitee");

      // Layer 1 alone (as the owner, no row-level security): the listing's own predicate hides them.
      const rows = await predicateOnly(db, id("alice3"), (trx) =>
        listAudit(trx, { organisationId: orgs.a as string, administrative: false }, 500, undefined),
      );
      assert.ok(rows.some((r) => r.subject_id === ids.openAgenda));
      assert.ok(!rows.some((r) => r.subject_id === ids.redAgenda || r.subject_id === ids.call));
    });

    it("an entry about a deleted dependency is listed to no one", async () => {
      for (const who of ["alice", "alice2", "alice3"]) {
        const entries = await auditOf(who);
        assert.ok(!entries.some((e) => e.subjectId === ids.deletedDependency), who);
        assert.ok(!entries.some((e) => e.action === "dependency.deleted"), who);
      }
    });

    it("host rotation lists every active member organisation, counting only meetings the viewer may read", async () => {
      const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
      const lastHosted = (rows: { id: string; last_hosted: unknown }[], org: string) =>
        rows.find((r) => r.id === org)?.last_hosted ?? null;
      const members = ["Alpha Grid", "Bravo Ministry", "Charlie Telecom"];

      const forBob = await db.asViewer(id("bob"), (trx) => hostRotation(trx));
      assert.deepEqual(names(forBob), members);
      assert.ok(lastHosted(forBob, orgs.b as string) !== null, "Bob may read the RED meeting Bravo hosts");
      assert.equal(forBob.at(-1)?.name, "Bravo Ministry", "Bravo hosted last");

      // Layer 1 alone: Alice3 cannot read the RED meeting, yet Bravo is still listed.
      const forAlice3 = await predicateOnly(db, id("alice3"), (trx) => hostRotation(trx));
      assert.deepEqual(names(forAlice3), members);
      assert.equal(lastHosted(forAlice3, orgs.b as string), null);
      assert.ok(lastHosted(forAlice3, orgs.a as string) !== null);
      assert.equal(lastHosted(forAlice3, orgs.c as string), null);
    });

    it("the next agenda position counts only agenda items the viewer may read", async () => {
      const forAlice = await predicateOnly(db, id("alice"), (trx) => nextPosition(trx, ids.meeting as string, "operational"));
      assert.equal(forAlice, 2);
      const forAlice3 = await predicateOnly(db, id("alice3"), (trx) => nextPosition(trx, ids.meeting as string, "operational"));
      assert.equal(forAlice3, 1, "the RED agenda item is not counted for a non-recipient");
    });

    it("calendar feeds: each person lists and revokes only their own", async () => {
      const alices = await ok("alice", "POST", "/api/account/calendar-feeds");
      const bobs = await ok("bob", "POST", "/api/account/calendar-feeds");
      const list = await api("alice", "GET", "/api/account/calendar-feeds");
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.feeds.map((f: { id: string }) => f.id),
        [alices.id],
      );
      assert.equal((await api("alice", "DELETE", `/api/account/calendar-feeds/${bobs.id}`)).status, 404);
      const bobList = await api("bob", "GET", "/api/account/calendar-feeds");
      assert.equal(bobList.body.feeds[0].revokedAt, null);
      assert.equal((await api("bob", "DELETE", `/api/account/calendar-feeds/${bobs.id}`)).status, 200);
    });
  });
}
