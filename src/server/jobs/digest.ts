// The daily digest: one e-mail per person with what they have not read, each line read through
// the policy as that person (what they can no longer read is dropped, not mailed).
import { randomUUID } from "node:crypto";
import type { NotificationType } from "../../shared/schemas/index.js";
import type { Deps } from "../context.js";
import { digestMail } from "../mail/templates.js";
import { NOTIFICATION_TEXT, subjectLink } from "../notifications/messages.js";
import * as members from "../repositories/membership.repository.js";
import * as repo from "../repositories/notifications.repository.js";

/** The most lines one digest mails; the rest stay pending for the next digest. */
export const DIGEST_LIMIT = 200;

/** Sends (queues) the digests due at `now`; returns how many e-mails were queued. */
export async function queueDigests(deps: Deps, options: { limit?: number } = {}): Promise<number> {
  const now = deps.clock();
  const limit = options.limit ?? DIGEST_LIMIT;
  const persons = await repo.personsAwaitingDigest(deps.db.kysely, now);
  let queued = 0;
  for (const personId of persons) {
    queued += await deps.db.asViewer(personId, async (trx) => {
      const prefs = (await repo.preferencesOf(trx, [personId])).get(personId);
      const person = await members.findPerson(trx, personId);
      if (person?.status !== "active" || prefs?.email_digest === false || !deps.mailer.enabled) {
        // No digest for this person: what is pending is done with, not saved up for later.
        await repo.markDigested(trx, now, now, "all");
        return 0;
      }
      const rows = await repo.visibleNotifications(trx, { undigestedOnly: true, limit });
      // Only the lines mailed, and what the person can no longer read; the rest waits for the next digest.
      await repo.markDigested(
        trx,
        now,
        now,
        rows.map((r) => r.id),
      );
      if (rows.length === 0) return 0;
      const mail = digestMail(
        rows.map((r) => ({
          text: NOTIFICATION_TEXT[r.type as NotificationType] ?? r.type,
          tlp: r.tlp,
          title: r.title,
          url: `${deps.config.publicUrl}${subjectLink(r.subject_type, r.subject_id, r.meeting_id)}`,
        })),
        now.toISOString().slice(0, 10),
      );
      await repo.queueMail(trx, [
        {
          id: randomUUID(),
          recipient: person.email,
          subject: mail.subject,
          body: mail.text,
          created_at: now,
          next_attempt_at: now,
          sent_at: null,
          last_error: null,
        },
      ]);
      return 1;
    });
  }
  return queued;
}
