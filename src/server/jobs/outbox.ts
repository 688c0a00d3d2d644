// The mail worker: sends queued e-mail, each message once even with several instances (rows are
// claimed with FOR UPDATE SKIP LOCKED), retrying failures with a growing delay.
import type { Deps } from "../context.js";
import { claimMail, mailAttempted } from "../repositories/notifications.repository.js";

const BATCH = 50;

/** Sends what is due; returns how many were sent. */
export async function drainOutbox(deps: Deps): Promise<number> {
  if (!deps.mailer.enabled) return 0;
  let sent = 0;
  for (;;) {
    const n = await deps.db.asOwner(async (trx) => {
      const now = deps.clock();
      const batch = await claimMail(trx, now, BATCH);
      for (const mail of batch) {
        try {
          await deps.mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
          await mailAttempted(trx, mail.id, { sentAt: deps.clock() });
          sent++;
        } catch (error) {
          const delayMinutes = Math.min(60, 2 ** mail.attempts);
          await mailAttempted(trx, mail.id, {
            error: error instanceof Error ? error.message.slice(0, 500) : "send failed",
            retryAt: new Date(now.getTime() + delayMinutes * 60_000),
          });
        }
      }
      return batch.length;
    });
    if (n < BATCH) return sent;
  }
}
