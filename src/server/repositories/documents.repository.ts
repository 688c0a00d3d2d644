// The versioned Terms of Reference and NDA and who accepted which version.
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.js";
import type { DocumentsTable } from "../db/schema.js";

export type DocumentRow = Selectable<DocumentsTable>;

/** The newest version of each document kind. */
export async function currentDocuments(db: Queryable): Promise<DocumentRow[]> {
  const rows = await db.selectFrom("documents").selectAll().orderBy("kind").orderBy("version", "desc").execute();
  const newest = new Map<string, DocumentRow>();
  for (const row of rows) if (!newest.has(row.kind)) newest.set(row.kind, row);
  return [...newest.values()];
}

export async function nextVersion(db: Queryable, kind: DocumentRow["kind"]): Promise<number> {
  const row = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("kind", "=", kind)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertDocument(db: Queryable, row: DocumentRow): Promise<void> {
  await db.insertInto("documents").values(row).execute();
}

export async function acceptances(db: Queryable, personId: string): Promise<Map<string, Date>> {
  const rows = await db.selectFrom("document_acceptances").selectAll().where("person_id", "=", personId).execute();
  return new Map(rows.map((r) => [r.document_id, r.accepted_at]));
}

export async function insertAcceptance(db: Queryable, personId: string, documentId: string, at: Date): Promise<void> {
  await db
    .insertInto("document_acceptances")
    .values({ person_id: personId, document_id: documentId, accepted_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** True when the person accepted the newest version of both documents (none published: false). */
export async function hasAcceptedCurrent(db: Queryable, personId: string): Promise<boolean> {
  const current = await currentDocuments(db);
  if (current.length < 2) return false;
  const accepted = await acceptances(db, personId);
  return current.every((d) => accepted.has(d.id));
}
