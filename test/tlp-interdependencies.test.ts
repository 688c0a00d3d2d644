// Services, dependencies, measure implementation reports and cascade simulations under the same
// policy: over random exchanges, each viewer gets exactly what the reference allows — through the
// repositories' predicates alone, through row-level security alone and over HTTP. A simulation runs
// on the whole graph, and what a viewer sees of it names only services they may read: the others
// are counts per sector, never an id, a name, an organisation or an edge.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Deps } from "../src/server/context.js";
import type { Database } from "../src/server/db/database.js";
import * as graphRepo from "../src/server/repositories/interdependencies.repository.js";
import * as measuresRepo from "../src/server/repositories/measures.repository.js";
import { simulate } from "../src/server/services/cascade.service.js";
import { type CascadeDependency, DEPENDENCY_TYPES, type InitialEvent, simulateCascade } from "../src/shared/cascade.js";
import { canRead, canReadChain, type ReadableContent } from "../src/shared/policy.js";
import type { SimulationResult } from "../src/shared/schemas/index.js";
import { MIN_CELL } from "../src/shared/suppression.js";
import { TLP_LABELS, tlpRank } from "../src/shared/tlp.js";
import { testApp } from "./support/app.js";
import { buildItem } from "./support/builders.js";
import { predicateOnly, testBackends } from "./support/databases.js";
import { contentColumns, contentMaker, exchangeArbitrary, isActive, materialise } from "./support/random-exchange.js";

const RUNS = Number(process.env.RT_PROPERTY_RUNS ?? 20);
const SEED = process.env.RT_PROPERTY_SEED ? Number(process.env.RT_PROPERTY_SEED) : undefined;
const sorted = (ids: Iterable<string>) => [...ids].sort();
const byJson = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();

// The same shape of label and audience as the exchange's items (random-exchange.ts).
const indices = (max: number) => fc.array(fc.nat(), { maxLength: max });
const audience = { exchange: fc.boolean(), organisations: indices(2), groups: indices(2), persons: indices(3) };
const labelled = { author: fc.nat(), tlp: fc.constantFrom(...TLP_LABELS), ...audience };

// Few sectors and regions, so hidden services share sectors and geographic common cause happens.
const SECTORS = ["energy", "telecom", "finance", "water"] as const;
const REGIONS = ["north", "south"] as const;
const STATUSES = ["not-started", "planned", "in-progress", "implemented"] as const;

const interdependenciesArbitrary = fc.record({
  exchange: exchangeArbitrary(),
  services: fc.array(fc.record({ ...labelled, sector: fc.constantFrom(...SECTORS), region: fc.constantFrom(...REGIONS) }), {
    minLength: 2,
    maxLength: 8,
  }),
  // Random edges (cycles allowed); self-loops and repeats are skipped.
  dependencies: fc.array(
    fc.record({
      dependent: fc.nat(),
      provider: fc.nat(),
      type: fc.constantFrom(...DEPENDENCY_TYPES),
      buffer: fc.constantFrom(0, 0, 1, 2, 6, 24),
      delay: fc.constantFrom(0, 0, 0.5, 1, 3),
      degradation: fc.constantFrom("partial" as const, "total" as const),
    }),
    { minLength: 2, maxLength: 16 },
  ),
  measures: fc.array(fc.record(labelled), { minLength: 1, maxLength: 3 }),
  // A report is written by a person (`author`, among its organisation's) of `organisation`.
  reports: fc.array(fc.record({ ...labelled, measure: fc.nat(), organisation: fc.nat(), status: fc.constantFrom(...STATUSES) }), {
    maxLength: 8,
  }),
  // Each viewer simulates one of these, started from services they may read (`service` picks among them).
  simulations: fc.array(
    fc.record({
      initial: fc.array(
        fc.record({
          service: fc.nat(),
          level: fc.constantFrom(1 as const, 2 as const),
          start: fc.constantFrom(0, 0, 1, 5),
          duration: fc.constantFrom(0.5, 1, 4, 12, 48, 500),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      horizon: fc.constantFrom(24, 72, 168),
      unreadable: fc.nat(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

interface ServiceSpec {
  id: string;
  name: string;
  sector: string;
  region: string;
  content: ReadableContent;
}
interface Report {
  key: string;
  measureId: string;
  organisationId: string;
  content: ReadableContent;
}

for (const backend of testBackends()) {
  describe(`TLP on services, dependencies, implementation reports and cascades on ${backend.name}`, () => {
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

    it("what each viewer sees of the dependency graph, the reports and a simulation agrees with the reference", async () => {
      await fc.assert(
        fc.asyncProperty(interdependenciesArbitrary, async (spec) => {
          const ex = await materialise(db, spec.exchange);
          const personIds = ex.persons.map((p) => p.id);
          const orgIds = [...ex.facts.organisations.keys()];
          const labelOf = contentMaker(ex.facts, personIds);
          const now = new Date();

          // 1. Services, inserted as the owner, each with a distinctive name.
          const services: ServiceSpec[] = [];
          for (const s of spec.services) {
            const service: ServiceSpec = {
              id: randomUUID(),
              name: `svc-${randomUUID().slice(0, 8)}`,
              sector: s.sector,
              region: s.region,
              content: labelOf(s),
            };
            await db.kysely
              .insertInto("services")
              .values({
                id: service.id,
                name: service.name,
                description: `about ${service.name}`,
                sector: service.sector,
                region: service.region,
                ...contentColumns(service.content),
                created_at: now,
                updated_at: now,
              })
              .execute();
            services.push(service);
          }
          const serviceById = new Map(services.map((s) => [s.id, s]));

          // 2. Dependencies between random services, inserted as the owner.
          const dependencies: CascadeDependency[] = [];
          for (const d of spec.dependencies) {
            const dependent = services[d.dependent % services.length] as ServiceSpec;
            const provider = services[d.provider % services.length] as ServiceSpec;
            if (dependent.id === provider.id) continue;
            if (dependencies.some((x) => x.dependentId === dependent.id && x.providerId === provider.id && x.type === d.type)) {
              continue;
            }
            const dependency: CascadeDependency = {
              id: randomUUID(),
              dependentId: dependent.id,
              providerId: provider.id,
              type: d.type,
              bufferHours: d.buffer,
              delayHours: d.delay,
              degradation: d.degradation,
            };
            await db.kysely
              .insertInto("service_dependencies")
              .values({
                id: dependency.id,
                dependent_id: dependency.dependentId,
                provider_id: dependency.providerId,
                type: dependency.type,
                buffer_hours: dependency.bufferHours,
                delay_hours: dependency.delayHours,
                degradation: dependency.degradation,
                created_by: dependent.content.authorId,
                created_at: now,
              })
              .execute();
            dependencies.push(dependency);
          }

          // 3. Adopted measures (items of kind "measure") and implementation reports under their own labels.
          const measures: { id: string; content: ReadableContent }[] = [];
          for (const [n, m] of spec.measures.entries()) {
            const content = labelOf(m);
            const id = await buildItem(db, {
              kind: "measure",
              title: `measure ${n}`,
              authorId: content.authorId,
              authorOrganisationId: content.authorOrganisationId,
              tlp: content.tlp,
              audience: content.audience,
              details: { appliesToSectors: ["energy"], appliesToKinds: ["public", "private", "academia"] },
            });
            await db.kysely
              .insertInto("measures")
              .values({
                item_id: id,
                stage: "adopted",
                applies_to_sectors: ["energy"],
                applies_to_kinds: ["public", "private", "academia"],
                adopted_at: now,
                adopted_by: content.authorId,
                review_interval_months: 12,
                target_date: "2027-06-30",
                next_review_on: "2027-12-01",
                decision_id: null,
                decision_note: "",
                last_review_on: null,
                retired_at: null,
                retired_reason: null,
              })
              .execute();
            measures.push({ id, content });
          }
          const measureContent = new Map(measures.map((m) => [m.id, m.content]));
          const reports: Report[] = [];
          for (const r of spec.reports) {
            const measure = measures[r.measure % measures.length] as (typeof measures)[number];
            const organisationId = orgIds[r.organisation % orgIds.length] as string;
            const colleagues = personIds.filter((p) => ex.facts.persons.get(p)?.organisationId === organisationId);
            const key = `${measure.id}/${organisationId}`;
            if (colleagues.length === 0 || reports.some((x) => x.key === key)) continue;
            const content = labelOf(r, colleagues);
            await db.kysely
              .insertInto("measure_implementations")
              .values({
                measure_id: measure.id,
                organisation_id: organisationId,
                status: r.status,
                reason: "",
                evidence: `evidence ${key}`,
                ...contentColumns(content),
                updated_at: now,
                confirmed_at: now,
              })
              .execute();
            reports.push({ key, measureId: measure.id, organisationId, content });
          }

          const organisations = await db.kysely.selectFrom("organisations").select(["id", "name"]).execute();
          const engineServices = services.map((s) => ({
            id: s.id,
            sector: s.sector,
            region: s.region,
            organisationId: s.content.authorOrganisationId,
          }));

          for (const [vi, viewer] of ex.persons.entries()) {
            const at = (what: string) => `${what} (viewer ${viewer.id})`;
            const reads = (s: ServiceSpec) => canRead(viewer.id, s.content, ex.facts);
            const readable = services.filter(reads);
            const readableIds = new Set(readable.map((s) => s.id));
            const depReadable = (d: CascadeDependency) =>
              reads(serviceById.get(d.dependentId) as ServiceSpec) && reads(serviceById.get(d.providerId) as ServiceSpec);
            const expectedServices = sorted(readableIds);
            const expectedDependencies = sorted(dependencies.filter(depReadable).map((d) => d.id));
            const reportReadable = (r: Report) =>
              canReadChain(viewer.id, [measureContent.get(r.measureId) as ReadableContent, r.content], ex.facts);
            const expectedReports = sorted(reports.filter(reportReadable).map((r) => r.key));

            // Layer 1 alone: the repositories' predicates, as the owner (no RLS), viewer facts set.
            await predicateOnly(db, viewer.id, async (trx) => {
              const shown = await graphRepo.readableServices(trx);
              assert.deepEqual(sorted(shown.map((s) => s.id)), expectedServices, at("readableServices by predicate"));
              const edges = await graphRepo.readableDependencies(trx);
              assert.deepEqual(sorted(edges.map((d) => d.id)), expectedDependencies, at("readableDependencies by predicate"));
              const keys: string[] = [];
              for (const m of measures) {
                for (const r of await measuresRepo.readableReports(trx, m.id)) keys.push(`${r.measure_id}/${r.organisation_id}`);
              }
              assert.deepEqual(sorted(keys), expectedReports, at("readableReports by predicate"));
            });

            // Layer 2 alone: row-level security, with no predicate in the query.
            const bare = await db.asViewer(viewer.id, async (trx) => ({
              services: (await sql<{ id: string }>`SELECT id FROM services`.execute(trx)).rows.map((r) => r.id),
              dependencies: (await sql<{ id: string }>`SELECT id FROM service_dependencies`.execute(trx)).rows.map((r) => r.id),
              reports: (
                await sql<{ measure_id: string; organisation_id: string }>`
                  SELECT measure_id, organisation_id FROM measure_implementations`.execute(trx)
              ).rows.map((r) => `${r.measure_id}/${r.organisation_id}`),
            }));
            assert.deepEqual(sorted(bare.services), expectedServices, at("services under RLS"));
            assert.deepEqual(sorted(bare.dependencies), expectedDependencies, at("dependencies under RLS"));
            assert.deepEqual(sorted(bare.reports), expectedReports, at("implementation reports under RLS"));

            const sim = spec.simulations[vi % spec.simulations.length] as (typeof spec.simulations)[number];
            if (!isActive(ex.facts, viewer.id)) {
              // Nothing is readable, so no simulation can start, even through the service itself.
              const person = ex.facts.persons.get(viewer.id);
              const viewerOf = {
                personId: viewer.id,
                organisationId: person?.organisationId as string,
                role: "member" as const,
                via: "token" as const,
              };
              const start = services[sim.unreadable % services.length] as ServiceSpec;
              await assert.rejects(
                simulate(deps, viewerOf, {
                  initial: [{ serviceId: start.id, level: 2, startHours: 0, durationHours: 4 }],
                  horizonHours: 24,
                }),
                (e: { code?: string }) => e.code === "not_found",
                at("an inactive viewer simulates nothing"),
              );
              continue;
            }

            // Both layers together, over HTTP.
            const headers = { authorization: `Bearer ${viewer.token}` };
            const graphRes = await app.inject({ url: "/api/services", headers });
            assert.equal(graphRes.statusCode, 200, at("GET /api/services"));
            const graph = graphRes.json() as { services: { id: string }[]; dependencies: { id: string }[] };
            assert.deepEqual(sorted(graph.services.map((s) => s.id)), expectedServices, at("HTTP services"));
            assert.deepEqual(sorted(graph.dependencies.map((d) => d.id)), expectedDependencies, at("HTTP dependencies"));
            for (const m of measures) {
              const res = await app.inject({ url: `/api/measures/${m.id}`, headers });
              if (!canRead(viewer.id, m.content, ex.facts)) {
                assert.equal(res.statusCode, 404, at("an unreadable measure does not exist"));
                continue;
              }
              assert.equal(res.statusCode, 200, at("a readable measure"));
              const body = res.json() as { reports: { organisation: { id: string } }[] };
              assert.deepEqual(
                sorted(body.reports.map((r) => `${m.id}/${r.organisation.id}`)),
                expectedReports.filter((k) => k.startsWith(`${m.id}/`)),
                at("HTTP implementation reports"),
              );
            }

            // 4. A simulation, started from an unreadable service: that service does not exist.
            const unreadable = services.filter((s) => !reads(s));
            if (unreadable.length) {
              const start = unreadable[sim.unreadable % unreadable.length] as ServiceSpec;
              const res = await app.inject({
                method: "POST",
                url: "/api/cascade/simulate",
                headers,
                payload: { initial: [{ serviceId: start.id, level: 2, startHours: 0, durationHours: 4 }], horizonHours: 24 },
              });
              assert.equal(res.statusCode, 404, at("simulating from an unreadable service"));
              assert.ok(!res.body.includes(start.name), at("the refusal does not name it"));
            }
            if (readable.length === 0) continue;

            // Started from services the viewer may read; the engine on the whole graph is the reference.
            // Twice: the random start, and every readable service failed for longer than the horizon
            // (the widest reach into what the viewer may not read).
            const scenarios: { initial: InitialEvent[]; horizonHours: number }[] = [
              {
                initial: sim.initial.map((e) => ({
                  serviceId: (readable[e.service % readable.length] as ServiceSpec).id,
                  level: e.level,
                  startHours: e.start,
                  durationHours: e.duration,
                })),
                horizonHours: sim.horizon,
              },
              {
                initial: readable.map((s) => ({ serviceId: s.id, level: 2, startHours: 0, durationHours: 500 })),
                horizonHours: 168,
              },
            ];
            for (const { initial, horizonHours } of scenarios) {
              const res = await app.inject({
                method: "POST",
                url: "/api/cascade/simulate",
                headers,
                payload: { initial, horizonHours },
              });
              assert.equal(res.statusCode, 200, at(`simulate: ${res.body}`));
              const result = res.json() as SimulationResult;
              const engine = simulateCascade({ services: engineServices, dependencies, initial, horizonHours });
              const impacted = new Map(engine.impacted.map((i) => [i.serviceId, i]));

              // Named: exactly the impacted services the viewer may read, as the engine computed them.
              for (const s of result.services) assert.ok(readableIds.has(s.id), at("a named service is readable"));
              assert.deepEqual(
                sorted(result.services.map((s) => s.id)),
                sorted(engine.impacted.filter((i) => readableIds.has(i.serviceId)).map((i) => i.serviceId)),
                at("named services = impacted ∩ readable"),
              );
              for (const s of result.services) {
                const mine = serviceById.get(s.id) as ServiceSpec;
                const i = impacted.get(s.id);
                assert.equal(s.name, mine.name, at("named service's name"));
                assert.equal(s.organisation.id, mine.content.authorOrganisationId, at("named service's organisation"));
                assert.deepEqual(
                  [s.worst, s.firstAtHours, s.restoredAtHours, s.commonCause],
                  [i?.worst, i?.firstAtHours, i?.restoredAtHours, engine.commonCause.includes(s.id)],
                  at("named service's course"),
                );
              }

              // Hidden: the impacted services the viewer may not read, only as counts per sector, and only
              // sectors whose hidden services belong to at least MIN_CELL organisations.
              const hidden = new Map<string, { sector: string; degraded: number; failed: number; firstAtHours: number }>();
              const hiddenOrgs = new Map<string, Set<string>>();
              for (const i of engine.impacted) {
                if (readableIds.has(i.serviceId)) continue;
                const service = serviceById.get(i.serviceId) as ServiceSpec;
                const agg = hidden.get(service.sector) ?? {
                  sector: service.sector,
                  degraded: 0,
                  failed: 0,
                  firstAtHours: i.firstAtHours,
                };
                if (i.worst === 2) agg.failed++;
                else agg.degraded++;
                agg.firstAtHours = Math.min(agg.firstAtHours, i.firstAtHours);
                hidden.set(service.sector, agg);
                const orgs = hiddenOrgs.get(service.sector) ?? new Set<string>();
                orgs.add(service.content.authorOrganisationId);
                hiddenOrgs.set(service.sector, orgs);
              }
              const shown = [...hidden.values()].filter((h) => (hiddenOrgs.get(h.sector)?.size ?? 0) >= MIN_CELL);
              assert.deepEqual(
                [...result.hidden].sort((a, b) => a.sector.localeCompare(b.sector)),
                shown.sort((a, b) => a.sector.localeCompare(b.sector)),
                at("hidden counts per sector (suppressed below 3 organisations)"),
              );

              // Timeline: the changes of readable services only.
              assert.deepEqual(
                byJson(result.timeline),
                byJson(
                  engine.changes
                    .filter((c) => readableIds.has(c.serviceId))
                    .map((c) => ({
                      atHours: c.atHours,
                      level: c.level,
                      cause: c.cause,
                      serviceId: c.serviceId,
                      sector: (serviceById.get(c.serviceId) as ServiceSpec).sector,
                    })),
                ),
                at("timeline"),
              );

              // Edges: readable dependencies between impacted services only.
              for (const e of result.edges) {
                assert.ok(readableIds.has(e.dependentId) && readableIds.has(e.providerId), at("an edge joins readable services"));
              }
              assert.deepEqual(
                sorted(result.edges.map((e) => e.id)),
                sorted(
                  dependencies
                    .filter((d) => depReadable(d) && impacted.has(d.dependentId) && impacted.has(d.providerId))
                    .map((d) => d.id),
                ),
                at("edges"),
              );
              assert.deepEqual(
                result.sectorsTouched,
                sorted(
                  new Set([
                    ...engine.impacted
                      .filter((i) => readableIds.has(i.serviceId))
                      .map((i) => (serviceById.get(i.serviceId) as ServiceSpec).sector),
                    ...shown.map((h) => h.sector),
                  ]),
                ),
                at("sectors touched"),
              );
              for (const s of result.services) {
                const tlp = (serviceById.get(s.id) as ServiceSpec).content.tlp;
                assert.ok(tlpRank(result.minimumLabel) >= tlpRank(tlp), at("the minimum label covers every named service"));
              }

              // Nothing identifies what the viewer may not read: no hidden service's id or name, no hidden
              // dependency's id, no organisation unless one of its services is named.
              const json = res.body;
              for (const s of services) {
                if (readableIds.has(s.id)) continue;
                assert.ok(!json.includes(s.id), at(`hidden service id ${s.id} in the result`));
                assert.ok(!json.includes(s.name), at(`hidden service name ${s.name} in the result`));
              }
              for (const d of dependencies) {
                if (!depReadable(d)) assert.ok(!json.includes(d.id), at(`hidden dependency ${d.id} in the result`));
              }
              const namedOrganisations = new Set(result.services.map((s) => s.organisation.id));
              for (const o of organisations) {
                if (namedOrganisations.has(o.id)) continue;
                assert.ok(!json.includes(o.id), at(`organisation ${o.id} without a named service in the result`));
                assert.ok(
                  !json.includes(JSON.stringify(o.name)),
                  at(`organisation ${o.name} without a named service in the result`),
                );
              }
            }
          }
        }),
        // Report the first counterexample without shrinking: each run rebuilds a whole exchange.
        { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    });
  });
}
