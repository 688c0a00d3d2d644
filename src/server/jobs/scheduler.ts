// Scheduled work that survives restarts and runs once across instances: each job is a row in
// scheduled_jobs; an instance claims a due row with one conditional UPDATE (only one wins), runs
// it, and writes the next run time. The mail worker also wakes on NOTIFY for immediate e-mail.
import { randomUUID } from "node:crypto";
import type { Deps } from "../context.js";
import { MAIL_CHANNEL } from "../notifications/notify.js";
import { runFederation } from "../services/federation.service.js";
import { queueDigests } from "./digest.js";
import { drainOutbox } from "./outbox.js";
import { askForMeasureReviews, escalateOverdueActions, escalateUnacknowledgedWarnings, remindActionsDue } from "./sweeps.js";

/** One recurring job: what it does and when it runs next after `now`. */
export interface Job {
  name: string;
  /** When the job first runs on a new database (at once unless given). */
  first?: (now: Date) => Date;
  next: (now: Date) => Date;
  run: (deps: Deps) => Promise<unknown>;
  /**
   * How long a claim keeps other instances off the job (DEFAULT_LEASE_MS unless given). The lease
   * is not renewed while the job runs, and a run that outlives it may be started again elsewhere
   * (its effects done twice: a second digest mailed, a reminder sent twice), so it must comfortably
   * exceed the longest run: a crashed instance's job only waits for it to end before running again.
   */
  leaseMs?: number;
}

const MINUTE = 60_000;
/** The lease of the short sweeps: each is a few statements, done in seconds. */
export const DEFAULT_LEASE_MS = 10 * MINUTE;
/** The digest reads and queues a mail per person, one transaction each: long on a large exchange. */
export const DIGEST_LEASE_MS = 60 * MINUTE;

/** The next `hour`:00 UTC strictly after `now`. */
export function nextDailyAt(now: Date, hour: number): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** The jobs of a Roundtable instance. */
export function standardJobs(digestHourUtc: number, federationIntervalMs = 5 * MINUTE): Job[] {
  return [
    { name: "action-reminders", next: (now) => new Date(now.getTime() + 5 * MINUTE), run: remindActionsDue },
    { name: "action-escalations", next: (now) => new Date(now.getTime() + 5 * MINUTE), run: escalateOverdueActions },
    { name: "warning-escalations", next: (now) => new Date(now.getTime() + MINUTE), run: escalateUnacknowledgedWarnings },
    { name: "measure-reviews", next: (now) => new Date(now.getTime() + 60 * MINUTE), run: askForMeasureReviews },
    {
      name: "daily-digest",
      first: (now) => nextDailyAt(now, digestHourUtc),
      next: (now) => nextDailyAt(now, digestHourUtc),
      run: (deps) => queueDigests(deps),
      leaseMs: DIGEST_LEASE_MS,
    },
    {
      name: "federation",
      next: (now) => new Date(now.getTime() + federationIntervalMs),
      run: async (deps) => runFederation(deps),
      leaseMs: 30 * MINUTE,
    },
  ];
}

/** Runs every job that is due now and not claimed by another instance; returns the names run. */
export async function runDueJobs(deps: Deps, jobs: readonly Job[], instance = "this"): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const now = deps.clock();
    await deps.db.kysely
      .insertInto("scheduled_jobs")
      .values({
        name: job.name,
        next_run_at: job.first?.(now) ?? now,
        locked_until: null,
        locked_by: null,
        last_run_at: null,
        last_error: null,
      })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const claimed = await deps.db.kysely
      .updateTable("scheduled_jobs")
      .set({ locked_until: new Date(now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS)), locked_by: instance })
      .where("name", "=", job.name)
      .where("next_run_at", "<=", now)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
      .returning("name")
      .executeTakeFirst();
    if (!claimed) continue;
    let error: string | null = null;
    try {
      await job.run(deps);
      ran.push(job.name);
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : String(e);
    }
    const done = deps.clock();
    await deps.db.kysely
      .updateTable("scheduled_jobs")
      .set({
        next_run_at: error ? new Date(done.getTime() + MINUTE) : job.next(now),
        locked_until: null,
        locked_by: null,
        last_run_at: done,
        last_error: error,
      })
      .where("name", "=", job.name)
      // Only while still ours: if the lease ran out and another instance claimed the job, its
      // claim and its own outcome stand.
      .where("locked_by", "=", instance)
      .execute();
  }
  return ran;
}

/** The background worker of one instance: jobs every `tickMs`, e-mail as soon as it is queued. */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private mailRunning: Promise<unknown> = Promise.resolve();
  private readonly instance = randomUUID();

  constructor(
    private readonly deps: Deps,
    private readonly jobs: readonly Job[],
    private readonly tickMs = 30_000,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts ticking and listening for queued mail. */
  async start(): Promise<void> {
    this.unlisten = await this.deps.db.listen(MAIL_CHANNEL, () => this.wakeMail());
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
    this.tick();
  }

  private tick(): void {
    this.running = this.running
      .then(() => runDueJobs(this.deps, this.jobs, this.instance))
      .then(() => this.wakeMail())
      .catch(this.onError);
  }

  private wakeMail(): void {
    this.mailRunning = this.mailRunning.then(() => drainOutbox(this.deps)).catch(this.onError);
  }

  /** Stops after the work in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.running;
    await this.mailRunning;
  }
}
