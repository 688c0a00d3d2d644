// Services each organisation provides and their dependencies (Rinaldi 2001 types, buffer, delay,
// degradation). A dependency on another organisation's service needs that service to be readable,
// and is itself readable only where both ends are.
import { randomUUID } from "node:crypto";
import { AppError } from "../../shared/errors.js";
import type { Audience } from "../../shared/policy.js";
import type { Service } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/interdependencies.repository.js";
import { audienceColumns, checkAudience, contentAudit, normaliseAudience, requireAcceptedDocuments } from "./items.service.js";

/** A service row as the API shows it. */
export function presentService(row: repo.ServiceWithOrganisation, viewer: Viewer): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    sector: row.sector as Service["sector"],
    region: row.region,
    tlp: row.tlp,
    organisation: { id: row.author_organisation_id, name: row.organisation_name },
    own: row.author_organisation_id === viewer.organisationId,
  };
}

/** A dependency row as the API shows it. */
export function presentDependency(d: {
  id: string;
  dependent_id: string;
  provider_id: string;
  type: "physical" | "cyber" | "geographic" | "logical";
  buffer_hours: number;
  delay_hours: number;
  degradation: "partial" | "total";
}) {
  return {
    id: d.id,
    dependentId: d.dependent_id,
    providerId: d.provider_id,
    type: d.type,
    bufferHours: Number(d.buffer_hours),
    delayHours: Number(d.delay_hours),
    degradation: d.degradation,
  };
}

/** The services and dependencies the viewer may see. */
export async function serviceGraph(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, async (trx) => ({
    services: (await repo.readableServices(trx)).map((s) => presentService(s, viewer)),
    dependencies: (await repo.readableDependencies(trx)).map(presentDependency),
  }));
}

/** Describes a service the viewer's organisation provides. */
export async function createService(
  deps: Deps,
  viewer: Viewer,
  input: { name: string; description: string; sector: string; region: string; tlp: TlpLabel; audience: Audience },
): Promise<Service> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const audience = normaliseAudience(input.audience);
    await checkAudience(trx, input.tlp, audience);
    const now = deps.clock();
    const id = randomUUID();
    await repo.insertService(trx, {
      id,
      name: input.name,
      description: input.description,
      sector: input.sector,
      region: input.region,
      tlp: input.tlp,
      ...audienceColumns(audience),
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, contentAudit(deps, viewer, "service.created", { type: "service", id }, { tlp: input.tlp }));
    const [row] = await repo.readableServices(trx, [id]);
    return presentService(row as repo.ServiceWithOrganisation, viewer);
  });
}

/** Records that one of the viewer organisation's services depends on a service it can see. */
export async function createDependency(
  deps: Deps,
  viewer: Viewer,
  input: {
    dependentId: string;
    providerId: string;
    type: "physical" | "cyber" | "geographic" | "logical";
    bufferHours: number;
    delayHours: number;
    degradation: "partial" | "total";
  },
) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    if (input.dependentId === input.providerId) {
      throw new AppError("dependency_invalid", "A service cannot depend on itself.");
    }
    const found = await repo.readableServices(trx, [input.dependentId, input.providerId]);
    const dependent = found.find((s) => s.id === input.dependentId);
    const provider = found.find((s) => s.id === input.providerId);
    if (!dependent || dependent.author_organisation_id !== viewer.organisationId) {
      throw new AppError("dependency_invalid", "The dependent service must be one your organisation provides.", {
        path: "dependentId",
      });
    }
    if (!provider) {
      throw new AppError("dependency_invalid", "No such service to depend on, or not one you may see.", { path: "providerId" });
    }
    const row = {
      id: randomUUID(),
      dependent_id: input.dependentId,
      provider_id: input.providerId,
      type: input.type,
      buffer_hours: input.bufferHours,
      delay_hours: input.delayHours,
      degradation: input.degradation,
      created_by: viewer.personId,
      created_at: deps.clock(),
    };
    if (!(await repo.insertDependency(trx, row))) {
      throw new AppError("conflict", "That dependency (same services, same type) is recorded already.");
    }
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "dependency.created", { type: "service", id: input.dependentId }, { type: input.type }),
    );
    return presentDependency(row);
  });
}

/** Removes a dependency of one of the viewer organisation's services. */
export async function deleteDependency(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    if (!(await repo.deleteDependency(trx, id, viewer.organisationId)))
      throw new AppError("not_found", "No such dependency of your services.");
    await appendAudit(trx, contentAudit(deps, viewer, "dependency.deleted", { type: "dependency", id }, {}));
    return { ok: true as const };
  });
}
