// Statistics under the policy: over random exchanges, what participation and the insight report
// count is exactly what the viewer may read plus what its originator released for anonymised
// statistics (DESIGN.md; released items reach an active viewer who accepted the current documents),
// through the one door (rt_statistics_items) by predicate and under RLS, and over HTTP against the
// pure computation (src/shared) on reference facts built from the reference policy (canRead). The
// report uses only what may leave the circle: CLEAR/GREEN items for the whole exchange the builder
// may read, and released items. Independently of the computation: no organisation row counts what
// the viewer may not see attributed, a pooled cell adds unattributable items only across three
// organisations, every shown cell of the report covers three, removing what the viewer may not read
// (or, for the report, may not use) changes nothing, and the report shows no title it may not.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Database, Tx } from "../src/server/db/database.js";
import { statisticsItems } from "../src/server/repositories/participation.repository.js";
import { computeInsight, INSIGHT_KINDS } from "../src/shared/insight.js";
import {
  flowBalance,
  healthKpis,
  inactiveOrganisations,
  kindRows,
  organisationRow,
  type ParticipationFacts,
  type StatOrganisation,
} from "../src/shared/participation.js";
import { canRead, canReadChain, type ReadableContent } from "../src/shared/policy.js";
import type { ORGANISATION_KINDS } from "../src/shared/schemas/common.js";
import type { InsightReport, MyParticipation, ParticipationDashboard, StatTable } from "../src/shared/schemas/index.js";
import { hoursBetween } from "../src/shared/statistics.js";
import { MIN_CELL } from "../src/shared/suppression.js";
import { TLP_LABELS, type TlpLabel } from "../src/shared/tlp.js";
import { type TestClock, testApp } from "./support/app.js";
import { acceptDocuments, buildItem, buildOrganisation, buildPerson, buildToken } from "./support/builders.js";
import { predicateOnly, testBackends } from "./support/databases.js";
import { contentMaker, exchangeArbitrary, isActive, materialise } from "./support/random-exchange.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 15);
const SEED = process.env.RT_PROPERTY_SEED ? Number(process.env.RT_PROPERTY_SEED) : undefined;
const sorted = (ids: Iterable<string>) => [...ids].sort();

// The period every request asks for; items are made from July (before it) to November 1 (after it).
const FROM = "2026-08-01";
const TO = "2026-10-31";
const START = new Date(`${FROM}T00:00:00.000Z`);
const END = new Date("2026-11-01T00:00:00.000Z");
const MONTHS = ["2026-08", "2026-09", "2026-10"];
const NOW = new Date("2026-11-01T09:00:00.000Z");
const SHAREABLE: readonly TlpLabel[] = ["TLP:CLEAR", "TLP:GREEN"];

type Kind = (typeof ORGANISATION_KINDS)[number];

// The same shape of label and audience as the exchange's items (random-exchange.ts).
const indices = (max: number) => fc.array(fc.nat(), { maxLength: max });
// The labels of the added items are taken from the run's palette (`tlp` picks one).
const labelled = {
  author: fc.nat(),
  tlp: fc.nat(),
  exchange: fc.boolean(),
  organisations: indices(2),
  groups: indices(2),
  persons: indices(3),
};

// Each run draws from a palette of one to three kinds, labels, and one or two months of the period, so that
// cells of three organisations happen; items also fall in July (before the period) and on boundaries.
const ITEM_KINDS = ["incident", "threat", "vulnerability", "warning", "crisis-lesson", "analysis-report", "announcement"];
const palette = fc.record({
  kinds: fc.uniqueArray(fc.constantFrom(...ITEM_KINDS), { minLength: 1, maxLength: 3 }),
  months: fc.uniqueArray(fc.constantFrom(7, 8, 9), { minLength: 1, maxLength: 2 }),
  labels: fc.uniqueArray(fc.constantFrom(...TLP_LABELS), { minLength: 1, maxLength: 3 }),
});
type Palette = typeof palette extends fc.Arbitrary<infer T> ? T : never;
const when = fc.oneof(
  { weight: 8, arbitrary: fc.record({ month: fc.nat(), day: fc.integer({ min: 1, max: 28 }), hour: fc.nat(23) }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("first-in" as const, "last-in" as const, "just-before" as const, "just-after" as const),
  },
  { weight: 1, arbitrary: fc.record({ july: fc.integer({ min: 1, max: 31 }) }) },
);
type When = typeof when extends fc.Arbitrary<infer T> ? T : never;

/** A distinct instant per `n` (lessons are ordered by time), on the same side of each boundary. */
function instant(w: When, n: number, months: readonly number[]): Date {
  const s = n * 1000;
  if (w === "first-in") return new Date(START.getTime() + s);
  if (w === "last-in") return new Date(END.getTime() - 1 - s);
  if (w === "just-before") return new Date(START.getTime() - 1 - s);
  if (w === "just-after") return new Date(END.getTime() + s);
  if ("july" in w) return new Date(Date.UTC(2026, 6, w.july) + s);
  return new Date(Date.UTC(2026, months[w.month % months.length] as number, w.day, w.hour) + s);
}

const attributes = {
  kind: fc.nat(),
  anonymous: fc.boolean(),
  consent: fc.constantFrom(false, true),
  sectors: fc.constantFrom<string[]>(["energy"], ["energy"], ["energy", "water"], ["water"], ["finance", "energy"], []),
  when,
  severity: fc.constantFrom(2, 3, 3, 3, 4),
  startedAt: fc.constantFrom("2026-07-20T00:00:00Z", "2026-09-01T06:00:00Z", "2026-10-15T12:00:00Z"),
  cascade: fc.boolean(),
};
type Drawn = { [K in keyof typeof attributes]: (typeof attributes)[K] extends fc.Arbitrary<infer T> ? T : never };
/** An item's attributes, its kind taken from the run's palette. */
type Attributes = Omit<Drawn, "kind" | "when"> & { kind: string };
const resolve = (d: Drawn, p: Palette): Attributes => ({ ...d, kind: p.kinds[d.kind % p.kinds.length] as string });

const organisationKind = fc.constantFrom<Kind>("private", "private", "private", "private", "public", "academia");
const statisticsArbitrary = fc.record({
  exchange: exchangeArbitrary(true),
  organisations: fc.array(fc.record({ kind: organisationKind, named: fc.boolean() }), { minLength: 4, maxLength: 4 }),
  // Active organisations added to the exchange's, each with one person.
  more: fc.array(fc.record({ kind: organisationKind, named: fc.boolean(), accepted: fc.constantFrom(true, true, false) }), {
    minLength: 2,
    maxLength: 4,
  }),
  palette,
  secretariat: fc.option(fc.nat()),
  // Attributes of the exchange's own items (cycled), and more items with their labels.
  items: fc.array(fc.record(attributes), { minLength: 1, maxLength: 6 }),
  extra: fc.array(fc.record({ ...labelled, ...attributes }), { minLength: 8, maxLength: 20 }),
  comments: fc.array(fc.record({ anonymous: fc.boolean(), when }), { minLength: 1, maxLength: 10 }),
  // Persons made chairs or secretariat; the first is made active in an active organisation.
  managers: fc.array(fc.record({ person: fc.nat(), role: fc.constantFrom("chair" as const, "secretariat" as const) }), {
    minLength: 1,
    maxLength: 3,
  }),
  firstManagerAccepts: fc.constantFrom(true, true, true, false),
  inactiveDays: fc.constantFrom(7, 30, 60),
  metamorphic: fc.nat(),
  // Members whose own standing is checked (besides the managers').
  members: indices(2),
});

interface RefItem {
  id: string;
  title: string;
  content: ReadableContent;
  a: Attributes;
  createdAt: Date;
}
interface RefComment {
  id: string;
  itemId: string;
  chain: ReadableContent[];
  anonymous: boolean;
  createdAt: Date;
}

function detailsOf(a: Attributes): Record<string, unknown> {
  if (a.kind === "incident")
    return {
      startedAt: a.startedAt,
      status: "resolved",
      affectedServices: [],
      impact: { severity: a.severity, crossBorder: false },
    };
  if (a.kind === "analysis-report")
    return { methodology: a.cascade ? "Event-driven cascade simulation over the dependency graph" : "Desk review" };
  return {};
}

const inPeriod = (d: Date) => d >= START && d < END;
const orgsOf = (xs: readonly { content: ReadableContent }[]) => new Set(xs.map((x) => x.content.authorOrganisationId));

for (const backend of testBackends()) {
  describe(`TLP in participation statistics and the insight report on ${backend.name}`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>["app"];
    let clock: TestClock;
    before(async () => {
      db = await backend.open();
      ({ app, clock } = await testApp(db));
      clock.now = new Date(NOW);
    });
    after(async () => {
      await app.close();
      await backend.dispose();
    });

    it("statistics count what the viewer may read plus what was released, pooled across three organisations", async () => {
      await fc.assert(
        fc.asyncProperty(statisticsArbitrary, async (spec) => {
          const ex = await materialise(db, spec.exchange);
          const facts = ex.facts;

          // More active organisations, each with one person (who may not have accepted the documents).
          const current = await sql<{ id: string }>`
            SELECT DISTINCT ON (kind) id FROM documents ORDER BY kind, version DESC`.execute(db.kysely);
          for (const m of spec.more) {
            const organisationId = await buildOrganisation(db, { kind: m.kind });
            const { id } = await buildPerson(db, { organisationId });
            if (m.accepted)
              await acceptDocuments(
                db,
                id,
                current.rows.map((r) => r.id),
              );
            facts.organisations.set(organisationId, { status: "active" });
            facts.persons.set(id, { organisationId, status: "active", acceptedCurrentDocuments: m.accepted });
            ex.persons.push({ id, token: await buildToken(db, id) });
          }
          const personIds = ex.persons.map((p) => p.id);
          const orgIds = [...facts.organisations.keys()];

          // Organisations: kinds, consent to be named, at most one secretariat organisation.
          for (const [n, id] of orgIds.entries()) {
            const o = (
              n < spec.exchange.organisations.length ? spec.organisations[n] : spec.more[n - spec.exchange.organisations.length]
            ) as {
              kind: Kind;
              named: boolean;
            };
            await db.kysely
              .updateTable("organisations")
              .set({
                kind: o.kind,
                named_in_insight: o.named,
                is_secretariat: spec.secretariat !== null && spec.secretariat % orgIds.length === n,
              })
              .where("id", "=", id)
              .execute();
          }

          // Managers: chairs take a free seat (one per seat), the others are secretariat.
          const managers = new Set<string>();
          const seats = ["industry", "public"] as const;
          let chairs = 0;
          for (const [n, m] of spec.managers.entries()) {
            const id = personIds[m.person % personIds.length] as string;
            if (managers.has(id)) continue;
            managers.add(id);
            const chair = m.role === "chair" && chairs < seats.length;
            await db.kysely
              .updateTable("persons")
              .set({ role: chair ? "chair" : "secretariat", chair_seat: chair ? seats[chairs++] : null })
              .where("id", "=", id)
              .execute();
            if (n === 0) {
              // At least one manager reads: active, in an active organisation, usually having accepted
              // the current documents (without them, released items do not reach their statistics).
              const person = facts.persons.get(id) as {
                organisationId: string;
                status: string;
                acceptedCurrentDocuments: boolean;
              };
              if (spec.firstManagerAccepts && !person.acceptedCurrentDocuments) {
                await db.kysely
                  .insertInto("document_acceptances")
                  .values(current.rows.map((r) => ({ person_id: id, document_id: r.id, accepted_at: START })))
                  .onConflict((oc) => oc.doNothing())
                  .execute();
                person.acceptedCurrentDocuments = true;
              }
              await db.kysely.updateTable("persons").set({ status: "active" }).where("id", "=", id).execute();
              await db.kysely
                .updateTable("organisations")
                .set({ status: "active" })
                .where("id", "=", person.organisationId)
                .execute();
              facts.persons.set(id, { ...person, status: "active" });
              facts.organisations.set(person.organisationId, { status: "active" });
            }
          }

          // Items: the exchange's own, given kinds, flags, dates and sectors; then more of them.
          const items: RefItem[] = [];
          for (const [n, it] of ex.items.entries()) {
            const drawn = spec.items[n % spec.items.length] as Drawn;
            const a = resolve(drawn, spec.palette);
            const title = `title-${randomUUID()}`;
            const createdAt = instant(drawn.when, n, spec.palette.months);
            await db.kysely
              .updateTable("items")
              .set({
                kind: a.kind,
                title,
                sectors: a.sectors,
                anonymous: a.anonymous,
                pseudonym: a.anonymous ? `Anonymous ${n}` : null,
                statistics_consent: a.consent,
                created_at: createdAt,
                updated_at: createdAt,
                details: detailsOf(a),
              })
              .where("id", "=", it.id)
              .execute();
            items.push({ id: it.id, title, content: it.content, a, createdAt });
          }
          const labelOf = contentMaker(facts, personIds);
          for (const [k, x] of spec.extra.entries()) {
            const n = ex.items.length + k;
            // Authors go round the organisations, so that many organisations contribute.
            const organisationId = orgIds[k % orgIds.length] as string;
            const colleagues = personIds.filter((p) => facts.persons.get(p)?.organisationId === organisationId);
            const tlp = spec.palette.labels[x.tlp % spec.palette.labels.length] as TlpLabel;
            const content = labelOf({ ...x, tlp }, colleagues.length ? colleagues : personIds);
            const title = `title-${randomUUID()}`;
            const createdAt = instant(x.when, n, spec.palette.months);
            const a = resolve(x, spec.palette);
            const id = await buildItem(db, {
              authorId: content.authorId,
              authorOrganisationId: content.authorOrganisationId,
              tlp: content.tlp,
              audience: content.audience,
              title,
              kind: a.kind,
              sectors: a.sectors,
              anonymous: a.anonymous,
              statisticsConsent: a.consent,
              createdAt,
              details: detailsOf(a),
            });
            items.push({ id, title, content, a, createdAt });
          }

          // Comments: random dates and anonymity.
          const comments: RefComment[] = [];
          for (const [n, c] of ex.comments.entries()) {
            const s = spec.comments[n % spec.comments.length] as (typeof spec.comments)[number];
            const createdAt = instant(s.when, n, spec.palette.months);
            await db.kysely
              .updateTable("comments")
              .set({ anonymous: s.anonymous, created_at: createdAt })
              .where("id", "=", c.id)
              .execute();
            comments.push({ ...c, anonymous: s.anonymous, createdAt });
          }

          // What the reference needs of organisations (not content: read as the owner).
          const orgRows = await db.kysely.selectFrom("organisations").selectAll().execute();
          const named = new Map(orgRows.map((o) => [o.id, o.named_in_insight]));
          const nameOf = new Map(orgRows.map((o) => [o.id, o.name]));
          const active: StatOrganisation[] = orgRows
            .filter((o) => o.status === "active")
            .map((o) => ({
              id: o.id,
              name: o.name,
              kind: o.kind as Kind,
              sectors: o.sectors,
              isSecretariat: o.is_secretariat,
              createdAt: o.created_at,
            }));
          const kindOf = new Map(active.map((o) => [o.id, o.kind]));

          /** The kinds of active organisation, other than the author's, an item's audience reaches. */
          const reaches = (c: ReadableContent): Kind[] => {
            const orgs = new Set<string>();
            const orgOf = (p: string) => facts.persons.get(p)?.organisationId ?? "";
            if (c.audience.exchange) for (const o of active) orgs.add(o.id);
            for (const o of c.audience.organisations) orgs.add(o);
            for (const g of c.audience.groups) {
              const group = facts.groups.get(g);
              for (const o of group?.organisations ?? []) orgs.add(o);
              for (const p of group?.persons ?? []) orgs.add(orgOf(p));
            }
            for (const p of c.audience.persons) orgs.add(orgOf(p));
            orgs.delete(c.authorOrganisationId);
            return [...new Set([...orgs].map((o) => kindOf.get(o)).filter((k): k is Kind => k !== undefined))];
          };

          /** Everything one viewer's statistics may use, from the reference policy. */
          const referenceOf = (viewerId: string) => {
            const viewerOrg = facts.persons.get(viewerId)?.organisationId as string;
            const reads = (i: RefItem) => canRead(viewerId, i.content, facts);
            const named1 = (i: RefItem) => !i.a.anonymous || i.content.authorOrganisationId === viewerOrg;
            const attributable = (i: RefItem) => reads(i) && named1(i);
            // Released items reach the statistics of an active viewer who accepted the current documents.
            const person = facts.persons.get(viewerId);
            const mayUseReleased = isActive(facts, viewerId) && person?.acceptedCurrentDocuments === true;
            const used = (i: RefItem) => reads(i) || (i.a.consent && mayUseReleased);
            const released = items.filter((i) => inPeriod(i.createdAt) && used(i));
            const commentReadable = (c: RefComment) => canReadChain(viewerId, c.chain, facts);
            const commentOrg = (c: RefComment) => (c.chain[c.chain.length - 1] as ReadableContent).authorOrganisationId;
            const commentNamed = (c: RefComment) => !c.anonymous || commentOrg(c) === viewerOrg;
            const last = new Map<string, Date>();
            const touch = (org: string, at: Date) => {
              if (at <= NOW && (last.get(org)?.getTime() ?? -1) < at.getTime()) last.set(org, at);
            };
            for (const i of items) if (attributable(i)) touch(i.content.authorOrganisationId, i.createdAt);
            for (const c of comments) if (commentReadable(c) && commentNamed(c)) touch(commentOrg(c), c.createdAt);
            const month = (d: Date) => d.toISOString().slice(0, 7);
            const participation: ParticipationFacts = {
              months: MONTHS,
              now: NOW,
              inactiveDays: spec.inactiveDays,
              organisations: active,
              items: released.map((i) => ({
                org: i.content.authorOrganisationId,
                attributable: attributable(i),
                month: month(i.createdAt),
                kind: i.a.kind,
                tlp: i.content.tlp,
                reaches: reaches(i.content),
                shareDelays: i.a.kind === "incident" ? [hoursBetween(new Date(i.a.startedAt), i.createdAt)] : [],
              })),
              comments: comments
                .filter((c) => inPeriod(c.createdAt) && commentReadable(c))
                .map((c) => ({ org: commentOrg(c), attributable: commentNamed(c), month: month(c.createdAt) })),
              reads: [],
              acknowledgements: [],
              expectedAcknowledgements: [],
              rfiAnswers: [],
              rfis: [],
              reactions: [],
              attendance: [],
              actions: [],
              measuresAdopted: [],
              lastContribution: last,
            };
            // The report counts only what may leave the circle: items the viewer may read that are CLEAR
            // or GREEN for the whole exchange (shareable), and released items, pooled.
            const shareable = (i: RefItem) => reads(i) && SHAREABLE.includes(i.content.tlp) && i.content.audience.exchange;
            const counted = released.filter((i) => shareable(i) || i.a.consent);
            const lessons = items
              .filter((i) => i.a.kind === "crisis-lesson" && inPeriod(i.createdAt) && shareable(i))
              .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())
              .slice(0, 50);
            const insight = computeInsight({
              from: FROM,
              to: TO,
              months: MONTHS,
              generatedAt: NOW,
              items: counted.map((i) => ({
                org: i.content.authorOrganisationId,
                attributable: shareable(i) && named1(i),
                kind: i.a.kind,
                tlp: i.content.tlp,
                month: month(i.createdAt),
                sectors: i.a.sectors,
                severity: i.a.kind === "incident" ? i.a.severity : null,
                cascadeAnalysis: i.a.kind === "analysis-report" && i.a.cascade,
              })),
              dependencies: [],
              measures: { adopted: 0, rows: [] },
              lessons: lessons.map((l) => ({
                title: l.title,
                kind: l.a.kind,
                sectors: l.a.sectors,
                createdAt: l.createdAt.toISOString(),
                organisation:
                  !l.a.anonymous && named.get(l.content.authorOrganisationId)
                    ? (nameOf.get(l.content.authorOrganisationId) ?? null)
                    : null,
              })),
              shownLabels: lessons.map((l) => l.content.tlp),
            });
            return {
              viewerOrg,
              reads,
              used,
              attributable,
              released,
              shareable,
              named1,
              counted,
              lessons,
              participation,
              insight,
            };
          };

          const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));
          const byId = <T extends { organisation: { id: string } }>(rows: readonly T[]) =>
            [...rows].sort((a, b) => a.organisation.id.localeCompare(b.organisation.id));
          const withoutTime = <T extends { generatedAt: string }>(x: T) => ({ ...x, generatedAt: "" });
          const headersOf = (viewerId: string) => ({
            authorization: `Bearer ${ex.persons.find((p) => p.id === viewerId)?.token}`,
          });
          const get = async <T>(viewerId: string, url: string) => {
            const res = await app.inject({ url, headers: headersOf(viewerId) });
            return { status: res.statusCode, body: res.body, json: () => res.json() as T };
          };
          const PERIOD = `from=${FROM}&to=${TO}`;
          const dashboardOf = (v: string) =>
            get<ParticipationDashboard>(v, `/api/participation?${PERIOD}&inactiveDays=${spec.inactiveDays}`);
          const mineOf = (v: string) =>
            get<MyParticipation>(v, `/api/participation/mine?${PERIOD}&inactiveDays=${spec.inactiveDays}`);
          const insightOf = (v: string) => get<InsightReport>(v, `/api/insight?${PERIOD}`);

          // 1. The door: rt_statistics_items returns exactly {readable} ∪ {released} in the period, with
          //    the readable flag of the reference — by predicate (owner, no RLS) and as the viewer (RLS);
          //    the repository's groups of it add up to the same items.
          const door = async (trx: Tx) => {
            const r = await sql<Record<string, unknown>>`SELECT * FROM rt_statistics_items(${START}, ${END})`.execute(trx);
            return r.rows;
          };
          const groupKey = (org: string, month: string, kind: string, tlp: string, readable: boolean, anonymous: boolean) =>
            `${org} ${month} ${kind} ${tlp} readable:${readable} anonymous:${anonymous}`;
          for (const viewer of personIds) {
            const at = (what: string) => `${what} (viewer ${viewer})`;
            const ref = referenceOf(viewer);
            const expected = sorted(ref.released.map((i) => `${i.id}:${ref.reads(i)}`));
            const layers = {
              "as the viewer (RLS)": await db.asViewer(viewer, door),
              "by predicate alone": await predicateOnly(db, viewer, door),
            };
            for (const [layer, rows] of Object.entries(layers)) {
              assert.deepEqual(sorted(rows.map((r) => `${r.id}:${r.readable}`)), expected, at(`rt_statistics_items ${layer}`));
              for (const r of rows) assert.ok(!("title" in r) && !("body" in r), at("the door never gives title or body"));
            }
            const counts = (xs: readonly [string, number][]) => {
              const m = new Map<string, number>();
              for (const [k, n] of xs) m.set(k, (m.get(k) ?? 0) + n);
              return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
            };
            const groups = await db.asViewer(viewer, (trx) => statisticsItems(trx, START, END));
            assert.deepEqual(
              counts(
                groups.map((g) => [groupKey(g.author_organisation_id, g.month, g.kind, g.tlp, g.readable, g.anonymous), g.n]),
              ),
              counts(
                ref.released.map((i) => [
                  groupKey(
                    i.content.authorOrganisationId,
                    i.createdAt.toISOString().slice(0, 7),
                    i.a.kind,
                    i.content.tlp,
                    ref.reads(i),
                    i.a.anonymous,
                  ),
                  1,
                ]),
              ),
              at("statisticsItems (grouped)"),
            );
          }

          // 2–4. Over HTTP, for every manager; members are refused the dashboard and the report.
          const activeManagers: string[] = [];
          // What each active manager got, for the metamorphic part.
          const got1 = new Map<string, { dashboard: unknown; insight: unknown; mine?: unknown }>();
          for (const viewer of managers) {
            const at = (what: string) => `${what} (manager ${viewer})`;
            if (!isActive(facts, viewer)) {
              for (const res of [await dashboardOf(viewer), await insightOf(viewer)])
                assert.ok([401, 403].includes(res.status), at(`an inactive manager is refused, got ${res.status}`));
              continue;
            }
            activeManagers.push(viewer);
            const ref = referenceOf(viewer);
            const dRes = await dashboardOf(viewer);
            assert.equal(dRes.status, 200, at(`dashboard: ${dRes.body}`));
            const d = dRes.json();

            // 2. The whole dashboard equals the pure computation on the reference facts.
            const rows = active.map((o) => organisationRow(ref.participation, o));
            const expected = json({
              from: FROM,
              to: TO,
              months: MONTHS,
              inactiveDays: spec.inactiveDays,
              generatedAt: "",
              organisations: byId(rows),
              kinds: kindRows(ref.participation),
              flow: flowBalance(ref.participation),
              inactive: byId(inactiveOrganisations(ref.participation, rows)),
              health: healthKpis(ref.participation),
            });
            const got = { ...withoutTime(d), organisations: byId(d.organisations), inactive: byId(d.inactive) };
            assert.deepEqual(got.organisations, expected.organisations, at("organisation rows"));
            assert.deepEqual(got.kinds, expected.kinds, at("kind rows"));
            assert.deepEqual(got.flow, expected.flow, at("flow"));
            assert.deepEqual(got.health, expected.health, at("health"));
            assert.deepEqual(got, expected, at("the whole dashboard"));

            // 3. Leaks, whatever the computation: a row counts only what the viewer sees attributed to
            //    the organisation; a pooled cell adds unattributable items only across MIN_CELL organisations.
            for (const row of d.organisations) {
              const own = ref.released.filter(
                (i) => i.content.authorOrganisationId === row.organisation.id && ref.attributable(i),
              );
              assert.equal(row.contributed, own.length, at(`${row.organisation.name} contributed`));
              for (const l of TLP_LABELS) {
                assert.equal(
                  row.contributedByLabel[l],
                  own.filter((i) => i.content.tlp === l).length,
                  at(`${row.organisation.name} ${l}`),
                );
              }
            }
            const cell = (value: number | null, candidates: readonly RefItem[], what: string) => {
              if (value === null) return;
              const shown = candidates.filter(ref.attributable);
              const pooled = candidates.filter((i) => !ref.attributable(i));
              assert.ok(value >= shown.length && value <= candidates.length, at(`${what}: ${value} outside its facts`));
              if (value > shown.length) assert.ok(orgsOf(pooled).size >= MIN_CELL, at(`${what}: pooled under ${MIN_CELL}`));
            };
            const ofKind = (k: Kind) => ref.released.filter((i) => kindOf.get(i.content.authorOrganisationId) === k);
            for (const k of d.kinds) {
              cell(k.contributed, ofKind(k.kind), `${k.kind} contributed`);
              for (const l of TLP_LABELS)
                cell(
                  k.contributedByLabel[l],
                  ofKind(k.kind).filter((i) => i.content.tlp === l),
                  `${k.kind} ${l}`,
                );
            }
            for (const s of d.flow.series) {
              const flows = ofKind(s.from).filter((i) => reaches(i.content).includes(s.to));
              cell(s.total, flows, `${s.from} → ${s.to}`);
              for (const [m, month] of MONTHS.entries())
                cell(
                  s.byMonth[m] ?? null,
                  flows.filter((i) => i.createdAt.toISOString().startsWith(month)),
                  `${s.from} → ${s.to} ${month}`,
                );
            }
            for (const i of items) {
              if (ref.reads(i)) continue;
              assert.ok(!dRes.body.includes(i.id) && !dRes.body.includes(i.title), at("an unreadable item in the dashboard"));
            }

            // 4. The report equals the pure computation on the reference facts, every shown cell covers
            //    MIN_CELL organisations of counted items, and no title it may not show.
            const rRes = await insightOf(viewer);
            assert.equal(rRes.status, 200, at(`insight: ${rRes.body}`));
            const r = rRes.json();
            assert.deepEqual(withoutTime(r), withoutTime(json(ref.insight)), at("the insight report"));
            const threats = ref.counted.filter((i) => (INSIGHT_KINDS as readonly string[]).includes(i.a.kind));
            const covers = (
              t: StatTable,
              inRow: (i: RefItem, row: string) => boolean,
              inColumn: (i: RefItem, c: string) => boolean,
              what: string,
            ) => {
              for (const [ri, row] of t.rows.entries()) {
                const inThisRow = threats.filter((i) => inRow(i, row));
                // Shareable, named items count as such; the others only pooled across MIN_CELL
                // organisations; and whatever a shown cell counts covers MIN_CELL organisations.
                const check = (v: number | null, candidates: RefItem[], where: string) => {
                  if (v === null || v === 0) return;
                  const shown = candidates.filter((i) => ref.shareable(i) && ref.named1(i));
                  const pooled = candidates.filter((i) => !(ref.shareable(i) && ref.named1(i)));
                  const of = `${what} ${where}: ${v}`;
                  assert.ok(v >= shown.length && v <= candidates.length, at(`${of} outside its facts`));
                  if (v > shown.length) assert.ok(orgsOf(pooled).size >= MIN_CELL, at(`${of} pooled under ${MIN_CELL}`));
                  const behind = v > shown.length ? candidates : shown;
                  assert.ok(orgsOf(behind).size >= MIN_CELL, at(`${of} covers ${orgsOf(behind).size} organisations`));
                };
                for (const [ci, column] of t.columns.entries())
                  check(
                    t.cells[ri]?.[ci] ?? null,
                    inThisRow.filter((i) => inColumn(i, column)),
                    `${row}/${column}`,
                  );
                check(
                  t.rowTotals[ri] ?? null,
                  inThisRow.filter((i) => t.columns.some((c) => inColumn(i, c))),
                  `${row} total`,
                );
              }
            };
            const monthOf = (i: RefItem) => i.createdAt.toISOString().slice(0, 7);
            covers(
              r.bySectorAndKind,
              (i, s) => i.a.sectors.includes(s as never),
              (i, k) => i.a.kind === k,
              "by sector and kind",
            );
            covers(
              r.trend,
              (i, m) => monthOf(i) === m,
              (i, k) => i.a.kind === k,
              "trend",
            );
            covers(
              r.severity,
              (i, m) => monthOf(i) === m,
              (i, s) => i.a.kind === "incident" && String(i.a.severity) === s,
              "severity",
            );
            const shownTitles = new Set(ref.lessons.map((l) => l.title));
            for (const l of r.lessons) assert.ok(shownTitles.has(l.title), at(`lesson ${l.title} may be shown`));
            for (const i of items) {
              if (ref.shareable(i)) continue;
              assert.ok(
                !rRes.body.includes(i.title),
                at(`the title of a ${i.content.tlp} item (readable ${ref.reads(i)}) in the report`),
              );
            }
            for (const i of items) assert.ok(!rRes.body.includes(i.id), at("an item id in the report"));
            got1.set(viewer, { dashboard: withoutTime(d), insight: withoutTime(r) });
          }

          // A member's own standing (the managers' and a few others'): its row and health from the same
          // reference. A member is refused the dashboard and the report.
          const members = personIds.filter((p) => isActive(facts, p) && !managers.has(p));
          const member = members[0];
          if (member !== undefined) {
            assert.equal((await dashboardOf(member)).status, 403, "a member's dashboard");
            assert.equal((await insightOf(member)).status, 403, "a member's insight report");
          }
          const some = new Set([
            ...activeManagers,
            ...spec.members.flatMap((n) => (members.length ? [members[n % members.length] as string] : [])),
          ]);
          for (const viewer of some) {
            const at = (what: string) => `${what} (member view ${viewer})`;
            const ref = referenceOf(viewer);
            const res = await mineOf(viewer);
            assert.equal(res.status, 200, at(`mine: ${res.body}`));
            const mine = res.json();
            const self = active.find((o) => o.id === ref.viewerOrg) as StatOrganisation;
            const own = organisationRow(ref.participation, self);
            assert.deepEqual(mine.own, json(own), at("own row"));
            assert.equal(
              mine.flaggedInactive,
              inactiveOrganisations(ref.participation, [own]).some((o) => o.organisation.id === self.id),
              at("flagged"),
            );
            assert.deepEqual(mine.health, json(healthKpis(ref.participation)), at("health"));
            assert.deepEqual(mine.useful, []);
            const seen = got1.get(viewer);
            if (seen) seen.mine = withoutTime(mine);
          }

          // 3–4, metamorphic: removing what one manager may not read (and was not released) changes
          // nothing they get; removing further what the report may not use changes nothing in it.
          if (activeManagers.length === 0) return;
          const viewer = activeManagers[spec.metamorphic % activeManagers.length] as string;
          const at = (what: string) => `${what} (manager ${viewer}, after removing items)`;
          const ref = referenceOf(viewer);
          const before = got1.get(viewer) as { dashboard: unknown; insight: unknown; mine: unknown };
          const hidden = items.filter((i) => !ref.used(i));
          await removeItems(
            db,
            hidden.map((i) => i.id),
          );
          assert.deepEqual(withoutTime((await dashboardOf(viewer)).json()), before.dashboard, at("dashboard"));
          assert.deepEqual(withoutTime((await mineOf(viewer)).json()), before.mine, at("own standing"));
          assert.deepEqual(withoutTime((await insightOf(viewer)).json()), before.insight, at("insight"));
          const unshareable = items.filter((i) => ref.used(i) && !ref.shareable(i) && !i.a.consent);
          await removeItems(
            db,
            unshareable.map((i) => i.id),
          );
          assert.deepEqual(
            withoutTime((await insightOf(viewer)).json()),
            before.insight,
            at("insight without what may not leave the circle"),
          );
        }),
        // Report the first counterexample without shrinking: each run rebuilds a whole exchange.
        { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    });
  });
}

/** Deletes items and everything that hangs from them (as the owner). */
async function removeItems(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.asOwner(async (trx) => {
    const list = sql`(${sql.join(ids.map((id) => sql`${id}::uuid`))})`;
    await sql`DELETE FROM item_links WHERE from_item_id IN ${list} OR to_item_id IN ${list}`.execute(trx);
    for (const table of [
      "comments",
      "attachments",
      "item_versions",
      "item_label_changes",
      "item_reactions",
      "item_acknowledgements",
      "item_reads",
    ]) {
      await sql`DELETE FROM ${sql.table(table)} WHERE item_id IN ${list}`.execute(trx);
    }
    await sql`DELETE FROM items WHERE id IN ${list}`.execute(trx);
  });
}
