// The versioned Terms of Reference and NDA: publishing new versions and accepting them.
import { randomUUID } from "node:crypto";
import { AppError } from "../../shared/errors.js";
import type { ExchangeDocument } from "../../shared/schemas/index.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as docs from "../repositories/documents.repository.js";

async function current(trx: Tx, personId: string) {
  const rows = await docs.currentDocuments(trx);
  const accepted = await docs.acceptances(trx, personId);
  const documents: ExchangeDocument[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    version: r.version,
    title: r.title,
    body: r.body,
    publishedAt: r.published_at.toISOString(),
    acceptedAt: accepted.get(r.id)?.toISOString() ?? null,
  }));
  return { documents, acceptedCurrentDocuments: documents.length === 2 && documents.every((d) => d.acceptedAt !== null) };
}

/** The current documents and whether the viewer accepted them. */
export async function currentDocuments(deps: Deps, viewer: Viewer) {
  return deps.db.asViewer(viewer.personId, (trx) => current(trx, viewer.personId));
}

/** The secretariat publishes a new version; everyone must accept it again before reading above TLP:CLEAR. */
export async function publishDocument(
  deps: Deps,
  viewer: Viewer,
  input: { kind: ExchangeDocument["kind"]; title: string; body: string },
): Promise<ExchangeDocument> {
  if (viewer.role !== "secretariat") throw new AppError("forbidden", "Only the secretariat publishes the documents.");
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const now = deps.clock();
    const row = {
      id: randomUUID(),
      kind: input.kind,
      version: await docs.nextVersion(trx, input.kind),
      title: input.title,
      body: input.body,
      published_at: now,
      published_by: viewer.personId,
    };
    await docs.insertDocument(trx, row);
    await appendAudit(trx, {
      at: now,
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "documents",
      action: "document.published",
      subjectType: "document",
      subjectId: row.id,
      details: { kind: row.kind, version: row.version },
    });
    return {
      id: row.id,
      kind: row.kind,
      version: row.version,
      title: row.title,
      body: row.body,
      publishedAt: now.toISOString(),
      acceptedAt: null,
    };
  });
}

/** Accepts current document versions (only current ones; an old version is refused). */
export async function acceptDocuments(deps: Deps, viewer: Viewer, documentIds: string[]) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const now = deps.clock();
    const currentIds = new Set((await docs.currentDocuments(trx)).map((d) => d.id));
    const stale = documentIds.filter((id) => !currentIds.has(id));
    if (stale.length)
      throw new AppError("conflict", "Only the current versions can be accepted; reload the documents.", { stale });
    for (const id of documentIds) {
      await docs.insertAcceptance(trx, viewer.personId, id, now);
      await appendAudit(trx, {
        at: now,
        actorId: viewer.personId,
        organisationId: viewer.organisationId,
        category: "documents",
        action: "document.accepted",
        subjectType: "document",
        subjectId: id,
      });
    }
    return current(trx, viewer.personId);
  });
}
