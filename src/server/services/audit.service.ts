// The audit trail as a person may see it: their organisation's, plus administrative events for the secretariat.
import type { AuditEntry } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import { listAudit, verifyChain } from "../repositories/audit.repository.js";

/** A page of audit entries, newest first. */
export async function auditTrail(deps: Deps, viewer: Viewer, limit: number, before?: number) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await listAudit(
      trx,
      { organisationId: viewer.organisationId, administrative: viewer.role === "secretariat" },
      limit,
      before,
    );
    const entries: AuditEntry[] = rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      action: r.action,
      category: r.category,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "" } : null,
      organisationId: r.organisation_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: r.details,
    }));
    return { entries, nextBefore: entries.length === limit ? (entries.at(-1)?.seq ?? null) : null };
  });
}

/** Checks the whole hash chain (as the owner: it reads every entry). */
export async function verifyAudit(deps: Pick<Deps, "db">) {
  return verifyChain(deps.db.kysely);
}
