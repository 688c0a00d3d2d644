// Preparedness measures through the HTTP API on each backend: proposal, adoption by decision,
// reports under their own label, suppressed aggregates, reviews by the scheduler, export.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Deps } from "../src/server/context.js";
import type { Database } from "../src/server/db/database.js";
import { runDueJobs, standardJobs } from "../src/server/jobs/scheduler.js";
import { type TestClock, testApp } from "./support/app.js";
import { buildItem, buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];
const DAY = 86_400_000;

for (const backend of testBackends()) {
  describe(`preparedness measures on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    let deps: Deps;
    let clock: TestClock;
    const orgs: Record<string, string> = {};
    const people: Record<string, { id: string; token: string }> = {};
    let measureId = "";

    async function api(who: string, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${people[who]?.token}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const json = res.headers["content-type"]?.includes("json");
      return { status: res.statusCode, body: json ? res.json() : res.body, headers: res.headers };
    }

    before(async () => {
      db = await backend.open();
      ({ app, deps, clock } = await testApp(db));
      orgs.sec = await buildOrganisation(db, { name: "Secretariat", kind: "public", secretariat: true });
      for (const key of ["a", "b", "c", "d"])
        orgs[key] = await buildOrganisation(db, { name: `Grid ${key.toUpperCase()}`, kind: "private" });
      orgs.e = await buildOrganisation(db, { name: "Energy Ministry", kind: "public" });
      const docs = await publishDocuments(db);
      Object.assign(
        people,
        await buildMembers(
          db,
          orgs,
          [
            ["sec", "sec", "secretariat"],
            ["chair", "e", "chair"],
            ["a", "a", "member"],
            ["a2", "a", "member"],
            ["b", "b", "member"],
            ["c", "c", "member"],
            ["d", "d", "member"],
            ["e", "e", "member"],
          ],
          docs,
        ),
      );
    });

    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("a member proposes a measure linked to what it answers; an unreadable link refuses it and stores nothing", async () => {
      const incident = await buildItem(db, {
        authorId: people.b?.id as string,
        authorOrganisationId: orgs.b as string,
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        title: "Relay firmware incident",
      });
      const hidden = await buildItem(db, {
        authorId: people.c?.id as string,
        authorOrganisationId: orgs.c as string,
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [orgs.c as string] },
      });
      const body = {
        title: "Segment OT networks from corporate IT",
        body: "Every operator separates OT from IT with a monitored conduit.",
        rationale: "Three incidents this year crossed from IT to OT.",
        appliesToSectors: ["energy"],
        appliesToKinds: ["private"],
      };
      const refused = await api("a", "POST", "/api/measures", { ...body, linkedItemIds: [incident, hidden] });
      assert.equal(refused.status, 404);
      assert.equal((await api("a", "GET", "/api/measures")).body.measures.length, 0, "nothing stored");
      const proposed = await api("a", "POST", "/api/measures", { ...body, linkedItemIds: [incident] });
      assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
      assert.equal(proposed.body.stage, "proposed");
      assert.deepEqual(
        proposed.body.linkedItems.map((l: { title: string }) => l.title),
        ["Relay firmware incident"],
      );
      measureId = proposed.body.id;
      // A measure is an item: it has a thread.
      const comment = await api("b", "POST", `/api/items/${measureId}/comments`, { body: "We can do this by Q3." });
      assert.equal(comment.status, 200, JSON.stringify(comment.body));
      assert.equal((await api("e", "GET", `/api/items/${measureId}`)).body.kind, "measure");
    });

    it("before adoption nobody reports; members cannot adopt; the chairs adopt between meetings with a reason", async () => {
      const early = await api("a", "PUT", `/api/measures/${measureId}/implementation`, { status: "planned" });
      assert.equal(early.status, 409);
      assert.equal(
        (
          await api("a", "POST", `/api/measures/${measureId}/adopt`, {
            note: "x",
            reviewIntervalMonths: 6,
            targetDate: "2027-06-30",
          })
        ).status,
        403,
      );
      const noReason = await api("chair", "POST", `/api/measures/${measureId}/adopt`, {
        reviewIntervalMonths: 6,
        targetDate: "2027-06-30",
      });
      assert.equal(noReason.status, 400);
      const adopted = await api("chair", "POST", `/api/measures/${measureId}/adopt`, {
        note: "Urgent after the relay incident; confirmed at the next meeting.",
        reviewIntervalMonths: 6,
        targetDate: "2027-06-30",
      });
      assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
      assert.equal(adopted.body.stage, "adopted");
      assert.equal(adopted.body.nextReviewOn, "2027-05-01");
      assert.equal(adopted.body.aggregate.applicableOrganisations, 4);
      const told = await api("b", "GET", "/api/notifications");
      assert.ok(told.body.notifications.some((n: { type: string }) => n.type === "measure.adopted"));
      const ministry = await api("e", "GET", "/api/notifications");
      assert.ok(!ministry.body.notifications.some((n: { type: string }) => n.type === "measure.adopted"), "does not apply to it");
      assert.equal(
        (
          await api("chair", "POST", `/api/measures/${measureId}/adopt`, {
            note: "again",
            reviewIntervalMonths: 6,
            targetDate: "2027-06-30",
          })
        ).status,
        409,
      );
    });

    it("reports: only applicable organisations; evidence stays with its organisation; others see suppressed counts", async () => {
      const notApplicable = await api("e", "PUT", `/api/measures/${measureId}/implementation`, { status: "implemented" });
      assert.equal(notApplicable.status, 422);
      assert.equal(notApplicable.body.error.code, "measure_not_applicable");
      const noReason = await api("a", "PUT", `/api/measures/${measureId}/implementation`, { status: "not-applicable" });
      assert.equal(noReason.status, 400);
      const a = await api("a", "PUT", `/api/measures/${measureId}/implementation`, {
        status: "implemented",
        evidence: "Firewall change ticket CHG-4471 and the conduit diagram.",
      });
      assert.equal(a.status, 200, JSON.stringify(a.body));
      assert.equal(a.body.myStatus, "implemented");
      assert.equal(a.body.reports[0].tlp, "TLP:AMBER+STRICT");
      assert.match(a.body.reports[0].evidence, /CHG-4471/);
      assert.match(
        (await api("a2", "GET", `/api/measures/${measureId}`)).body.reports[0].evidence,
        /CHG-4471/,
        "a colleague reads it",
      );
      const other = await api("b", "GET", `/api/measures/${measureId}`);
      assert.ok(!JSON.stringify(other.body).includes("CHG-4471"), "another organisation does not");
      assert.equal(other.body.reports.length, 0);
      assert.equal(other.body.aggregate.byStatus.implemented, null, "one organisation: withheld");
      assert.equal(other.body.aggregate.reported, null);
      for (const who of ["b", "c"]) {
        assert.equal((await api(who, "PUT", `/api/measures/${measureId}/implementation`, { status: "implemented" })).status, 200);
      }
      const three = await api("d", "GET", `/api/measures/${measureId}`);
      assert.equal(three.body.aggregate.byStatus.implemented, 3);
      assert.equal(three.body.aggregate.reported, 3);
      assert.equal(three.body.myReportDue, true, "D has not reported");
      const d = await api("d", "PUT", `/api/measures/${measureId}/implementation`, { status: "planned" });
      // One "planned" among four reports could be recovered from the total: both small cells go.
      assert.equal(d.body.aggregate.byStatus.planned, null);
      assert.equal(d.body.aggregate.byStatus.implemented, null);
      assert.equal(d.body.aggregate.reported, 4);
      assert.equal(d.body.myReportDue, false);
      // A report speaks for its organisation: never RED, always readable by its colleagues.
      const red = await api("d", "PUT", `/api/measures/${measureId}/implementation`, {
        status: "planned",
        tlp: "TLP:RED",
        audience: { persons: [people.d?.id] },
      });
      assert.equal(red.status, 422);
      assert.equal(red.body.error.code, "audience_invalid");
      const elsewhere = await api("d", "PUT", `/api/measures/${measureId}/implementation`, {
        status: "planned",
        audience: { organisations: [orgs.a] },
      });
      assert.equal(elsewhere.status, 422);
      // Without consent, D's status counts only for those who may read D's report.
      const private_ = await api("d", "PUT", `/api/measures/${measureId}/implementation`, {
        status: "planned",
        countInStatistics: false,
      });
      assert.equal(private_.body.aggregate.reported, 4, "D reads its own report");
      const forB = await api("b", "GET", `/api/measures/${measureId}`);
      assert.equal(forB.body.aggregate.reported, 3);
      assert.equal(forB.body.aggregate.byStatus.implemented, 3);
      assert.equal(forB.body.aggregate.byStatus.planned, 0);
      // Layer 2 alone: a bare query as B sees no other organisation's report.
      const bare = await db.asViewer(people.b?.id as string, (trx) =>
        trx.selectFrom("measure_implementations").select("organisation_id").execute(),
      );
      assert.deepEqual(
        bare.map((r) => r.organisation_id),
        [orgs.b],
      );
    });

    it("the chairs see adoption over time and who is overdue; members may not", async () => {
      assert.equal((await api("a", "GET", `/api/measures/${measureId}/adoption`)).status, 403);
      const overview = await api("chair", "GET", `/api/measures/${measureId}/adoption`);
      assert.equal(overview.status, 200, JSON.stringify(overview.body));
      const all = overview.body.series.find((s: { group: string }) => s.group === "all");
      assert.equal(all.applicable, 4);
      assert.equal(all.implemented.at(-1), 0.75);
      assert.equal(overview.body.overdue.length, 0);
    });

    it("a review falls due: applicable organisations are asked once; until they confirm they are overdue", async () => {
      clock.advance(190 * DAY);
      const jobs = standardJobs(7);
      await runDueJobs(deps, jobs);
      await runDueJobs(deps, jobs);
      const asked = (await api("c", "GET", "/api/notifications?limit=200")).body.notifications.filter(
        (n: { type: string }) => n.type === "measure.review_due",
      );
      assert.equal(asked.length, 1);
      const list = await api("c", "GET", "/api/measures?mine=true");
      assert.equal(list.body.measures[0].myReportDue, true);
      assert.equal((await api("e", "GET", "/api/measures?mine=true")).body.measures.length, 0);
      const overview = await api("chair", "GET", `/api/measures/${measureId}/adoption`);
      assert.equal(overview.body.overdue.length, 4);
      await api("c", "PUT", `/api/measures/${measureId}/implementation`, { status: "implemented" });
      const after = await api("chair", "GET", `/api/measures/${measureId}/adoption`);
      assert.deepEqual(after.body.overdue.map((o: { organisation: { name: string } }) => o.organisation.name).sort(), [
        "Grid A",
        "Grid B",
        "Grid D",
      ]);
    });

    it("exports readable measures as CSV and JSON without reports or evidence", async () => {
      const csv = await api("b", "GET", "/api/measures/export?format=csv");
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers["content-type"]), /text\/csv/);
      assert.match(csv.body, /"Segment OT networks from corporate IT"/);
      assert.ok(!csv.body.includes("CHG-4471"));
      const json = await api("b", "GET", "/api/measures/export?format=json");
      assert.equal(json.body.measures[0].id, measureId);
    });

    it("a measure is adopted by a meeting's recorded decision; its originator cannot change whom it applies to", async () => {
      const proposed = await api("b", "POST", "/api/measures", {
        title: "Exercise black start twice a year",
        appliesToSectors: ["energy"],
        appliesToKinds: ["private"],
      });
      assert.equal(proposed.status, 200);
      const id = proposed.body.id;
      const edit = await api("b", "PUT", `/api/items/${id}`, {
        title: "Exercise black start twice a year",
        body: "",
        sectors: [],
        details: { appliesToSectors: ["energy", "water"], appliesToKinds: ["private"] },
      });
      assert.equal(edit.status, 409, "applicability is the chairs' to revise");
      const wording = await api("b", "PUT", `/api/items/${id}`, {
        title: "Exercise black start twice a year",
        body: "With the TSO.",
        sectors: [],
        details: { appliesToSectors: ["energy"], appliesToKinds: ["private"], rationale: "Winter storms." },
      });
      assert.equal(wording.status, 200, JSON.stringify(wording.body));
      const meeting = await api("sec", "POST", "/api/meetings", {
        title: "Plenary",
        format: "call",
        startsAt: new Date(clock.now.getTime() + DAY).toISOString(),
        endsAt: new Date(clock.now.getTime() + DAY + 3_600_000).toISOString(),
      });
      assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
      const agenda = await api("sec", "POST", `/api/meetings/${meeting.body.id}/agenda`, {
        part: "strategic",
        title: "Black start",
      });
      const decided = await api("sec", "POST", `/api/agenda-items/${agenda.body.id}/decisions`, {
        text: "Adopt the black-start measure.",
      });
      const decisionId = decided.body.decisions[0].id;
      assert.equal(
        (
          await api("chair", "POST", `/api/measures/${id}/adopt`, {
            decisionId: randomUUID(),
            reviewIntervalMonths: 12,
            targetDate: "2027-12-31",
          })
        ).status,
        404,
      );
      const adopted = await api("chair", "POST", `/api/measures/${id}/adopt`, {
        decisionId,
        reviewIntervalMonths: 12,
        targetDate: "2027-12-31",
      });
      assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
      assert.equal(adopted.body.decision.text, "Adopt the black-start measure.");
      assert.equal(adopted.body.rationale, "Winter storms.");
    });

    it("revision and retirement are for the chairs; a retired measure takes no report", async () => {
      assert.equal(
        (await api("b", "PATCH", `/api/measures/${measureId}`, { appliesToKinds: ["private", "public"], note: "x" })).status,
        403,
      );
      const revised = await api("sec", "PATCH", `/api/measures/${measureId}`, {
        appliesToKinds: ["private", "public"],
        note: "Public operators too.",
      });
      assert.equal(revised.status, 200, JSON.stringify(revised.body));
      assert.equal(revised.body.aggregate.applicableOrganisations, 5);
      assert.equal((await api("e", "GET", `/api/measures/${measureId}`)).body.appliesToMe, true);
      const retired = await api("chair", "POST", `/api/measures/${measureId}/retire`, {
        reason: "Superseded by the national OT baseline.",
      });
      assert.equal(retired.body.stage, "retired");
      assert.equal((await api("a", "PUT", `/api/measures/${measureId}/implementation`, { status: "implemented" })).status, 409);
      assert.equal((await api("a", "GET", "/api/items?status=retired")).body.items[0].id, measureId);
    });
  });
}
