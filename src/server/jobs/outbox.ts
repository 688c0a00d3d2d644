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
      // The transport pools a few connections: send a claimed batch concurrently, record each outcome.
      const outcomes = await Promise.allSettled(
        batch.map((mail) => deps.mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body })),
      );
      for (const [i, outcome] of outcomes.entries()) {
        const mail = batch[i] as (typeof batch)[number];
        if (outcome.status === "fulfilled") {
          await mailAttempted(trx, mail.id, { sentAt: deps.clock() });
          sent++;
        } else {
          const error = outcome.reason;
          await mailAttempted(trx, mail.id, {
            error: error instanceof Error ? error.message.slice(0, 500) : "send failed",
            retryAt: new Date(now.getTime() + Math.min(60, 2 ** mail.attempts) * 60_000),
          });
        }
      }
      return batch.length;
    });
    if (n < BATCH) return sent;
  }
}
