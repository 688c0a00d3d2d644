// Creating notifications: the recipients are exactly the persons the reference policy lets read
// the subject (and everything it hangs from); urgent ones are also e-mailed at once (label and
// link only above TLP:GREEN); every instance's live stream is told through NOTIFY at commit.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { type Audience, type ExchangeFacts, type ReadableContent, readersOf } from "../../shared/policy.js";
import type { NotificationType, SubjectType } from "../../shared/schemas/index.js";
import { type TlpLabel, tlpRank } from "../../shared/tlp.js";
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
  /** The exchange's facts when the caller already has them (a sweep notifying many times). */
  facts?: ExchangeFacts;
}

/** Creates the notifications (and urgent e-mail) in the caller's transaction; returns the recipients. */
export async function notify(trx: Queryable, deps: Deps, options: NotifyOptions): Promise<string[]> {
  const facts = options.facts ?? (await loadFacts(trx));
  const readers = readersOf(options.subject.chain.map(contentOf), facts);
  const only = options.only ? new Set(options.only) : null;
  const excluded = new Set(options.exclude ?? []);
  const recipients = [...readers].filter((id) => (only === null || only.has(id)) && !excluded.has(id));
  if (recipients.length === 0) return [];

  const batchId = randomUUID();
  const now = deps.clock();
  const { subject } = options;
  await repo.insertBatch(trx, {
    batchId,
    personIds: recipients,
    type: options.type,
    subjectType: subject.type,
    subjectId: subject.id,
    urgent: options.urgent,
    at: now,
  });
  if (options.urgent && deps.mailer.enabled) {
    // What e-mail may say depends on the most restrictive label of the subject and its parents.
    const tlp = [subject.tlp, ...subject.chain.map((c) => c.tlp)].reduce((a, b) => (tlpRank(b) > tlpRank(a) ? b : a));
    const mail = urgentMail({
      text: NOTIFICATION_TEXT[options.type],
      tlp,
      title: subject.title,
      url: `${deps.config.publicUrl}${subjectLink(subject.type, subject.id, subject.meetingId)}`,
    });
    if ((await repo.queueMailTo(trx, recipients, mail, now)) > 0) await sql`SELECT pg_notify(${MAIL_CHANNEL}, '')`.execute(trx);
  }
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${batchId})`.execute(trx);
  return recipients;
}
