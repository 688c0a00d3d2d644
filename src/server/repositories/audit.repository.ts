// The append-only, hash-chained audit log: the only code that writes or reads audit_log.
import { createHash } from "node:crypto";
import { type SqlBool, sql } from "kysely";
import { readPredicateSql } from "../../shared/policy-sql.js";
import type { Queryable, Tx } from "../db/database.js";
import type { AuditLogTable } from "../db/schema.js";
import { actionSql, agendaItemSql, callSql, dependencySql, meetingSql, serviceSql } from "./readable.js";

/** Categories decide who sees an entry: the secretariat sees every administrative one. */
export type AuditCategory = "auth" | "membership" | "documents" | "admin" | "content" | "token" | "federation";
export const ADMINISTRATIVE_CATEGORIES: readonly AuditCategory[] = [
  "auth",
  "membership",
  "documents",
  "admin",
  "token",
  "federation",
];

/** One event to record. Never put content (titles, bodies) in details: labels and ids only. */
export interface AuditEvent {
  at: Date;
  actorId: string | null;
  organisationId: string | null;
  category: AuditCategory;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, string | number | boolean | null>;
}

export const GENESIS_HASH = "0".repeat(64);

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** The hash of an entry given its predecessor's hash. */
export function entryHash(row: Omit<AuditLogTable, "hash">): string {
  const body = canonical({
    seq: row.seq,
    at: row.at.toISOString(),
    actor_id: row.actor_id,
    organisation_id: row.organisation_id,
    category: row.category,
    action: row.action,
    subject_type: row.subject_type,
    subject_id: row.subject_id,
    details: row.details,
  });
  return createHash("sha256").update(row.prev_hash).update("\n").update(body).digest("hex");
}

/** Appends an event to the chain inside the caller's transaction (it commits or vanishes with it). */
export async function appendAudit(trx: Tx, event: AuditEvent): Promise<void> {
  // Serialise appenders so the chain has one tail; released at commit.
  await sql`SELECT pg_advisory_xact_lock(7426118)`.execute(trx);
  const last = await trx.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(event.at.getTime()),
    actor_id: event.actorId,
    organisation_id: event.organisationId,
    category: event.category,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId ?? null,
    details: event.details ?? {},
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto("audit_log")
    .values({ ...row, details: JSON.stringify(row.details) as never, hash: entryHash(row) })
    .execute();
}

/** Result of checking the chain: how many entries, and the first broken link if any. */
export interface ChainReport {
  entries: number;
  firstBroken: { seq: number; reason: string } | null;
}

/** Recomputes the whole chain in order and reports the first entry that does not fit. */
export async function verifyChain(db: Queryable, batch = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(batch)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { entries: count, firstBroken: { seq: expectedSeq, reason: "entry missing" } };
      if (row.prev_hash !== prevHash) {
        return { entries: count, firstBroken: { seq: row.seq, reason: "does not link to the previous entry" } };
      }
      if (entryHash(row) !== row.hash) {
        return { entries: count, firstBroken: { seq: row.seq, reason: "content does not match its hash" } };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < batch) return { entries: count, firstBroken: null };
  }
}

// An entry about content is listed only while the viewer may read that content now; a subject
// type with no branch here (or content since deleted) is listed to no one.
const CONTENT_VISIBLE = sql.raw<SqlBool>(`(a.category <> 'content'
  OR (a.subject_type = 'item' AND EXISTS (SELECT 1 FROM items i WHERE i.id::text = a.subject_id AND ${readPredicateSql("i")}))
  OR (a.subject_type = 'comment' AND EXISTS (SELECT 1 FROM comments c JOIN items i ON i.id = c.item_id
        WHERE c.id::text = a.subject_id AND ${readPredicateSql("c")} AND ${readPredicateSql("i")}
          AND (c.parent_id IS NULL OR rt_comment_readable(c.parent_id))))
  OR (a.subject_type = 'attachment' AND EXISTS (SELECT 1 FROM attachments t JOIN items i ON i.id = t.item_id
        WHERE t.id::text = a.subject_id AND ${readPredicateSql("t")} AND ${readPredicateSql("i")}))
  OR (a.subject_type = 'meeting' AND EXISTS (SELECT 1 FROM meetings xm
        WHERE xm.id::text = a.subject_id AND ${meetingSql("xm")}))
  OR (a.subject_type = 'agenda-item' AND EXISTS (SELECT 1 FROM agenda_items xg
        WHERE xg.id::text = a.subject_id AND ${agendaItemSql("xg")}))
  OR (a.subject_type = 'action' AND EXISTS (SELECT 1 FROM action_items xa
        WHERE xa.id::text = a.subject_id AND ${actionSql("xa")}))
  OR (a.subject_type = 'urgent-call' AND EXISTS (SELECT 1 FROM urgent_calls xc
        WHERE xc.id::text = a.subject_id AND ${callSql("xc")}))
  OR (a.subject_type = 'service' AND EXISTS (SELECT 1 FROM services xs
        WHERE xs.id::text = a.subject_id AND ${serviceSql("xs")}))
  OR (a.subject_type = 'dependency' AND EXISTS (SELECT 1 FROM service_dependencies xd
        WHERE xd.id::text = a.subject_id AND ${dependencySql("xd")})))`);

/** Audit entries a viewer may see, newest first: their organisation's trail, plus administrative ones for the secretariat. */
export async function listAudit(
  trx: Tx,
  scope: { organisationId: string; administrative: boolean },
  limit: number,
  before: number | undefined,
) {
  let query = trx
    .selectFrom("audit_log as a")
    .leftJoin("persons as p", "p.id", "a.actor_id")
    .select([
      "a.seq",
      "a.at",
      "a.actor_id",
      "p.name as actor_name",
      "a.organisation_id",
      "a.category",
      "a.action",
      "a.subject_type",
      "a.subject_id",
      "a.details",
    ])
    .where((eb) =>
      scope.administrative
        ? eb.or([eb("a.organisation_id", "=", scope.organisationId), eb("a.category", "in", [...ADMINISTRATIVE_CATEGORIES])])
        : eb("a.organisation_id", "=", scope.organisationId),
    )
    // An entry about content exists for a viewer only if the content does: a colleague's read of a
    // RED item they are not named on must not reveal that item, its label or its attachments.
    .where(CONTENT_VISIBLE)
    .orderBy("a.seq", "desc")
    .limit(limit);
  if (before !== undefined) query = query.where("a.seq", "<", before);
  return query.execute();
}
