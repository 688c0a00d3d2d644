// Creating notifications: the recipients are exactly the persons the reference policy lets read
// the subject (and everything it hangs from); urgent ones are also e-mailed at once (label and
// link only above TLP:GREEN); every instance's live stream is told through NOTIFY at commit.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { type Audience, type ReadableContent, readersOf } from "../../shared/policy.js";
import type { NotificationType, SubjectType } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps } from "../context.js";
import type { Queryable } from "../db/database.js";
import { urgentMail } from "../mail/templates.js";
import { loadFacts } from "../repositories/facts.repository.js";
import * as repo from "../repositories/notifications.repository.js";
import { NOTIFICATION_TEXT, subjectLink } from "./messages.js";

/** The channel that carries a batch id to every instance's live hub. */
export const EVENTS_CHANNEL = "rt_events";
/** The channel that wakes the mail worker. */
export const MAIL_CHANNEL = "rt_mail";

/** The policy-relevant columns every content row carries. */
export interface ContentRow {
  tlp: TlpLabel;
  author_id: string;
  author_organisation_id: string;
  audience_exchange: boolean;
  audience_organisations: readonly string[];
  audience_groups: readonly string[];
  audience_persons: readonly string[];
}

/** A content row as the reference policy sees it. */
export function contentOf(row: ContentRow): ReadableContent {
  const audience: Audience = {
    exchange: row.audience_exchange,
    organisations: row.audience_organisations,
    groups: row.audience_groups,
    persons: row.audience_persons,
  };
  return { tlp: row.tlp, authorId: row.author_id, authorOrganisationId: row.author_organisation_id, audience };
}

/** What a notification is about: the subject row and the rows it hangs from (parents first). */
export interface Subject {
  type: SubjectType;
  id: string;
  title: string;
  tlp: TlpLabel;
  chain: readonly ContentRow[];
  meetingId?: string | null;
}

export interface NotifyOptions {
  type: NotificationType;
  subject: Subject;
  urgent: boolean;
  /** Only these persons (still filtered by the policy); everyone who may read it when absent. */
  only?: Iterable<string>;
  exclude?: Iterable<string>;
}

/** Creates the notifications (and urgent e-mail) in the caller's transaction; returns the recipients. */
export async function notify(trx: Queryable, deps: Deps, options: NotifyOptions): Promise<string[]> {
  const facts = await loadFacts(trx);
  const readers = readersOf(options.subject.chain.map(contentOf), facts);
  const only = options.only ? new Set(options.only) : null;
  const excluded = new Set(options.exclude ?? []);
  const recipients = [...readers].filter((id) => (only === null || only.has(id)) && !excluded.has(id));
  if (recipients.length === 0) return [];

  const batchId = randomUUID();
  const now = deps.clock();
  const { subject } = options;
  await repo.insertNotifications(
    trx,
    recipients.map((personId) => ({
      id: randomUUID(),
      batch_id: batchId,
      person_id: personId,
      type: options.type,
      subject_type: subject.type,
      subject_id: subject.id,
      urgent: options.urgent,
      created_at: now,
      read_at: null,
      digested_at: null,
    })),
  );
  if (options.urgent && deps.mailer.enabled) await queueUrgentMail(trx, deps, options, recipients, now);
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${batchId})`.execute(trx);
  return recipients;
}

async function queueUrgentMail(trx: Queryable, deps: Deps, options: NotifyOptions, recipients: string[], now: Date) {
  const preferences = await repo.preferencesOf(trx, recipients);
  const wanted = recipients.filter((id) => preferences.get(id)?.email_urgent !== false);
  if (wanted.length === 0) return;
  const persons = await trx.selectFrom("persons").select(["id", "email"]).where("id", "in", wanted).execute();
  const { subject } = options;
  const mail = urgentMail({
    text: NOTIFICATION_TEXT[options.type],
    tlp: subject.tlp,
    title: subject.title,
    url: `${deps.config.publicUrl}${subjectLink(subject.type, subject.id, subject.meetingId)}`,
  });
  await repo.queueMail(
    trx,
    persons.map((p) => ({
      id: randomUUID(),
      recipient: p.email,
      subject: mail.subject,
      body: mail.text,
      created_at: now,
      next_attempt_at: now,
      sent_at: null,
      last_error: null,
    })),
  );
  await sql`SELECT pg_notify(${MAIL_CHANNEL}, '')`.execute(trx);
}
