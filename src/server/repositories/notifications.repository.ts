// Notifications, e-mail preferences and the mail outbox. A notification row names its subject
// only; its title and label are read through the subject's TLP predicate at read time, so a
// notification exists for a person only while they may read what it is about.
import { type Insertable, type SqlBool, sql } from "kysely";
import type { SubjectType } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Queryable, Tx } from "../db/database.js";
import type { MailOutboxTable } from "../db/schema.js";
import { actionSql, agendaItemSql, callSql, itemSql, meetingSql } from "./readable.js";

/** Inserts one notification per person of a batch (one statement, however many persons). */
export async function insertBatch(
  trx: Queryable,
  batch: {
    batchId: string;
    personIds: readonly string[];
    type: string;
    subjectType: SubjectType;
    subjectId: string;
    urgent: boolean;
    at: Date;
  },
): Promise<void> {
  await sql`
    INSERT INTO notifications (id, batch_id, person_id, type, subject_type, subject_id, urgent, created_at)
    SELECT gen_random_uuid(), ${batch.batchId}, p, ${batch.type}, ${batch.subjectType}, ${batch.subjectId}, ${batch.urgent}, ${batch.at}
      FROM unnest(${[...batch.personIds]}::uuid[]) AS p`.execute(trx);
}

/**
 * Queues one e-mail per person who wants urgent e-mail (the default) and is active; returns how
 * many. The text is the same for all: it was written by the caller under the e-mail rule.
 */
export async function queueMailTo(
  trx: Queryable,
  personIds: readonly string[],
  mail: { subject: string; text: string },
  at: Date,
): Promise<number> {
  const result = await sql`
    INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at)
    SELECT gen_random_uuid(), p.email, ${mail.subject}, ${mail.text}, ${at}, ${at}
      FROM persons p LEFT JOIN notification_preferences np ON np.person_id = p.id
     WHERE p.id = ANY(${[...personIds]}::uuid[]) AND p.status = 'active' AND coalesce(np.email_urgent, true)`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** A notification with what the viewer may know of its subject. */
export interface VisibleNotification {
  id: string;
  type: string;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
  subject_type: SubjectType;
  subject_id: string;
  title: string;
  tlp: TlpLabel;
  meeting_id: string | null;
}

// Each subject joins only when readable (layer 1); RLS filters the same tables again (layer 2).
const VISIBLE = sql.raw(`
  FROM notifications n
  LEFT JOIN items si ON n.subject_type = 'item' AND si.id = n.subject_id AND ${itemSql("si")}
  LEFT JOIN meetings sm ON n.subject_type = 'meeting' AND sm.id = n.subject_id AND ${meetingSql("sm")}
  LEFT JOIN agenda_items sg ON n.subject_type = 'agenda-item' AND sg.id = n.subject_id AND ${agendaItemSql("sg")}
  LEFT JOIN action_items sx ON n.subject_type = 'action' AND sx.id = n.subject_id AND ${actionSql("sx")}
  LEFT JOIN urgent_calls sc ON n.subject_type = 'urgent-call' AND sc.id = n.subject_id AND ${callSql("sc")}
  WHERE n.person_id = rt_viewer() AND coalesce(si.id, sm.id, sg.id, sx.id, sc.id) IS NOT NULL`);

/** The viewer's notifications whose subject they may read, newest first. */
export async function visibleNotifications(
  trx: Tx,
  options: { unreadOnly?: boolean; undigestedOnly?: boolean; limit: number },
): Promise<VisibleNotification[]> {
  const unread = options.unreadOnly ? sql.raw("AND n.read_at IS NULL") : sql.raw("");
  const undigested = options.undigestedOnly
    ? sql.raw("AND n.read_at IS NULL AND n.digested_at IS NULL AND NOT n.urgent")
    : sql.raw("");
  const result = await sql<VisibleNotification>`
    SELECT n.id, n.type, n.urgent, n.created_at, n.read_at, n.subject_type, n.subject_id,
           coalesce(si.title, sm.title, sg.title, sx.title, sc.title) AS title,
           coalesce(si.tlp, sm.tlp, sg.tlp, sx.tlp, sc.tlp) AS tlp,
           sg.meeting_id
    ${VISIBLE} ${unread} ${undigested}
    ORDER BY n.created_at DESC, n.id LIMIT ${options.limit}`.execute(trx);
  return result.rows;
}

/** Where the unread count stops: the UI shows "99+" from 100 on, so counting further is wasted work. */
export const UNREAD_COUNT_CAP = 100;

/**
 * How many of the viewer's visible notifications are unread, up to UNREAD_COUNT_CAP: every row
 * counted goes through the subject predicates, so a person with thousands unread must not pay
 * for all of them on every list request.
 */
export async function unreadCount(trx: Tx): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT 1 ${VISIBLE} AND n.read_at IS NULL LIMIT ${UNREAD_COUNT_CAP}) AS capped`.execute(trx);
  return Number(result.rows[0]?.n ?? 0);
}

/** Marks some or all of the viewer's notifications read. */
export async function markRead(trx: Tx, at: Date, ids: readonly string[] | "all"): Promise<void> {
  let q = trx
    .updateTable("notifications")
    .set({ read_at: at })
    .where(sql<SqlBool>`person_id = rt_viewer()`)
    .where("read_at", "is", null);
  if (ids !== "all") q = q.where("id", "in", [...ids]);
  await q.execute();
}

/**
 * Marks the viewer's pending digest notifications (not urgent, not yet digested) as digested:
 * `"all"` of them created by `until` (no digest is mailed to this person), or those in `ids` (the
 * lines the digest mailed) together with those created by `until` the viewer cannot read any more
 * or has read (dropped on purpose). Readable unread ones left out of the digest — beyond its length limit, or
 * arrived since it was read — stay pending for the next digest.
 */
export async function markDigested(trx: Tx, at: Date, until: Date, ids: readonly string[] | "all"): Promise<void> {
  // A mailed line is marked whatever its created_at (another instance's clock may run ahead).
  const which =
    ids === "all"
      ? sql`t.created_at <= ${until}`
      : sql`(t.id = ANY(${[...ids]}::uuid[]) OR (t.created_at <= ${until}
              AND NOT EXISTS (SELECT 1 ${VISIBLE} AND n.id = t.id AND n.read_at IS NULL)))`;
  await sql`
    UPDATE notifications AS t SET digested_at = ${at}
     WHERE t.person_id = rt_viewer() AND t.digested_at IS NULL AND NOT t.urgent AND ${which}`.execute(trx);
}

/** Persons with notifications waiting for a digest (a system query: ids only). */
export async function personsAwaitingDigest(db: Queryable, until: Date): Promise<string[]> {
  const rows = await db
    .selectFrom("notifications")
    .select("person_id")
    .distinct()
    .where("digested_at", "is", null)
    .where("read_at", "is", null)
    .where("urgent", "=", false)
    .where("created_at", "<=", until)
    .execute();
  return rows.map((r) => r.person_id);
}

/** The rows of one batch (what the live stream sends: no content). */
export async function batchRows(db: Queryable, batchId: string) {
  return db
    .selectFrom("notifications")
    .select(["id", "person_id", "type", "urgent", "subject_type", "subject_id", "created_at"])
    .where("batch_id", "=", batchId)
    .execute();
}

/** E-mail preferences for persons; a missing row means the defaults (both on). */
export async function preferencesOf(db: Queryable, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, { email_urgent: boolean; email_digest: boolean }>();
  const rows = await db
    .selectFrom("notification_preferences")
    .selectAll()
    .where("person_id", "in", [...personIds])
    .execute();
  return new Map(rows.map((r) => [r.person_id, r]));
}

/** Saves the viewer's e-mail preferences. */
export async function savePreferences(trx: Tx, personId: string, prefs: { email_urgent: boolean; email_digest: boolean }) {
  await trx
    .insertInto("notification_preferences")
    .values({ person_id: personId, ...prefs })
    .onConflict((oc) => oc.column("person_id").doUpdateSet(prefs))
    .execute();
}

/** Queues e-mail; a worker sends it after the transaction commits. */
export async function queueMail(trx: Queryable, rows: Insertable<MailOutboxTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto("mail_outbox")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/**
 * Claims up to `limit` due e-mails with a lease: in one statement (its own short transaction) each
 * is counted as an attempt and pushed to `leaseUntil`, so no other instance — and no later drain of
 * this one — picks it up while it is being sent. SKIP LOCKED lets concurrent claims pass each other.
 * If the sender dies mid-send, the e-mail is due again when the lease ends.
 */
export async function claimMail(db: Queryable, now: Date, limit: number, leaseUntil: Date) {
  return db
    .updateTable("mail_outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), next_attempt_at: leaseUntil }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("mail_outbox")
        .select("id")
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .orderBy("created_at")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * Records the outcome of one claimed attempt (the claim counted it): sent, or failed with the time
 * of the next attempt. A failure never overwrites a sent e-mail.
 */
export async function mailAttempted(db: Queryable, id: string, outcome: { sentAt: Date } | { error: string; retryAt: Date }) {
  let q = db
    .updateTable("mail_outbox")
    .set(
      "sentAt" in outcome
        ? { sent_at: outcome.sentAt, last_error: null }
        : { last_error: outcome.error, next_attempt_at: outcome.retryAt },
    )
    .where("id", "=", id);
  if (!("sentAt" in outcome)) q = q.where("sent_at", "is", null);
  await q.execute();
}
