// The mail worker: sends queued e-mail, each message once even with several instances, retrying
// failures with a growing delay up to a cap.
//
// No transaction is open while SMTP talks: a batch is claimed with a lease in one short statement
// (attempts + 1, next_attempt_at = the end of the lease), sent, and each outcome written on its
// own. So a slow mail server never holds a connection or row locks (on PGlite, the only connection:
// it would stall every request), and a failed write after a send cannot roll the send back into
// "pending" for the whole batch. Delivery is at least once: only a crash, or a failed outcome write,
// between sending and recording sends an e-mail again, after the lease.
import type { Deps } from "../context.js";
import { claimMail, mailAttempted } from "../repositories/notifications.repository.js";

const BATCH = 50;
const MINUTE = 60_000;
/**
 * How long a claimed e-mail is left alone by every drain. Longer than any one send can take
 * (nodemailer's socket timeout is 10 minutes), so a send still in progress is never claimed again.
 */
export const MAIL_LEASE_MS = 15 * MINUTE;
/** Attempts after which an e-mail is given up (about two hours of retries with the delays below). */
export const MAX_MAIL_ATTEMPTS = 8;
/** next_attempt_at of an e-mail given up: never due; last_error says why. */
export const MAIL_GIVEN_UP = new Date("9999-12-31T00:00:00.000Z");

/** The delay after failed attempt number `attempt` (1-based): 1, 2, 4 … minutes, at most an hour. */
function retryDelay(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1)) * MINUTE;
}

/** Sends what is due; returns how many were sent. */
export async function drainOutbox(deps: Deps): Promise<number> {
  if (!deps.mailer.enabled) return 0;
  let sent = 0;
  for (;;) {
    const now = deps.clock();
    const batch = await claimMail(deps.db.kysely, now, BATCH, new Date(now.getTime() + MAIL_LEASE_MS));
    // The transport pools a few connections: send a claimed batch concurrently, record each outcome
    // as soon as it is known (the sooner a sent e-mail is recorded, the smaller the resend window).
    const results = await Promise.allSettled(
      batch.map(async (mail) => {
        try {
          await deps.mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
        } catch (error) {
          const giveUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
          await mailAttempted(deps.db.kysely, mail.id, {
            error: error instanceof Error ? error.message.slice(0, 500) : "send failed",
            retryAt: giveUp ? MAIL_GIVEN_UP : new Date(deps.clock().getTime() + retryDelay(mail.attempts)),
          });
          return false;
        }
        await mailAttempted(deps.db.kysely, mail.id, { sentAt: deps.clock() });
        return true;
      }),
    );
    for (const result of results) if (result.status === "fulfilled" && result.value) sent++;
    // An outcome that could not be written: the lease keeps the e-mail from being resent at once.
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    if (batch.length < BATCH) return sent;
  }
}
