// CLI for scheduled work: see when each job runs next, or run what is due now (for deployments
// that prefer an external cron to the server's own scheduler, and for checking after an outage).
import type { Command } from "commander";
import { drainOutbox, MAIL_GIVEN_UP } from "../server/jobs/outbox.js";
import { runDueJobs, standardJobs } from "../server/jobs/scheduler.js";
import { withDeps } from "./admin.commands.js";

/** Registers `jobs list` and `jobs run`. */
export function registerJobCommands(program: Command): void {
  const jobs = program.command("jobs").description("Scheduled work: reminders, escalations, digests, e-mail");

  jobs
    .command("list")
    .description("Each job with its next and last run and last error; e-mail waiting in the outbox")
    .action(async () => {
      await withDeps(async (deps) => {
        const rows = await deps.db.kysely.selectFrom("scheduled_jobs").selectAll().orderBy("name").execute();
        if (rows.length === 0) console.log("No job has run yet on this database.");
        for (const r of rows) {
          const last = r.last_run_at ? r.last_run_at.toISOString() : "never";
          console.log(
            `${r.name.padEnd(22)} next ${r.next_run_at.toISOString()}  last ${last}${r.last_error ? `  error: ${r.last_error}` : ""}`,
          );
        }
        const unsent = await deps.db.kysely
          .selectFrom("mail_outbox")
          .select((eb) => [
            eb.fn.countAll<number>().filterWhere("next_attempt_at", "<", MAIL_GIVEN_UP).as("waiting"),
            eb.fn.countAll<number>().filterWhere("next_attempt_at", ">=", MAIL_GIVEN_UP).as("given_up"),
          ])
          .where("sent_at", "is", null)
          .executeTakeFirstOrThrow();
        console.log(`E-mail waiting to be sent: ${Number(unsent.waiting)}`);
        if (Number(unsent.given_up)) console.log(`E-mail given up after repeated failures: ${Number(unsent.given_up)}`);
      });
    });

  jobs
    .command("run")
    .description("Run every job that is due now (once, even if servers are running too), then send queued e-mail")
    .action(async () => {
      await withDeps(async (deps) => {
        const ran = await runDueJobs(deps, standardJobs(deps.config.digestHourUtc), "cli");
        const sent = await drainOutbox(deps);
        console.log(ran.length ? `Ran: ${ran.join(", ")}.` : "Nothing was due.");
        console.log(deps.mailer.enabled ? `E-mails sent: ${sent}.` : "E-mail is off (no SMTP_URL): nothing sent.");
      });
    });
}
