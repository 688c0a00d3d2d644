// Meetings, agendas, decisions, actions, urgent calls and notifications under the same policy:
// over random exchanges, each viewer gets exactly what the reference allows for the content and
// everything it hangs from — through the repositories' predicates alone, through row-level security
// alone and over HTTP. Notifications go exactly to the reference's readers, and the notification
// centre withdraws them when a label is tightened afterwards (read-time enforcement).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Deps } from "../src/server/context.js";
import type { Database } from "../src/server/db/database.js";
import { notify } from "../src/server/notifications/notify.js";
import * as actionsRepo from "../src/server/repositories/actions.repository.js";
import * as callsRepo from "../src/server/repositories/calls.repository.js";
import * as meetingsRepo from "../src/server/repositories/meetings.repository.js";
import { visibleNotifications } from "../src/server/repositories/notifications.repository.js";
import { canReadChain, type ReadableContent } from "../src/shared/policy.js";
import type { NotificationType, SubjectType } from "../src/shared/schemas/index.js";
import { TLP_LABELS, type TlpLabel } from "../src/shared/tlp.js";
import { testApp } from "./support/app.js";
import { predicateOnly, testBackends } from "./support/databases.js";
import { contentColumns, contentMaker, exchangeArbitrary, isActive, materialise } from "./support/random-exchange.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 20);
const SEED = process.env.RT_PROPERTY_SEED ? Number(process.env.RT_PROPERTY_SEED) : undefined;
const sorted = (ids: Iterable<string>) => [...ids].sort();
const T0 = new Date("2026-12-01T09:00:00.000Z");
const T1 = new Date("2026-12-01T11:00:00.000Z");

// The same shape of label and audience as the exchange's items (random-exchange.ts).
const indices = (max: number) => fc.array(fc.nat(), { maxLength: max });
const audience = { exchange: fc.boolean(), organisations: indices(2), groups: indices(2), persons: indices(3) };
const labelled = { author: fc.nat(), tlp: fc.constantFrom(...TLP_LABELS), ...audience };
const PARTS = ["administrative", "operational", "strategic"] as const;

const meetingsArbitrary = fc.record({
  exchange: exchangeArbitrary(),
  meetings: fc.array(
    fc.record({
      ...labelled,
      agenda: fc.array(
        fc.record({
          ...labelled,
          status: fc.constantFrom("proposed", "accepted", "accepted", "declined"),
          decisions: fc.nat({ max: 2 }),
        }),
        { maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // An action hangs from an agenda item (meeting and agenda item set), from a meeting only, or from nothing.
  actions: fc.array(fc.record({ ...labelled, from: fc.constantFrom("agenda", "agenda", "meeting", "none"), target: fc.nat() }), {
    maxLength: 6,
  }),
  calls: fc.array(fc.record({ author: fc.nat(), persons: indices(3) }), { maxLength: 2 }),
  // Later, some labels are tightened: a label at least as strict, with a new audience.
  changes: fc.array(
    fc.record({
      ...audience,
      kind: fc.constantFrom("item", "item", "meeting", "agenda-item", "action"),
      target: fc.nat(),
      step: fc.nat({ max: 4 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

type Kind = SubjectType | "decision";
interface Node {
  kind: Kind;
  id: string;
  title: string;
  /** Ids of the rows whose labels must all allow reading: parents first, the row itself last. */
  chain: string[];
  meetingId: string | null;
  agendaItemId?: string | null;
}

const NOTIFICATION: Record<SubjectType, NotificationType> = {
  item: "item.posted",
  meeting: "meeting.scheduled",
  "agenda-item": "agenda.proposed",
  action: "action.assigned",
  "urgent-call": "call.invited",
};

for (const backend of testBackends()) {
  describe(`TLP on meetings, actions and notifications on ${backend.name}`, () => {
    let db: Database;
    let deps: Deps;
    let app: Awaited<ReturnType<typeof testApp>>["app"];
    before(async () => {
      db = await backend.open();
      ({ app, deps } = await testApp(db));
    });
    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("meeting content and notifications agree with the reference, before and after labels are tightened", async () => {
      await fc.assert(
        fc.asyncProperty(meetingsArbitrary, async (spec) => {
          const ex = await materialise(db, spec.exchange);
          const personIds = ex.persons.map((p) => p.id);
          const labelOf = contentMaker(ex.facts, personIds);

          // The current label of every row, by id (the reference reads chains through it).
          const content = new Map<string, ReadableContent>();
          const nodes: Node[] = [];
          const chainOf = (n: Node) => n.chain.map((id) => content.get(id) as ReadableContent);
          const may = (viewerId: string, n: Node) => canReadChain(viewerId, chainOf(n), ex.facts);
          const ofKind = (kind: Kind) => nodes.filter((n) => n.kind === kind);

          for (const [i, item] of ex.items.entries()) {
            content.set(item.id, item.content);
            nodes.push({ kind: "item", id: item.id, title: `zebra report ${i}`, chain: [item.id], meetingId: null });
          }
          const now = new Date();
          for (const [mi, m] of spec.meetings.entries()) {
            const c = labelOf(m);
            const meeting: Node = { kind: "meeting", id: randomUUID(), title: `meeting ${mi}`, chain: [], meetingId: null };
            meeting.chain = [meeting.id];
            meeting.meetingId = meeting.id;
            await db.kysely
              .insertInto("meetings")
              .values({
                id: meeting.id,
                title: meeting.title,
                format: "call",
                starts_at: T0,
                ends_at: T1,
                location: "",
                host_organisation_id: null,
                status: "scheduled",
                ...contentColumns(c),
                created_at: now,
                updated_at: now,
              })
              .execute();
            content.set(meeting.id, c);
            nodes.push(meeting);
            for (const [gi, g] of m.agenda.entries()) {
              const gc = labelOf(g);
              const id = randomUUID();
              const title = `agenda item ${mi}.${gi}`;
              await db.kysely
                .insertInto("agenda_items")
                .values({
                  id,
                  meeting_id: meeting.id,
                  part: PARTS[gi % 3] ?? "operational",
                  position: gi,
                  title,
                  description: "",
                  presenter_id: null,
                  chatham_house: gi % 2 === 0,
                  status: g.status,
                  minutes: "minutes",
                  minutes_by: null,
                  minutes_at: null,
                  ...contentColumns(gc),
                  created_at: now,
                  updated_at: now,
                })
                .execute();
              content.set(id, gc);
              const agendaItem: Node = { kind: "agenda-item", id, title, chain: [meeting.id, id], meetingId: meeting.id };
              nodes.push(agendaItem);
              for (let d = 0; d < g.decisions; d++) {
                const decision = randomUUID();
                await db.kysely
                  .insertInto("meeting_decisions")
                  .values({ id: decision, agenda_item_id: id, text: "agreed", decided_at: now, recorded_by: gc.authorId })
                  .execute();
                // A decision has no label of its own: it is readable with its agenda item and meeting.
                nodes.push({ ...agendaItem, kind: "decision", id: decision, title: "", agendaItemId: id });
              }
            }
          }
          for (const [ai, a] of spec.actions.entries()) {
            const meetings = ofKind("meeting");
            const agenda = ofKind("agenda-item");
            const from = a.from === "agenda" && agenda.length === 0 ? "meeting" : a.from;
            const parent =
              from === "agenda"
                ? (agenda[a.target % agenda.length] as Node)
                : from === "meeting"
                  ? (meetings[a.target % meetings.length] as Node)
                  : undefined;
            const c = labelOf(a);
            const id = randomUUID();
            const title = `action ${ai}`;
            const agendaItemId = from === "agenda" ? (parent?.id as string) : null;
            await db.kysely
              .insertInto("action_items")
              .values({
                id,
                title,
                description: "",
                owner_person_id: c.authorId,
                owner_organisation_id: null,
                due_on: "2026-12-15",
                status: "open",
                status_note: "",
                meeting_id: parent?.meetingId ?? null,
                agenda_item_id: agendaItemId,
                reminded_at: null,
                escalated_at: null,
                closed_at: null,
                ...contentColumns(c),
                created_at: now,
                updated_at: now,
              })
              .execute();
            content.set(id, c);
            nodes.push({
              kind: "action",
              id,
              title,
              chain: [...(parent?.chain ?? []), id],
              meetingId: parent?.meetingId ?? null,
            });
          }
          for (const [ci, call] of spec.calls.entries()) {
            const c = labelOf({ ...call, tlp: "TLP:RED", exchange: false, organisations: [], groups: [] });
            const id = randomUUID();
            const title = `urgent call ${ci}`;
            await db.kysely
              .insertInto("urgent_calls")
              .values({
                id,
                title,
                item_id: null,
                bridge: "https://bridge.test/secret",
                starts_at: now,
                status: "open",
                ended_at: null,
                summary_item_id: null,
                ...contentColumns(c),
                created_at: now,
              })
              .execute();
            content.set(id, c);
            nodes.push({ kind: "urgent-call", id, title, chain: [id], meetingId: null });
          }

          const checkContent = async (stage: string) => {
            for (const viewer of ex.persons) {
              const expected = (kind: Kind, meetingId?: string) =>
                sorted(
                  ofKind(kind)
                    .filter((n) => (meetingId === undefined || n.meetingId === meetingId) && may(viewer.id, n))
                    .map((n) => n.id),
                );
              const at = (what: string) => `${stage}: ${what} (viewer ${viewer.id})`;

              // Layer 1 alone: the repositories' predicates, as the owner (no RLS), viewer facts set.
              await predicateOnly(db, viewer.id, async (trx) => {
                const meetings: string[] = [];
                for (const m of ofKind("meeting")) {
                  if (await meetingsRepo.findMeeting(trx, m.id)) meetings.push(m.id);
                  const agenda = await meetingsRepo.agendaOf(trx, m.id);
                  assert.deepEqual(sorted(agenda.map((g) => g.id)), expected("agenda-item", m.id), at("agendaOf by predicate"));
                }
                assert.deepEqual(sorted(meetings), expected("meeting"), at("findMeeting by predicate"));
                const decisions = await meetingsRepo.decisionsOf(
                  trx,
                  ofKind("agenda-item").map((g) => g.id),
                );
                assert.deepEqual(sorted(decisions.map((d) => d.id)), expected("decision"), at("decisionsOf by predicate"));
                const actions = await actionsRepo.listActions(trx);
                assert.deepEqual(sorted(actions.map((x) => x.id)), expected("action"), at("listActions by predicate"));
                const calls = await callsRepo.listCalls(trx);
                assert.deepEqual(sorted(calls.map((c) => c.id)), expected("urgent-call"), at("listCalls by predicate"));
              });

              // Layer 2 alone: row-level security, with no predicate in the query.
              const bare = await db.asViewer(viewer.id, async (trx) => {
                const ids = async (table: string) =>
                  sorted((await sql<{ id: string }>`SELECT id FROM ${sql.table(table)}`.execute(trx)).rows.map((r) => r.id));
                return {
                  meetings: await ids("meetings"),
                  agenda: await ids("agenda_items"),
                  decisions: await ids("meeting_decisions"),
                  actions: await ids("action_items"),
                  calls: await ids("urgent_calls"),
                };
              });
              assert.deepEqual(bare.meetings, expected("meeting"), at("meetings under RLS"));
              assert.deepEqual(bare.agenda, expected("agenda-item"), at("agenda items under RLS"));
              assert.deepEqual(bare.decisions, expected("decision"), at("decisions under RLS"));
              assert.deepEqual(bare.actions, expected("action"), at("actions under RLS"));
              assert.deepEqual(bare.calls, expected("urgent-call"), at("urgent calls under RLS"));

              // Both layers together, over HTTP.
              if (!isActive(ex.facts, viewer.id)) continue;
              const headers = { authorization: `Bearer ${viewer.token}` };
              for (const m of ofKind("meeting")) {
                const res = await app.inject({ url: `/api/meetings/${m.id}`, headers });
                if (!may(viewer.id, m)) {
                  assert.equal(res.statusCode, 404, at("an unreadable meeting does not exist"));
                  continue;
                }
                assert.equal(res.statusCode, 200, at("a readable meeting"));
                type Shown = { id: string; decisions: { id: string }[] };
                const body = res.json() as { agenda: { items: Shown[] }[]; proposals: Shown[]; actions: { id: string }[] };
                const agenda = [...body.agenda.flatMap((p) => p.items), ...body.proposals];
                assert.deepEqual(sorted(agenda.map((g) => g.id)), expected("agenda-item", m.id), at("HTTP agenda"));
                assert.deepEqual(
                  sorted(agenda.flatMap((g) => g.decisions.map((d) => d.id))),
                  expected("decision", m.id),
                  at("HTTP decisions"),
                );
                assert.deepEqual(sorted(body.actions.map((x) => x.id)), expected("action", m.id), at("HTTP actions"));
              }
            }
          };
          await checkContent("as created");

          // Notifications: one per subject, created as the services do, as the owner.
          const subjects = nodes.filter((n) => n.kind !== "decision");
          const notified = new Map<string, Set<string>>();
          await db.asOwner(async (trx) => {
            for (const s of subjects) {
              const label = content.get(s.id) as ReadableContent;
              const recipients = await notify(trx, deps, {
                type: NOTIFICATION[s.kind as SubjectType],
                subject: {
                  type: s.kind as SubjectType,
                  id: s.id,
                  title: s.title,
                  tlp: label.tlp,
                  chain: chainOf(s).map(contentColumns),
                  meetingId: s.meetingId,
                },
                urgent: false,
              });
              notified.set(s.id, new Set(recipients));
            }
          });
          const rows = await db.kysely.selectFrom("notifications").select(["person_id", "subject_id"]).execute();
          for (const s of subjects) {
            const readers = sorted(personIds.filter((p) => may(p, s)));
            const withRow = sorted(rows.filter((r) => r.subject_id === s.id).map((r) => r.person_id));
            assert.deepEqual(withRow, readers, `notification rows for ${s.kind} ${s.title}: exactly its readers`);
            assert.deepEqual(sorted(notified.get(s.id) ?? []), readers, `recipients returned for ${s.kind} ${s.title}`);
          }

          let previousVisible = new Map<string, string[]>();
          const checkNotifications = async (stage: string) => {
            const visibleNow = new Map<string, string[]>();
            for (const viewer of ex.persons) {
              const at = (what: string) => `${stage}: ${what} (viewer ${viewer.id})`;
              const expected = sorted(
                subjects.filter((s) => notified.get(s.id)?.has(viewer.id) && may(viewer.id, s)).map((s) => s.id),
              );
              // Layer 1 alone (the subjects' predicates, as the owner), then both layers as the viewer.
              const byPredicate = await predicateOnly(db, viewer.id, (trx) => visibleNotifications(trx, { limit: 1000 }));
              assert.deepEqual(sorted(byPredicate.map((v) => v.subject_id)), expected, at("visible notifications by predicate"));
              const visible = await db.asViewer(viewer.id, (trx) => visibleNotifications(trx, { limit: 1000 }));
              assert.deepEqual(sorted(visible.map((v) => v.subject_id)), expected, at("visible notifications"));
              for (const v of visible) {
                const s = subjects.find((x) => x.id === v.subject_id) as Node;
                assert.equal(v.subject_type, s.kind, at("subject type"));
                assert.equal(v.title, s.title, at("subject title"));
                assert.equal(v.tlp, content.get(s.id)?.tlp, at("the subject's current label"));
              }
              const shown = visible.map((v) => v.subject_id);
              const previous = previousVisible.get(viewer.id);
              if (previous) {
                assert.deepEqual(
                  shown.filter((id) => !previous.includes(id)),
                  [],
                  at("tightening labels never adds notifications"),
                );
              }
              visibleNow.set(viewer.id, shown);
              if (!isActive(ex.facts, viewer.id)) continue;
              const res = await app.inject({
                url: "/api/notifications?limit=200",
                headers: { authorization: `Bearer ${viewer.token}` },
              });
              assert.equal(res.statusCode, 200, at("notification centre"));
              const list = res.json() as { notifications: { subject: { id: string } }[] };
              assert.deepEqual(sorted(list.notifications.map((n) => n.subject.id)), expected, at("HTTP notifications"));
            }
            previousVisible = visibleNow;
          };
          await checkNotifications("as notified");

          // Tighten some labels as the owner: what was notified is now read through the new label.
          for (const change of spec.changes) {
            const candidates = ofKind(change.kind);
            if (candidates.length === 0) continue;
            const target = candidates[change.target % candidates.length] as Node;
            const old = content.get(target.id) as ReadableContent;
            const tlp = TLP_LABELS[Math.min(TLP_LABELS.length - 1, TLP_LABELS.indexOf(old.tlp) + change.step)] as TlpLabel;
            const next: ReadableContent = {
              ...old,
              tlp,
              audience: labelOf({ ...change, tlp, author: personIds.indexOf(old.authorId) }).audience,
            };
            const table = { item: "items", meeting: "meetings", "agenda-item": "agenda_items", action: "action_items" }[
              change.kind
            ] as "items";
            const { author_id: _a, author_organisation_id: _o, ...label } = contentColumns(next);
            await db.kysely.updateTable(table).set(label).where("id", "=", target.id).execute();
            content.set(target.id, next);
          }
          await checkNotifications("after tightening");
          await checkContent("after tightening");
        }),
        // Report the first counterexample without shrinking: each run rebuilds a whole exchange.
        { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    });
  });
}
