// Cascade simulation as each viewer may see it: the engine (src/shared/cascade.ts) runs on the
// whole dependency graph, then the result is projected — services the viewer may read by name,
// every other one only as a count in its sector, never its identity, organisation or edges.

import { type CascadeDependency, type InitialEvent, simulateCascade, validateCascadeInput } from "../../shared/cascade.js";
import { AppError, notFound } from "../../shared/errors.js";
import { canRead, readersOf } from "../../shared/policy.js";
import type { SimulationResult } from "../../shared/schemas/index.js";
import { MIN_CELL } from "../../shared/suppression.js";
import { isAtLeastAsRestrictive, type TlpLabel, tlpRank } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import { contentOf } from "../notifications/notify.js";
import { loadFacts } from "../repositories/facts.repository.js";
import * as repo from "../repositories/interdependencies.repository.js";
import * as itemsRepo from "../repositories/items.repository.js";
import { presentDependency } from "./interdependencies.service.js";
import { createItemIn, normaliseAudience } from "./items.service.js";

type Request = {
  initial: { serviceId: string; level: 1 | 2; startHours: number; durationHours: number }[];
  incidentId?: string;
  horizonHours: number;
};

const LEVEL_NAMES = ["working", "degraded", "failed"] as const;

function hours(from: string | undefined, to: string | undefined): number | null {
  if (!from || !to) return null;
  const h = (Date.parse(to) - Date.parse(from)) / 3_600_000;
  return Number.isFinite(h) && h > 0 ? h : null;
}

/** Runs a simulation and returns what the viewer may see of it. */
export async function simulate(deps: Deps, viewer: Viewer, request: Request): Promise<SimulationResult> {
  // 1. As the viewer: the starting services must be readable; learn what is visible.
  const seen = await deps.db.asViewer(viewer.personId, async (trx) => {
    const services = await repo.readableServices(trx);
    const dependencies = await repo.readableDependencies(trx);
    const byId = new Map(services.map((s) => [s.id, s]));
    const initial: InitialEvent[] = [];
    for (const event of request.initial) {
      if (!byId.has(event.serviceId)) throw notFound("service");
      initial.push({
        serviceId: event.serviceId,
        level: event.level,
        startHours: event.startHours,
        durationHours: event.durationHours,
      });
    }
    if (request.incidentId) {
      const incident = await itemsRepo.findReadableItem(trx, request.incidentId);
      if (incident?.kind !== "incident") throw notFound("incident");
      const names = new Set(
        ((incident.details.affectedServices as string[] | undefined) ?? []).map((n) => n.trim().toLowerCase()),
      );
      const matched = services.filter((s) => names.has(s.name.trim().toLowerCase()));
      if (matched.length === 0) {
        throw new AppError(
          "validation_failed",
          "None of the incident's affected services is a service you can see; name them instead.",
          {
            path: "incidentId",
          },
        );
      }
      const duration = hours(incident.details.startedAt as string, incident.details.endedAt as string) ?? 24;
      for (const s of matched) initial.push({ serviceId: s.id, level: 2, startHours: 0, durationHours: duration });
    }
    return { byId, dependencies, initial };
  });

  // 2. As the system: the whole graph, so hidden links still carry the cascade.
  const graph = await deps.db.asOwner((trx) => repo.wholeGraph(trx));
  const input = {
    services: graph.services.map((s) => ({
      id: s.id,
      sector: s.sector,
      region: s.region,
      organisationId: s.author_organisation_id,
    })),
    dependencies: graph.dependencies.map(
      (d): CascadeDependency => ({
        id: d.id,
        dependentId: d.dependent_id,
        providerId: d.provider_id,
        type: d.type,
        bufferHours: Number(d.buffer_hours),
        delayHours: Number(d.delay_hours),
        degradation: d.degradation,
      }),
    ),
    initial: seen.initial,
    horizonHours: request.horizonHours,
  };
  const problem = validateCascadeInput(input);
  if (problem) throw new AppError("validation_failed", problem);
  const result = simulateCascade(input);

  // 3. Projection for the viewer. Hidden services appear only as counts per sector, and only where
  // that count covers at least MIN_CELL organisations: never their identity, organisation, edges
  // or timing of their own (the statistics rule of DESIGN.md).
  const sectorOf = new Map(graph.services.map((s) => [s.id, s.sector]));
  const organisationOf = new Map(graph.services.map((s) => [s.id, s.author_organisation_id]));
  const commonCause = new Set(result.commonCause);
  const visible = result.impacted.filter((i) => seen.byId.has(i.serviceId));
  const hiddenBySector = new Map<
    string,
    { sector: string; degraded: number; failed: number; firstAtHours: number; orgs: Set<string> }
  >();
  for (const i of result.impacted) {
    if (seen.byId.has(i.serviceId)) continue;
    const sector = sectorOf.get(i.serviceId) ?? "unknown";
    const agg = hiddenBySector.get(sector) ?? { sector, degraded: 0, failed: 0, firstAtHours: i.firstAtHours, orgs: new Set() };
    if (i.worst === 2) agg.failed++;
    else agg.degraded++;
    agg.firstAtHours = Math.min(agg.firstAtHours, i.firstAtHours);
    agg.orgs.add(organisationOf.get(i.serviceId) ?? "");
    hiddenBySector.set(sector, agg);
  }
  const hidden = [...hiddenBySector.values()]
    .filter((h) => h.orgs.size >= MIN_CELL)
    .sort((a, b) => a.sector.localeCompare(b.sector));
  const impactedIds = new Set(result.impacted.map((i) => i.serviceId));
  const unrestored = new Set(result.unrestoredAtHorizon);
  const labels: TlpLabel[] = visible.map((i) => seen.byId.get(i.serviceId)?.tlp ?? "TLP:RED");
  // A saved analysis also carries the aggregates of services the viewer cannot see: at least AMBER then.
  if (hidden.length > 0) labels.push("TLP:AMBER");
  const minimumLabel = labels.reduce<TlpLabel>((a, b) => (tlpRank(b) > tlpRank(a) ? b : a), "TLP:CLEAR");
  const shownSectors = new Set(hidden.map((h) => h.sector));
  return {
    horizonHours: request.horizonHours,
    services: visible.map((i) => {
      const s = seen.byId.get(i.serviceId) as repo.ServiceWithOrganisation;
      return {
        id: s.id,
        name: s.name,
        sector: s.sector as SimulationResult["services"][number]["sector"],
        organisation: { id: s.author_organisation_id, name: s.organisation_name },
        worst: i.worst,
        firstAtHours: i.firstAtHours,
        restoredAtHours: i.restoredAtHours,
        commonCause: commonCause.has(i.serviceId),
      };
    }),
    hidden: hidden.map(({ orgs: _orgs, ...h }) => h),
    timeline: result.changes
      .filter((c) => seen.byId.has(c.serviceId))
      .map((c) => ({
        atHours: c.atHours,
        level: c.level,
        cause: c.cause,
        serviceId: c.serviceId,
        sector: sectorOf.get(c.serviceId) ?? "unknown",
      })),
    edges: seen.dependencies
      .filter((d) => impactedIds.has(d.dependent_id) && impactedIds.has(d.provider_id))
      .map(presentDependency),
    sectorsTouched: [...new Set([...visible.map((i) => sectorOf.get(i.serviceId) ?? "unknown"), ...shownSectors])].sort(),
    organisationsTouched: new Set([...visible.map((i) => organisationOf.get(i.serviceId)), ...hidden.flatMap((h) => [...h.orgs])])
      .size,
    unrestoredAtHorizon:
      visible.filter((i) => unrestored.has(i.serviceId)).length +
      result.impacted.filter(
        (i) => !seen.byId.has(i.serviceId) && shownSectors.has(sectorOf.get(i.serviceId) ?? "") && unrestored.has(i.serviceId),
      ).length,
    minimumLabel,
  };
}

function analysisBody(result: SimulationResult): string {
  const lines = [
    `Cascade simulation over ${result.horizonHours} hours: ${result.services.length + result.hidden.reduce((n, h) => n + h.degraded + h.failed, 0)} services in ${result.sectorsTouched.length} sectors touched, ${result.unrestoredAtHorizon} not restored by the horizon.`,
    "",
    "| service | organisation | sector | worst | from (h) | restored (h) |",
    "|---|---|---|---|---|---|",
    ...result.services.map(
      (s) =>
        `| ${s.name}${s.commonCause ? " (common cause)" : ""} | ${s.organisation.name} | ${s.sector} | ${LEVEL_NAMES[s.worst] ?? s.worst} | ${s.firstAtHours} | ${s.restoredAtHours ?? "not by the horizon"} |`,
    ),
  ];
  if (result.hidden.length) {
    lines.push("", "Services not named here (not visible to the author), by sector:", "");
    for (const h of result.hidden)
      lines.push(`- ${h.sector}: ${h.failed} failed, ${h.degraded} degraded, from hour ${h.firstAtHours}`);
  }
  return lines.join("\n");
}

/** Saves a simulation as an analysis report item whose label is no looser than what it shows. */
export async function saveAnalysis(
  deps: Deps,
  viewer: Viewer,
  input: {
    simulation: Request;
    title: string;
    tlp: TlpLabel;
    audience: { exchange: boolean; organisations: string[]; groups: string[]; persons: string[] };
  },
) {
  const result = await simulate(deps, viewer, input.simulation);
  if (!isAtLeastAsRestrictive(input.tlp, result.minimumLabel)) {
    throw new AppError(
      "label_too_permissive",
      `This analysis shows ${result.minimumLabel} content: label it ${result.minimumLabel} or stricter.`,
    );
  }
  return deps.db.asViewer(viewer.personId, async (trx) => {
    // Like a reply, an analysis never reaches anyone a service it names is not for.
    const facts = await loadFacts(trx);
    const audience = normaliseAudience(input.audience);
    const readers = readersOf(
      [{ tlp: input.tlp, authorId: viewer.personId, authorOrganisationId: viewer.organisationId, audience }],
      facts,
    );
    const named = await repo.readableServices(
      trx,
      result.services.map((s) => s.id),
    );
    const beyond = named.filter((s) => [...readers].some((r) => !canRead(r, contentOf(s), facts)));
    if (beyond.length) {
      throw new AppError(
        "label_too_permissive",
        `Some of this audience may not read ${beyond.map((s) => s.name).join(", ")}: narrow the audience or label.`,
      );
    }
    return createItemIn(trx, deps, viewer, {
      kind: "analysis-report",
      title: input.title,
      body: analysisBody(result),
      tlp: input.tlp,
      audience: input.audience,
      sectors: result.sectorsTouched.filter((s) => s !== "unknown") as never,
      details: { methodology: "Event-driven cascade simulation over the exchange's dependency graph (Roundtable)." },
      anonymous: false,
      statisticsConsent: false,
    });
  });
}
