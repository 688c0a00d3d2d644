// The mail outbox and the digest, on each backend, against a real SMTP server the test controls:
// failed sends are retried later and given up after a cap, a sent e-mail is not sent again, a slow
// mail server blocks neither requests nor the database, and a digest leaves what it could not fit
// for the next one. On PostgreSQL, LISTEN survives a dropped connection and a failed reconnect.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import type { Deps } from "../src/server/context.js";
import type { Database } from "../src/server/db/database.js";
import { queueDigests } from "../src/server/jobs/digest.js";
import { drainOutbox, MAIL_GIVEN_UP, MAIL_LEASE_MS, MAX_MAIL_ATTEMPTS } from "../src/server/jobs/outbox.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { claimMail, insertBatch, queueMail, UNREAD_COUNT_CAP } from "../src/server/repositories/notifications.repository.js";
import { type TestClock, testApp } from "./support/app.js";
import { acceptDocuments, buildItem, buildOrganisation, buildPerson, buildToken, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Rejects if `promise` has not settled within `ms`: a guard that turns a hang into a failure. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it holds (for effects of other processes: the PostgreSQL server). */
async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}

/**
 * An SMTP server that accepts, refuses (451) or holds each message as the test says: `hold()`
 * makes the next message wait, after it has fully arrived, until the test releases it.
 */
async function startControlledSmtp() {
  const state = {
    mode: "accept" as "accept" | "refuse",
    /** Recipients of each DATA received, refused or not. */
    attempts: [] as string[],
    /** Recipients of each message accepted. */
    delivered: [] as string[],
  };
  let gate: { arrive: () => void; released: Promise<void> } | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      stream.on("data", () => undefined);
      stream.on("end", () => {
        state.attempts.push(to);
        if (state.mode === "refuse") {
          callback(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 }));
          return;
        }
        const held = gate;
        gate = undefined;
        held?.arrive();
        void (held?.released ?? Promise.resolve()).then(() => {
          state.delivered.push(to);
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    state,
    port,
    /** Holds the next message: `arrived` resolves once the server has it; nothing is answered before `release()`. */
    hold() {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => {
        arrive = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      gate = { arrive, released };
      return { arrived, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const backend of testBackends()) {
  describe(`the mail outbox and the digest on ${backend.name}`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>["app"];
    let deps: Deps;
    let clock: TestClock;
    let smtp: Awaited<ReturnType<typeof startControlledSmtp>>;

    before(async () => {
      db = await backend.open();
      smtp = await startControlledSmtp();
      ({ app, deps, clock } = await testApp(db, {
        mailer: createMailer(`smtp://127.0.0.1:${smtp.port}`, "Roundtable <rt@test.example>"),
      }));
    });

    afterEach(async () => {
      smtp.state.mode = "accept";
      await db.kysely.deleteFrom("mail_outbox").execute();
    });

    after(async () => {
      await app.close();
      await smtp.close();
      await backend.dispose();
    });

    async function queue(recipient: string): Promise<string> {
      const id = randomUUID();
      await queueMail(db.kysely, [
        {
          id,
          recipient,
          subject: "Hello",
          body: "A link.",
          created_at: clock.now,
          next_attempt_at: clock.now,
          sent_at: null,
          last_error: null,
        },
      ]);
      return id;
    }

    const outboxRow = (id: string) =>
      db.kysely.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const attemptsTo = (to: string) => smtp.state.attempts.filter((a) => a === to).length;
    const deliveredTo = (to: string) => smtp.state.delivered.filter((a) => a === to).length;

    it("retries a refused e-mail later, with a delay, and never sends it again once sent", async () => {
      const to = `retry@${backend.name}.test`;
      const id = await queue(to);
      smtp.state.mode = "refuse";
      assert.equal(await drainOutbox(deps), 0);
      let row = await outboxRow(id);
      assert.equal(row.attempts, 1);
      assert.equal(row.sent_at, null);
      assert.match(row.last_error ?? "", /mailbox busy/);
      assert.equal(row.next_attempt_at.getTime(), clock.now.getTime() + MINUTE, "the first retry a minute later");
      assert.equal(attemptsTo(to), 1);

      assert.equal(await drainOutbox(deps), 0, "not due yet");
      assert.equal(attemptsTo(to), 1);

      clock.advance(MINUTE);
      assert.equal(await drainOutbox(deps), 0);
      row = await outboxRow(id);
      assert.equal(row.attempts, 2);
      assert.equal(row.next_attempt_at.getTime(), clock.now.getTime() + 2 * MINUTE, "the delay grows");

      smtp.state.mode = "accept";
      clock.advance(2 * MINUTE);
      assert.equal(await drainOutbox(deps), 1);
      row = await outboxRow(id);
      assert.ok(row.sent_at, "recorded as sent");
      assert.equal(row.last_error, null);
      assert.equal(row.attempts, 3);
      assert.equal(deliveredTo(to), 1);

      for (const step of [MINUTE, HOUR, MAIL_LEASE_MS, 24 * HOUR]) {
        clock.advance(step);
        assert.equal(await drainOutbox(deps), 0);
      }
      assert.equal(attemptsTo(to), 3, "no attempt after it was sent");
      assert.equal(deliveredTo(to), 1, "sent once");
    });

    it("gives up after the cap, keeping the last error", async () => {
      const to = `cap@${backend.name}.test`;
      const id = await queue(to);
      smtp.state.mode = "refuse";
      for (let i = 0; i < MAX_MAIL_ATTEMPTS + 3; i++) {
        assert.equal(await drainOutbox(deps), 0);
        clock.advance(2 * HOUR);
      }
      const row = await outboxRow(id);
      assert.equal(attemptsTo(to), MAX_MAIL_ATTEMPTS, "tried exactly the cap");
      assert.equal(row.attempts, MAX_MAIL_ATTEMPTS);
      assert.equal(row.sent_at, null);
      assert.match(row.last_error ?? "", /mailbox busy/);
      assert.equal(row.next_attempt_at.getTime(), MAIL_GIVEN_UP.getTime(), "never due again");
      smtp.state.mode = "accept";
      clock.advance(365 * 24 * HOUR);
      assert.equal(await drainOutbox(deps), 0);
      assert.equal(attemptsTo(to), MAX_MAIL_ATTEMPTS);
    });

    it("an e-mail claimed by a sender that died is sent when its lease ends, not before", async () => {
      const to = `lease@${backend.name}.test`;
      const id = await queue(to);
      const claimed = await claimMail(db.kysely, clock.now, 10, new Date(clock.now.getTime() + MAIL_LEASE_MS));
      assert.deepEqual(
        claimed.map((m) => m.id),
        [id],
      );
      assert.equal(await drainOutbox(deps), 0, "leased to the dead sender");
      clock.advance(MAIL_LEASE_MS);
      assert.equal(await drainOutbox(deps), 1);
      assert.equal(deliveredTo(to), 1);
      assert.equal((await outboxRow(id)).attempts, 2);
    });

    it("a slow mail server blocks neither requests nor the database, nor makes another drain send twice", async () => {
      const to = `slow@${backend.name}.test`;
      const id = await queue(to);
      const gate = smtp.hold();
      let finished = false;
      const draining = drainOutbox(deps).then((n) => {
        finished = true;
        return n;
      });
      try {
        await within(gate.arrived, 10_000, "the message reaching the SMTP server");
        // The server holds the message and will not answer before release(): a drain that kept a
        // transaction open over the send would hold PGlite's only connection until then.
        const health = await within(app.inject({ method: "GET", url: "/healthz" }), 5_000, "GET /healthz while sending");
        assert.equal(health.statusCode, 200);
        const leased = await within(outboxRow(id), 5_000, "a query while sending");
        assert.equal(finished, false, "still sending");
        assert.equal(leased.attempts, 1, "the claim is committed before the send");
        assert.equal(leased.sent_at, null);
        assert.equal(leased.next_attempt_at.getTime(), clock.now.getTime() + MAIL_LEASE_MS);
        assert.equal(await within(drainOutbox(deps), 5_000, "a second drain while sending"), 0, "leased: not sent twice");
        assert.equal(finished, false);
      } finally {
        gate.release();
      }
      assert.equal(await draining, 1);
      assert.ok((await outboxRow(id)).sent_at);
      assert.equal(deliveredTo(to), 1);
    });

    describe("digests and the unread count", () => {
      let alice: { id: string; email: string };
      let carol: { id: string; email: string; token: string };
      let orgA: string;

      before(async () => {
        orgA = await buildOrganisation(db, { name: "Alpha" });
        const orgC = await buildOrganisation(db, { name: "Charlie" });
        const docs = await publishDocuments(db);
        alice = await buildPerson(db, { organisationId: orgA, email: `alice@${backend.name}.test` });
        const c = await buildPerson(db, { organisationId: orgC, email: `carol@${backend.name}.test` });
        carol = { ...c, token: await buildToken(db, c.id) };
        for (const p of [alice.id, carol.id]) await acceptDocuments(db, p, docs);
      });

      async function notify(itemId: string, at: Date, urgent = false, times = 1) {
        await insertBatch(db.kysely, {
          batchId: randomUUID(),
          personIds: Array.from({ length: times }, () => carol.id),
          type: "item.posted",
          subjectType: "item",
          subjectId: itemId,
          urgent,
          at,
        });
      }

      const pendingOf = async (personId: string) =>
        (
          await db.kysely
            .selectFrom("notifications")
            .select("subject_id")
            .where("person_id", "=", personId)
            .where("digested_at", "is", null)
            .where("urgent", "=", false)
            .execute()
        ).map((r) => r.subject_id);

      it("a digest over its limit leaves the rest pending for the next one; what cannot be read is dropped", async () => {
        const titles = ["Oldest bulletin", "Middle bulletin", "Newest bulletin"];
        const visible: string[] = [];
        for (const [i, title] of titles.entries()) {
          const item = await buildItem(db, {
            authorId: alice.id,
            authorOrganisationId: orgA,
            tlp: "TLP:GREEN",
            audience: { exchange: true },
            title,
          });
          visible.push(item);
          await notify(item, new Date(clock.now.getTime() - (10 - i) * MINUTE));
        }
        const hidden = await buildItem(db, {
          authorId: alice.id,
          authorOrganisationId: orgA,
          tlp: "TLP:AMBER",
          audience: { organisations: [orgA] },
          title: "Alpha-only advisory",
        });
        await notify(hidden, new Date(clock.now.getTime() - 5 * MINUTE));

        const first = smtp.state.delivered.length;
        assert.equal(await queueDigests(deps, { limit: 2 }), 1);
        assert.deepEqual(await pendingOf(carol.id), [visible[0]], "the oldest waits; the unreadable one is dropped");
        await drainOutbox(deps);
        assert.equal(smtp.state.delivered.length, first + 1);
        const mails = await db.kysely.selectFrom("mail_outbox").select(["recipient", "body"]).orderBy("created_at").execute();
        assert.equal(mails.length, 1);
        assert.equal(mails[0]?.recipient, carol.email);
        assert.match(mails[0]?.body ?? "", /Newest bulletin/);
        assert.match(mails[0]?.body ?? "", /Middle bulletin/);
        assert.doesNotMatch(mails[0]?.body ?? "", /Oldest bulletin|Alpha-only/);

        clock.advance(24 * HOUR);
        assert.equal(await queueDigests(deps, { limit: 2 }), 1, "the next digest mails the rest");
        const next = await db.kysely
          .selectFrom("mail_outbox")
          .select("body")
          .where("sent_at", "is", null)
          .executeTakeFirstOrThrow();
        assert.match(next.body, /Oldest bulletin/);
        assert.doesNotMatch(next.body, /Newest bulletin|Middle bulletin|Alpha-only/);
        assert.deepEqual(await pendingOf(carol.id), []);
        clock.advance(24 * HOUR);
        assert.equal(await queueDigests(deps, { limit: 2 }), 0, "each line is mailed once");
      });

      it("counts unread notifications up to a cap", async () => {
        const item = await buildItem(db, {
          authorId: alice.id,
          authorOrganisationId: orgA,
          tlp: "TLP:GREEN",
          audience: { exchange: true },
        });
        await db.kysely.updateTable("notifications").set({ read_at: clock.now }).where("person_id", "=", carol.id).execute();
        const unread = async () => {
          const res = await app.inject({
            method: "GET",
            url: "/api/notifications?limit=5",
            headers: { authorization: `Bearer ${carol.token}` },
          });
          assert.equal(res.statusCode, 200, res.body);
          return res.json().unread as number;
        };
        assert.equal(await unread(), 0);
        await notify(item, clock.now, true, 3);
        assert.equal(await unread(), 3);
        await notify(item, clock.now, true, UNREAD_COUNT_CAP + 20);
        assert.equal(await unread(), UNREAD_COUNT_CAP);
      });
    });

    if (backend.name === "postgres") {
      it("LISTEN reconnects after its connection is dropped, even when the first reconnect fails, and leaks no connection", async () => {
        const adminUrl = process.env.DATABASE_URL as string;
        const name = new URL(backend.url as string).pathname.slice(1);
        const channel = "outbox_listen_test";
        const received: string[] = [];
        const stop = await db.listen(channel, (payload) => received.push(payload));
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        const listeners = async () =>
          Number(
            (
              await admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND query = $2", [
                name,
                `LISTEN ${channel}`,
              ])
            ).rows[0].n,
          );
        const notifyUntilHeard = async (payload: string) =>
          eventually(
            async () => {
              await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db.kysely);
              await sleep(50);
              return received.includes(payload);
            },
            20_000,
            `hearing ${payload}`,
          );
        try {
          await notifyUntilHeard("before");
          assert.equal(await listeners(), 1);
          // Keep a pooled connection for the NOTIFYs while new connections are refused.
          const pinned = await db.kysely.connection().execute(async (conn) => {
            await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
            await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query = $2", [
              name,
              `LISTEN ${channel}`,
            ]);
            // The first reconnect comes after a second and is refused; the next one after two more.
            await sleep(1_800);
            await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
            await eventually(async () => (await listeners()) === 1, 20_000, "a new listening connection");
            await sql`SELECT pg_notify(${channel}, 'after')`.execute(conn);
            return true;
          });
          assert.ok(pinned);
          await notifyUntilHeard("after");
          assert.equal(await listeners(), 1, "one listening connection, the old one ended");
        } finally {
          await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
          await stop();
          await eventually(async () => (await listeners()) === 0, 10_000, "no listening connection after stop").finally(() =>
            admin.end(),
          );
        }
      });
    }
  });
}
