// Meetings, action items, urgent calls, warning escalation and notifications through the real
// HTTP API, a real SMTP server and real scheduled jobs, on each backend.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import type { Deps } from "../src/server/context.js";
import type { Database } from "../src/server/db/database.js";
import { queueDigests } from "../src/server/jobs/digest.js";
import { drainOutbox } from "../src/server/jobs/outbox.js";
import { runDueJobs, standardJobs } from "../src/server/jobs/scheduler.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { type TestClock, testApp } from "./support/app.js";
import { buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";
import { startSmtp } from "./support/smtp.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];
const HOUR = 3_600_000;
const EXCHANGE = { exchange: true, organisations: [], groups: [], persons: [] };

for (const backend of testBackends()) {
  describe(`meetings, calls and notifications on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    let deps: Deps;
    let clock: TestClock;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    const orgs: Record<string, string> = {};
    const people: Record<string, { id: string; email: string; token: string }> = {};

    async function api(who: string, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${people[who]?.token}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return {
        status: res.statusCode,
        body: res.body ? (res.headers["content-type"]?.includes("json") ? res.json() : res.body) : null,
      };
    }

    async function notificationsOf(who: string) {
      const res = await api(who, "GET", "/api/notifications?limit=200");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.notifications as { type: string; subject: { id: string; title: string; tlp: string }; urgent: boolean }[];
    }

    async function count(table: "meetings" | "action_items" | "agenda_items" | "urgent_calls" | "notifications") {
      const r = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    }

    const mailText = () => smtp.received.map((m) => m.raw).join("\n=====\n");

    before(async () => {
      db = await backend.open();
      smtp = await startSmtp();
      ({ app, deps, clock } = await testApp(db, {
        mailer: createMailer(`smtp://127.0.0.1:${smtp.port}`, "Roundtable <rt@test.example>"),
      }));
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
            ["chair", "b", "chair"],
            ["alice", "a", "member"],
            ["alice2", "a", "member"],
            ["bob", "b", "member"],
            ["carol", "c", "member"],
            ["carol2", "c", "member"],
          ],
          docs,
          `${backend.name}.test`,
        ),
      );
    });

    after(async () => {
      await app.close();
      await smtp.close();
      await backend.dispose();
    });

    it("only the secretariat and chairs schedule meetings; a start in the past is refused and stores nothing", async () => {
      const before = await count("meetings");
      const body = {
        title: "Regular meeting",
        format: "in-person",
        startsAt: "2026-12-10T09:00:00Z",
        endsAt: "2026-12-10T12:00:00Z",
      };
      const byMember = await api("alice", "POST", "/api/meetings", body);
      assert.equal(byMember.status, 403);
      assert.equal(byMember.body.error.code, "forbidden");
      const past = await api("sec", "POST", "/api/meetings", {
        ...body,
        startsAt: "2026-10-01T09:00:00Z",
        endsAt: "2026-10-01T12:00:00Z",
      });
      assert.equal(past.status, 400);
      assert.equal(past.body.error.code, "meeting_in_past");
      const backwards = await api("sec", "POST", "/api/meetings", { ...body, endsAt: "2026-12-10T08:00:00Z" });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.code, "validation_failed");
      assert.equal(await count("meetings"), before);
      const ok = await api("sec", "POST", "/api/meetings", { ...body, hostOrganisationId: orgs.a });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.host.name, "Alpha Grid");
      assert.ok((await notificationsOf("bob")).some((n) => n.type === "meeting.scheduled" && n.subject.id === ok.body.id));
    });

    it("plans a year with hosts rotating, those that hosted least recently first", async () => {
      const res = await api("chair", "POST", "/api/meetings/plan", {
        dates: ["2027-03-10", "2027-06-09", "2027-09-08"],
        startTime: "09:30",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const hosts = res.body.meetings.map((m: { host: { name: string } }) => m.host.name);
      assert.equal(new Set(hosts).size, 3, "three different hosts");
      assert.equal(hosts[2], "Alpha Grid", "Alpha Grid hosted last, so it hosts last of the three members");
      assert.ok(!hosts.includes("Secretariat"));
      assert.equal(res.body.meetings[0].startsAt, "2027-03-10T09:30:00.000Z");
      const year = await api("bob", "GET", "/api/meetings?year=2027");
      assert.equal(year.body.meetings.length, 3);
    });

    it("agenda: members propose, managers are told and arrange; a RED agenda item and its minutes exist only for its recipients", async () => {
      const meeting = (await api("sec", "GET", "/api/meetings?year=2026")).body.meetings[0];
      const open = await api("alice", "POST", `/api/meetings/${meeting.id}/agenda`, {
        part: "operational",
        title: "Sector threat picture",
      });
      assert.equal(open.status, 200, JSON.stringify(open.body));
      assert.equal(open.body.status, "proposed");
      assert.ok((await notificationsOf("sec")).some((n) => n.type === "agenda.proposed" && n.subject.id === open.body.id));
      const red = await api("alice", "POST", `/api/meetings/${meeting.id}/agenda`, {
        part: "operational",
        title: "Ongoing intrusion at a grid operator",
        chathamHouse: true,
        tlp: "TLP:RED",
        audience: { persons: [people.bob?.id, people.chair?.id] },
      });
      assert.equal(red.status, 200, JSON.stringify(red.body));
      // The secretariat is not a recipient: for it, the RED agenda item does not exist.
      assert.equal((await api("sec", "PATCH", `/api/agenda-items/${red.body.id}`, { status: "accepted" })).status, 404);
      assert.equal((await api("chair", "PATCH", `/api/agenda-items/${red.body.id}`, { status: "accepted" })).status, 200);
      assert.equal(
        (await api("sec", "PATCH", `/api/agenda-items/${open.body.id}`, { status: "accepted", part: "strategic" })).status,
        200,
      );
      const minutes = await api("chair", "PUT", `/api/agenda-items/${red.body.id}/minutes`, {
        minutes: "Indicators shared under RED: 203.0.113.7",
      });
      assert.equal(minutes.status, 200, JSON.stringify(minutes.body));
      assert.equal(
        (await api("chair", "POST", `/api/agenda-items/${red.body.id}/decisions`, { text: "Isolate the OT network" })).status,
        200,
      );

      const forBob = await api("bob", "GET", `/api/meetings/${meeting.id}`);
      const operational = forBob.body.agenda.find((p: { part: string }) => p.part === "operational");
      assert.equal(operational.items[0].title, "Ongoing intrusion at a grid operator");
      assert.equal(operational.items[0].chathamHouse, true);
      assert.match(operational.items[0].minutes, /203\.0\.113\.7/);
      assert.equal(operational.items[0].decisions[0].text, "Isolate the OT network");
      for (const who of ["carol", "sec", "alice2"]) {
        const page = await api(who, "GET", `/api/meetings/${meeting.id}`);
        assert.equal(page.status, 200);
        const text = JSON.stringify(page.body);
        assert.ok(!text.includes("Ongoing intrusion") && !text.includes("203.0.113.7") && !text.includes("Isolate the OT"), who);
        assert.ok(text.includes("Sector threat picture"));
      }
      // Layer 2 alone: a bare query under row-level security sees no RED row for a non-recipient.
      const bare = await db.asViewer(people.carol?.id as string, (trx) =>
        trx.selectFrom("agenda_items").select("id").where("id", "=", red.body.id).execute(),
      );
      assert.equal(bare.length, 0);
      const decisions = await db.asViewer(people.carol?.id as string, (trx) =>
        trx.selectFrom("meeting_decisions").selectAll().execute(),
      );
      assert.equal(decisions.length, 0);
      // Nor may anyone notify others about what they cannot read themselves.
      const forged = (subjectId: string) =>
        db.asViewer(people.carol?.id as string, (trx) =>
          trx
            .insertInto("notifications")
            .values({
              id: randomUUID(),
              batch_id: randomUUID(),
              person_id: people.alice2?.id as string,
              type: "agenda.proposed",
              subject_type: "agenda-item",
              subject_id: subjectId,
              urgent: false,
              created_at: new Date(),
              read_at: null,
              digested_at: null,
            })
            .execute(),
        );
      await assert.rejects(forged(red.body.id), /row-level security/);
      await forged(open.body.id);
    });

    it("attendance: each person answers for themselves, managers record who came", async () => {
      const meeting = (await api("sec", "GET", "/api/meetings?year=2026")).body.meetings[0];
      const rsvp = await api("carol", "PUT", `/api/meetings/${meeting.id}/attendance`, {
        response: "apologies",
        note: "travelling",
      });
      assert.equal(rsvp.status, 200);
      assert.equal(rsvp.body.myResponse, "apologies");
      assert.equal(
        (
          await api("bob", "PUT", `/api/meetings/${meeting.id}/attendance/record`, {
            attended: [{ personId: people.bob?.id, attended: true }],
          })
        ).status,
        403,
      );
      const recorded = await api("sec", "PUT", `/api/meetings/${meeting.id}/attendance/record`, {
        attended: [{ personId: people.bob?.id, attended: true }],
      });
      const bob = recorded.body.attendance.find((a: { person: { id: string } }) => a.person.id === people.bob?.id);
      assert.equal(bob.attended, true);
      const carol = recorded.body.attendance.find((a: { person: { id: string } }) => a.person.id === people.carol?.id);
      assert.equal(carol.response, "apologies");
      // RLS alone refuses what the service refuses: a member recording someone else, or editing the meeting.
      await assert.rejects(
        db.asViewer(people.bob?.id as string, (trx) =>
          trx
            .insertInto("meeting_attendance")
            .values({
              meeting_id: meeting.id,
              person_id: people.alice?.id as string,
              response: "apologies",
              attended: null,
              note: "",
              updated_at: new Date(),
            })
            .execute(),
        ),
        /row-level security/,
      );
      const moved = await db.asViewer(people.bob?.id as string, (trx) =>
        trx.updateTable("meetings").set({ location: "Elsewhere" }).where("id", "=", meeting.id).executeTakeFirst(),
      );
      assert.equal(Number(moved.numUpdatedRows), 0);
    });

    it("actions: an owner is required and must be able to read it; from RED minutes it stays RED; status has a history", async () => {
      const before = await count("action_items");
      const noOwner = await api("sec", "POST", "/api/actions", { title: "Patch", dueOn: "2026-11-20" });
      assert.equal(noOwner.status, 400);
      assert.equal(noOwner.body.error.code, "validation_failed");
      assert.match(noOwner.body.error.message, /owner/);
      const meeting = (await api("chair", "GET", "/api/meetings?year=2026")).body.meetings[0];
      const page = await api("chair", "GET", `/api/meetings/${meeting.id}`);
      const redItem = page.body.agenda.find((p: { part: string }) => p.part === "operational").items[0];
      const blind = await api("chair", "POST", "/api/actions", {
        title: "Share IOCs with Charlie",
        ownerPersonId: people.carol?.id,
        dueOn: "2026-11-20",
        agendaItemId: redItem.id,
      });
      assert.equal(blind.status, 422);
      assert.equal(blind.body.error.code, "action_owner_cannot_read");
      assert.equal(await count("action_items"), before);

      const greener = await api("chair", "POST", "/api/actions", {
        title: "Report isolation status",
        ownerPersonId: people.bob?.id,
        dueOn: "2026-11-02",
        agendaItemId: redItem.id,
        tlp: "TLP:GREEN",
        audience: { exchange: true },
      });
      assert.equal(greener.status, 422, "an action from RED minutes is never GREEN");
      assert.equal(greener.body.error.code, "label_too_permissive");
      const action = await api("chair", "POST", "/api/actions", {
        title: "Report isolation status",
        ownerPersonId: people.bob?.id,
        dueOn: "2026-11-02",
        agendaItemId: redItem.id,
      });
      assert.equal(action.status, 200, JSON.stringify(action.body));
      assert.equal(action.body.tlp, "TLP:RED");
      assert.equal(action.body.meeting.id, meeting.id);
      assert.equal((await api("carol", "GET", `/api/actions/${action.body.id}`)).status, 404);
      assert.ok((await notificationsOf("bob")).some((n) => n.type === "action.assigned" && n.subject.id === action.body.id));
      const mine = await api("bob", "GET", "/api/actions/mine");
      assert.deepEqual(
        mine.body.mine.map((a: { id: string }) => a.id),
        [action.body.id],
      );
      const orgAction = await api("sec", "POST", "/api/actions", {
        title: "Nominate a liaison",
        ownerOrganisationId: orgs.c,
        dueOn: "2026-12-01",
      });
      assert.equal(orgAction.status, 200);
      assert.equal((await api("carol2", "GET", "/api/actions/mine")).body.organisation[0].id, orgAction.body.id);
      assert.equal((await api("alice", "PATCH", `/api/actions/${orgAction.body.id}`, { status: "done" })).status, 403);
      const progress = await api("carol2", "PATCH", `/api/actions/${orgAction.body.id}`, {
        status: "in-progress",
        note: "asked HR",
      });
      assert.equal(progress.status, 200);
      assert.deepEqual(
        progress.body.history.map((h: { status: string; note: string }) => [h.status, h.note]),
        [
          ["open", ""],
          ["in-progress", "asked HR"],
        ],
      );
    });

    it("reminds before the due date and escalates overdue actions to the chairs, once, whatever the number of instances", async () => {
      const jobs = standardJobs(7);
      const [first, second] = await Promise.all([runDueJobs(deps, jobs, "instance-1"), runDueJobs(deps, jobs, "instance-2")]);
      assert.deepEqual(
        [...(first ?? []), ...(second ?? [])].sort(),
        ["action-escalations", "action-reminders", "federation", "measure-reviews", "warning-escalations"],
        `each due job ran exactly once (the digest waits for its hour): ${JSON.stringify(
          await db.kysely.selectFrom("scheduled_jobs").select(["name", "last_error"]).execute(),
        )}`,
      );
      const reminders = (await notificationsOf("bob")).filter((n) => n.type === "action.reminder");
      assert.equal(reminders.length, 1);
      assert.equal((await notificationsOf("chair")).filter((n) => n.type === "action.overdue").length, 0);

      clock.advance(3 * 24 * HOUR);
      await runDueJobs(deps, jobs);
      await runDueJobs(deps, jobs);
      const overdue = (await notificationsOf("chair")).filter((n) => n.type === "action.overdue");
      assert.equal(overdue.length, 1, "escalated once");
      assert.equal((await notificationsOf("bob")).filter((n) => n.type === "action.reminder").length, 1, "reminded once");
      const listed = await api("chair", "GET", "/api/actions?overdue=true");
      assert.ok(listed.body.actions.every((a: { overdue: boolean }) => a.overdue));
      assert.equal(listed.body.actions.length, 1);
      // Jobs are rows: a restarted instance finds them where they were.
      const rows = await db.kysely.selectFrom("scheduled_jobs").select(["name", "next_run_at"]).execute();
      assert.equal(rows.length, jobs.length);
      assert.ok(rows.every((r) => r.next_run_at > clock.now));
    });

    it("urgent call: invitees are told at once (label and link only by e-mail), answer the roll-call; others cannot", async () => {
      await drainOutbox(deps);
      const sentBefore = smtp.received.length;
      const call = await api("alice", "POST", "/api/calls", {
        title: "Wiper malware at a substation",
        bridge: "https://bridge.example/room/4711 PIN 2468",
        invitees: { organisations: [orgs.b, orgs.c] },
      });
      assert.equal(call.status, 200, JSON.stringify(call.body));
      assert.equal(call.body.tlp, "TLP:RED");
      assert.deepEqual(call.body.rollCall.map((r: { person: { name: string } }) => r.person.name).sort(), [
        "Bob",
        "Carol",
        "Carol2",
        "Chair",
      ]);
      assert.ok((await notificationsOf("carol")).some((n) => n.type === "call.invited" && n.urgent));
      assert.ok(!(await notificationsOf("alice")).some((n) => n.type === "call.invited"), "not the convener");
      await drainOutbox(deps);
      const mails = smtp.received.slice(sentBefore);
      assert.equal(mails.length, 4, mails.map((m) => `${m.to} ${m.raw.match(/Subject: .*/)?.[0]}`).join("\n"));
      for (const mail of mails) {
        assert.match(mail.raw, /TLP:RED/);
        assert.match(mail.raw, new RegExp(`/calls/${call.body.id}`));
        assert.ok(!mail.raw.includes("Wiper") && !mail.raw.includes("bridge.example"), "no title or bridge in e-mail");
      }
      const nobody = await api("alice", "POST", "/api/calls", { title: "x", bridge: "b", invitees: {} });
      assert.equal(nobody.status, 422);
      assert.match(nobody.body.error.message, /Choose whom to invite/);
      assert.equal((await api("sec", "GET", `/api/calls/${call.body.id}`)).status, 404);
      const outsider = await api("sec", "PUT", `/api/calls/${call.body.id}/roll-call`, { status: "affected" });
      assert.equal(outsider.status, 404);
      const convener = await api("alice", "PUT", `/api/calls/${call.body.id}/roll-call`, { status: "affected" });
      assert.equal(convener.status, 403);
      assert.equal(convener.body.error.code, "not_invited");
      const bad = await api("bob", "PUT", `/api/calls/${call.body.id}/roll-call`, { status: "on fire" });
      assert.equal(bad.status, 400);
      const answer = await api("bob", "PUT", `/api/calls/${call.body.id}/roll-call`, {
        status: "investigating",
        note: "SOC looking",
      });
      assert.equal(answer.status, 200);
      const seen = await api("alice", "GET", `/api/calls/${call.body.id}`);
      const bobRow = seen.body.rollCall.find((r: { person: { name: string } }) => r.person.name === "Bob");
      assert.equal(bobRow.status, "investigating");
      assert.equal(seen.body.answered, 1);
      assert.ok((await notificationsOf("alice")).some((n) => n.type === "call.answered" && n.subject.id === call.body.id));

      assert.equal((await api("bob", "POST", `/api/calls/${call.body.id}/end`, { summary: "x" })).status, 403);
      const ended = await api("alice", "POST", `/api/calls/${call.body.id}/end`, {
        summary: "Two operators affected; IOCs shared.",
      });
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      assert.equal(ended.body.status, "ended");
      const summary = await api("carol", "GET", `/api/items/${ended.body.summaryItemId}`);
      assert.equal(summary.status, 200);
      assert.equal(summary.body.tlp, "TLP:AMBER");
      assert.ok(!summary.body.title.includes("Wiper"), "the RED call's title stays out of an AMBER summary");
      assert.equal((await api("sec", "GET", `/api/items/${ended.body.summaryItemId}`)).status, 404);
      const late = await api("carol", "PUT", `/api/calls/${call.body.id}/roll-call`, { status: "affected" });
      assert.equal(late.status, 409);
    });

    it("a warning needing acknowledgement: recipients told at once, late organisations escalated to their contact, the author sees who", async () => {
      assert.equal(
        (await api("alice", "PUT", `/api/organisations/${orgs.c}/escalation-contact`, { personId: people.carol?.id })).status,
        403,
      );
      const wrongOrg = await api("carol", "PUT", `/api/organisations/${orgs.c}/escalation-contact`, { personId: people.bob?.id });
      assert.equal(wrongOrg.status, 400);
      assert.equal(
        (await api("carol", "PUT", `/api/organisations/${orgs.c}/escalation-contact`, { personId: people.carol2?.id })).status,
        200,
      );
      const sentBefore = smtp.received.length;
      const warning = await api("alice", "POST", "/api/items", {
        kind: "warning",
        title: "Amber advisory about relay firmware",
        body: "Update the relays.",
        tlp: "TLP:AMBER",
        audience: { organisations: [orgs.b, orgs.c] },
        sectors: ["energy"],
        details: { urgency: "priority", requiresAcknowledgement: true, acknowledgeWithinHours: 4 },
      });
      assert.equal(warning.status, 200, JSON.stringify(warning.body));
      const bobs = (await notificationsOf("bob")).find((n) => n.subject.id === warning.body.id);
      assert.equal(bobs?.type, "warning.posted");
      assert.equal(bobs?.urgent, true);
      assert.equal((await notificationsOf("sec")).filter((n) => n.subject.id === warning.body.id).length, 0, "not a recipient");
      await drainOutbox(deps);
      const mails = smtp.received.slice(sentBefore);
      assert.deepEqual(
        mails.flatMap((m) => m.to).sort(),
        ["alice2", "bob", "carol", "carol2", "chair"].map((n) => `${n}@${backend.name}.test`).sort(),
        "the readers but the author",
      );
      assert.ok(mails.every((m) => m.raw.includes("TLP:AMBER") && !m.raw.includes("relay firmware")));

      const ack = await api("bob", "POST", `/api/items/${warning.body.id}/acknowledgements`, {});
      assert.equal(ack.status, 200, JSON.stringify(ack.body));
      const jobs = standardJobs(7);
      clock.advance(2 * HOUR);
      await runDueJobs(deps, jobs);
      assert.equal((await notificationsOf("carol2")).filter((n) => n.type === "warning.escalated").length, 0, "not yet due");
      clock.advance(3 * HOUR);
      await runDueJobs(deps, jobs);
      clock.advance(2 * 60_000);
      await runDueJobs(deps, jobs);
      assert.equal(
        (await notificationsOf("carol2")).filter((n) => n.type === "warning.escalated").length,
        1,
        "the contact, once",
      );
      assert.equal((await notificationsOf("carol")).filter((n) => n.type === "warning.escalated").length, 0, "only the contact");
      assert.equal((await notificationsOf("bob")).filter((n) => n.type === "warning.escalated").length, 0, "Bravo acknowledged");
      const state = await api("alice", "GET", `/api/items/${warning.body.id}/acknowledgements`);
      const byName = Object.fromEntries(
        state.body.organisations.map(
          (o: { organisation: { name: string }; escalatedAt: string | null; acknowledgedAt: string | null }) => [
            o.organisation.name,
            o,
          ],
        ),
      );
      assert.ok(byName["Bravo Ministry"].acknowledgedAt);
      assert.equal(byName["Bravo Ministry"].escalatedAt, null);
      assert.ok(byName["Charlie Telecom"].escalatedAt);
    });

    it("notifications obey TLP at read time, and the daily digest mails only what may leave the exchange", async () => {
      const green = await api("alice", "POST", "/api/items", {
        kind: "announcement",
        title: "Green bulletin for everyone",
        tlp: "TLP:GREEN",
        audience: EXCHANGE,
        sectors: ["energy"],
      });
      assert.equal(green.status, 200, JSON.stringify(green.body));
      assert.ok((await notificationsOf("carol")).some((n) => n.subject.id === green.body.id));
      const tightened = await api("alice", "POST", `/api/items/${green.body.id}/label`, {
        tlp: "TLP:AMBER",
        audience: { organisations: [orgs.b] },
        reason: "more sensitive than thought",
      });
      assert.equal(tightened.status, 200, JSON.stringify(tightened.body));
      assert.ok(!(await notificationsOf("carol")).some((n) => n.subject.id === green.body.id), "gone for Carol");
      assert.ok((await notificationsOf("bob")).some((n) => n.type === "item.label_changed" && n.subject.id === green.body.id));
      const other = await api("alice", "POST", "/api/items", {
        kind: "announcement",
        title: "Plenary moved to Tuesday",
        tlp: "TLP:GREEN",
        audience: EXCHANGE,
        sectors: ["energy"],
      });
      assert.equal(other.status, 200);

      const sentBefore = smtp.received.length;
      assert.ok((await queueDigests(deps)) > 0);
      await drainOutbox(deps);
      const digests = smtp.received.slice(sentBefore);
      const toCarol = digests.find((m) => m.to.includes(`carol@${backend.name}.test`));
      assert.ok(toCarol, "Carol gets a digest");
      assert.match(toCarol.raw, /Plenary moved to Tuesday/);
      assert.ok(!toCarol.raw.includes("Green bulletin"), "no longer readable by Carol: not mailed");
      const text = mailText();
      for (const secret of ["relay firmware", "Ongoing intrusion", "203.0.113.7", "Wiper", "bridge.example"])
        assert.ok(!text.includes(secret), secret);
      const again = await queueDigests(deps);
      assert.equal(again, 0, "each notification is digested once");
      const prefs = await api("carol", "PUT", "/api/account/notification-preferences", {
        emailUrgent: false,
        emailDigest: false,
      });
      assert.equal(prefs.status, 200);
      assert.deepEqual((await api("carol", "GET", "/api/account/notification-preferences")).body, {
        emailUrgent: false,
        emailDigest: false,
      });
      const optedOut = smtp.received.length;
      const flash = await api("alice", "POST", "/api/items", {
        kind: "warning",
        title: "Flash for Charlie",
        tlp: "TLP:GREEN",
        audience: { organisations: [orgs.c] },
        sectors: ["energy"],
        details: { urgency: "flash" },
      });
      assert.equal(flash.status, 200, JSON.stringify(flash.body));
      await drainOutbox(deps);
      assert.deepEqual(
        smtp.received
          .slice(optedOut)
          .flatMap((m) => m.to)
          .sort(),
        [`alice2@${backend.name}.test`, `carol2@${backend.name}.test`],
        "Carol opted out of urgent e-mail; her colleague did not",
      );
      assert.ok(
        (await notificationsOf("carol")).some((n) => n.subject.id === flash.body.id),
        "still told in the app",
      );
      const marked = await api("carol", "POST", "/api/notifications/read", { all: true });
      assert.equal(marked.body.unread, 0);
      assert.equal((await api("carol", "POST", "/api/notifications/read", {})).status, 400);
    });

    it("calendar: a meeting as .ics; a personal feed shows what its person may see and stops when revoked", async () => {
      const amber = await api("chair", "POST", "/api/meetings", {
        title: "Bravo-only crisis exercise",
        format: "call",
        startsAt: "2026-12-20T09:00:00Z",
        endsAt: "2026-12-20T10:00:00Z",
        location: "Bridge 99",
        tlp: "TLP:AMBER",
        audience: { organisations: [orgs.b] },
      });
      assert.equal(amber.status, 200, JSON.stringify(amber.body));
      const looser = await api("bob", "POST", `/api/meetings/${amber.body.id}/agenda`, {
        part: "operational",
        title: "Open topic",
      });
      assert.equal(looser.status, 422, "a GREEN agenda item under an AMBER meeting");
      assert.equal(looser.body.error.code, "label_too_permissive");
      const ics = await api("bob", "GET", `/api/meetings/${amber.body.id}/ics`);
      assert.equal(ics.status, 200);
      assert.match(ics.body, /BEGIN:VCALENDAR/);
      assert.match(ics.body, /SUMMARY:\[TLP:AMBER\] Roundtable meeting/);
      assert.ok(!ics.body.includes("Bravo-only") && !ics.body.includes("Bridge 99"));
      assert.equal((await api("carol", "GET", `/api/meetings/${amber.body.id}/ics`)).status, 404);

      const feed = await api("carol", "POST", "/api/account/calendar-feeds");
      assert.equal(feed.status, 200);
      const path = new URL(feed.body.url).pathname;
      const read = await app.inject({ method: "GET", url: path });
      assert.equal(read.statusCode, 200);
      assert.match(read.body, /SUMMARY:Regular meeting/);
      assert.ok(!read.body.includes(amber.body.id), "Carol's feed has no Bravo-only meeting");
      assert.equal((await api("carol", "DELETE", `/api/account/calendar-feeds/${feed.body.id}`)).status, 200);
      const revoked = await app.inject({ method: "GET", url: path });
      assert.equal(revoked.statusCode, 410);
      assert.equal(revoked.json().error.code, "calendar_feed_revoked");
      const unknown = await app.inject({ method: "GET", url: "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics" });
      assert.equal(unknown.statusCode, 404);
      const listed = await api("carol", "GET", "/api/account/calendar-feeds");
      assert.ok(listed.body.feeds[0].revokedAt);
    });

    it("stores no notification for a person who may not read its subject (checked in the table itself)", async () => {
      const rows = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM notifications n JOIN items i ON i.id = n.subject_id
        WHERE i.tlp = 'TLP:RED' AND NOT n.person_id = ANY(i.audience_persons) AND n.person_id <> i.author_id`.execute(db.kysely);
      assert.equal(rows.rows[0]?.n, 0);
    });
  });
}
