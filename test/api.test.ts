// HTTP API behaviour: login, second factor, CSRF, tokens, membership, items, bad input loses nothing.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildApp } from "../src/server/app.js";
import type { Deps } from "../src/server/context.js";
import type { Database } from "../src/server/db/database.js";
import { currentTotpCode, newTotpSecret } from "../src/server/security/totp.js";
import { type TestClock, testApp } from "./support/app.js";
import {
  acceptDocuments,
  buildOrganisation,
  buildPerson,
  buildToken,
  publishDocuments,
  TEST_PASSWORD,
} from "./support/builders.js";
import { testBackends } from "./support/databases.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];

/** Logs in through the API; returns cookie and CSRF headers for later requests. */
async function login(app: App, email: string, password = TEST_PASSWORD) {
  const res = await app.inject({ method: "POST", url: "/api/session", payload: { email, password } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === "rt_session");
  assert.ok(cookie, "session cookie set");
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, "Strict");
  return {
    stage: res.json().stage as string,
    headers: { cookie: `rt_session=${cookie.value}`, "x-csrf-token": res.json().csrfToken as string },
  };
}

async function count(db: Database, table: "items" | "persons" | "organisations" | "audit_log") {
  const r = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

for (const backend of testBackends()) {
  describe(`HTTP API on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    let clock: TestClock;
    let deps: Deps;
    let orgA: string;
    let orgB: string;
    let secretariatOrg: string;
    let alice: { id: string; email: string };
    let bob: { id: string; email: string };
    let newbie: { id: string; email: string };
    let secretary: { id: string; email: string };
    const secretarySecret = newTotpSecret();

    before(async () => {
      db = await backend.open();
      ({ app, clock, deps } = await testApp(db));
      secretariatOrg = await buildOrganisation(db, { name: "Secretariat", kind: "public", secretariat: true });
      orgA = await buildOrganisation(db, { name: "Alpha Grid", kind: "private" });
      orgB = await buildOrganisation(db, { name: "Beta Bank", kind: "public" });
      alice = await buildPerson(db, { organisationId: orgA, email: "alice@alpha.example" });
      bob = await buildPerson(db, { organisationId: orgB, email: "bob@beta.example" });
      newbie = await buildPerson(db, { organisationId: orgB, email: "newbie@beta.example" });
      secretary = await buildPerson(db, {
        organisationId: secretariatOrg,
        role: "secretariat",
        email: "sec@secretariat.example",
        totpSecret: secretarySecret,
      });
      const docs = await publishDocuments(db);
      for (const p of [alice, bob, secretary]) await acceptDocuments(db, p.id, docs);
    });
    after(async () => {
      await app.close();
      await backend.dispose();
    });

    /** Logs the secretary in with password and a fresh TOTP code (a new time step each call). */
    async function loginSecretary() {
      const sec = await login(app, secretary.email);
      clock.advance(60_000);
      const res = await app.inject({
        method: "POST",
        url: "/api/session/second-factor",
        headers: sec.headers,
        payload: { code: currentTotpCode(secretarySecret, clock.now) },
      });
      assert.equal(res.json().stage, "complete");
      return sec;
    }

    it("answers 401 without credentials and 200 on /healthz", async () => {
      assert.equal((await app.inject("/api/items")).statusCode, 401);
      assert.equal((await app.inject("/api/items")).json().error.code, "unauthenticated");
      assert.equal((await app.inject("/healthz")).statusCode, 200);
    });

    it("serves the OpenAPI document with the item routes", async () => {
      const doc = (await app.inject("/api/openapi.json")).json();
      assert.ok(doc.openapi.startsWith("3."));
      assert.ok(doc.paths["/api/items"].post);
      assert.ok(doc.paths["/api/items/{id}/label"]);
      for (const path of ["/api/meetings", "/api/actions/mine", "/api/calls/{id}/roll-call", "/api/notifications/stream"]) {
        assert.ok(doc.paths[path], path);
      }
    });

    it("refuses a wrong password with invalid_credentials and locks after five failures", async () => {
      const victim = await buildPerson(db, { organisationId: orgA });
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: victim.email, password: "wrong password!" },
        });
        assert.equal(res.json().error.code, "invalid_credentials");
      }
      const locked = await app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: victim.email, password: TEST_PASSWORD },
      });
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().error.code, "account_locked");
      clock.advance(16 * 60_000);
      assert.equal(
        (await app.inject({ method: "POST", url: "/api/session", payload: { email: victim.email, password: TEST_PASSWORD } }))
          .statusCode,
        200,
      );
    });

    it("requires the second factor for the secretariat, refuses a replayed code", async () => {
      const s = await login(app, secretary.email);
      assert.equal(s.stage, "second_factor");
      assert.equal((await app.inject({ url: "/api/items", headers: s.headers })).json().error.code, "second_factor_required");
      const code = currentTotpCode(secretarySecret, clock.now);
      const ok = await app.inject({ method: "POST", url: "/api/session/second-factor", headers: s.headers, payload: { code } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().stage, "complete");
      const again = await login(app, secretary.email);
      const replay = await app.inject({
        method: "POST",
        url: "/api/session/second-factor",
        headers: again.headers,
        payload: { code },
      });
      assert.equal(replay.json().error.code, "invalid_second_factor");
    });

    it("refuses a cookie write without the CSRF token", async () => {
      const s = await login(app, alice.email);
      const res = await app.inject({
        method: "POST",
        url: "/api/items",
        headers: { cookie: s.headers.cookie },
        payload: { kind: "threat", title: "x", tlp: "TLP:GREEN", audience: { exchange: true } },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, "csrf_failed");
    });

    it("posts an AMBER item to one organisation: the other organisation gets 404", async () => {
      const s = await login(app, alice.email);
      const res = await app.inject({
        method: "POST",
        url: "/api/items",
        headers: s.headers,
        payload: {
          kind: "incident",
          title: "Relay anomaly",
          body: "Details",
          tlp: "TLP:AMBER",
          audience: { organisations: [orgA] },
          details: { startedAt: "2026-10-30T08:00:00.000Z", status: "ongoing", impact: { severity: 2 } },
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const id = res.json().id;
      const bobToken = await buildToken(db, bob.id);
      const asBob = await app.inject({ url: `/api/items/${id}`, headers: { authorization: `Bearer ${bobToken}` } });
      assert.equal(asBob.statusCode, 404);
      assert.equal(asBob.json().error.code, "not_found");
    });

    it("rejects bad input with stable codes and writes nothing", async () => {
      const s = await login(app, alice.email);
      const before = { items: await count(db, "items"), audit: await count(db, "audit_log") };
      const post = (payload: unknown, contentType = "application/json") =>
        app.inject({
          method: "POST",
          url: "/api/items",
          headers: { ...s.headers, "content-type": contentType },
          payload: payload as string,
        });
      assert.equal((await post("{not json")).json().error.code, "malformed_request");
      assert.equal(
        (await post({ kind: "threat", title: 42, tlp: "TLP:GREEN", audience: { exchange: true } })).json().error.code,
        "validation_failed",
      );
      assert.equal(
        (await post({ kind: "threat", title: "x".repeat(301), tlp: "TLP:GREEN", audience: { exchange: true } })).json().error
          .code,
        "validation_failed",
      );
      const unknownLabel = await post({ kind: "threat", title: "t", tlp: "TLP:WHITE", audience: { exchange: true } });
      assert.equal(unknownLabel.statusCode, 400);
      assert.match(unknownLabel.json().error.message, /tlp/);
      const redToOrg = await post({ kind: "threat", title: "t", tlp: "TLP:RED", audience: { organisations: [orgB] } });
      assert.equal(redToOrg.statusCode, 422);
      assert.equal(redToOrg.json().error.code, "audience_invalid");
      assert.equal(
        (await post({ kind: "threat", title: "t", tlp: "TLP:GREEN", audience: {} })).json().error.code,
        "audience_invalid",
      );
      const ghost = await post({
        kind: "threat",
        title: "t",
        tlp: "TLP:RED",
        audience: { persons: ["00000000-0000-4000-8000-000000000000"] },
      });
      assert.equal(ghost.json().error.code, "audience_invalid");
      assert.equal(
        (await post({ kind: "threat", title: "t", tlp: "TLP:GREEN", audience: { exchange: true }, extra: 1 })).json().error.code,
        "validation_failed",
      );
      for (const res of [await post("{not json")]) assert.doesNotMatch(res.body, /at .*\.ts/);
      assert.deepEqual({ items: await count(db, "items"), audit: await count(db, "audit_log") }, before);
    });

    it("refuses posting before the documents are accepted", async () => {
      const s = await login(app, newbie.email);
      const res = await app.inject({
        method: "POST",
        url: "/api/items",
        headers: s.headers,
        payload: { kind: "threat", title: "t", tlp: "TLP:CLEAR", audience: { exchange: true } },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, "documents_not_accepted");
    });

    it("lets only the originating organisation change a label, and audits it", async () => {
      const s = await login(app, alice.email);
      const created = await app.inject({
        method: "POST",
        url: "/api/items",
        headers: s.headers,
        payload: { kind: "threat", title: "Shared widely", tlp: "TLP:GREEN", audience: { exchange: true } },
      });
      const id = created.json().id;
      const bobSession = await login(app, bob.email);
      const denied = await app.inject({
        method: "POST",
        url: `/api/items/${id}/label`,
        headers: bobSession.headers,
        payload: { tlp: "TLP:CLEAR" },
      });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().error.code, "not_originator");
      const badAudience = await app.inject({
        method: "POST",
        url: `/api/items/${id}/label`,
        headers: s.headers,
        payload: { tlp: "TLP:RED" },
      });
      assert.equal(badAudience.json().error.code, "audience_invalid");
      const changed = await app.inject({
        method: "POST",
        url: `/api/items/${id}/label`,
        headers: s.headers,
        payload: { tlp: "TLP:RED", audience: { persons: [alice.id] }, reason: "Too sensitive" },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().tlp, "TLP:RED");
      assert.equal((await app.inject({ url: `/api/items/${id}`, headers: bobSession.headers })).statusCode, 404);
      const history = await app.inject({ url: `/api/items/${id}/history`, headers: s.headers });
      assert.deepEqual(
        history.json().changes.map((c: { from: string; to: string }) => [c.from, c.to]),
        [["TLP:GREEN", "TLP:RED"]],
      );
      const audit = await app.inject({ url: "/api/audit?limit=20", headers: s.headers });
      const entry = audit.json().entries.find((e: { action: string }) => e.action === "item.label_changed");
      assert.deepEqual(entry.details, { from: "TLP:GREEN", to: "TLP:RED" });
    });

    it("creates an API token shown once and stored hashed; revoked and expired tokens are refused", async () => {
      const s = await login(app, alice.email);
      const created = await app.inject({
        method: "POST",
        url: "/api/account/tokens",
        headers: s.headers,
        payload: { name: "script", expiresInDays: 1 },
      });
      assert.equal(created.statusCode, 200);
      const { token, apiToken } = created.json();
      const stored = await db.kysely.selectFrom("api_tokens").selectAll().where("id", "=", apiToken.id).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      assert.ok(!JSON.stringify(stored).includes(token));
      const basic = Buffer.from(`${alice.email}:${token}`).toString("base64");
      assert.equal((await app.inject({ url: "/api/items", headers: { authorization: `Basic ${basic}` } })).statusCode, 200);
      clock.advance(2 * 86_400_000);
      const expired = await app.inject({ url: "/api/items", headers: { authorization: `Bearer ${token}` } });
      assert.equal(expired.json().error.code, "token_expired");
      const revokedToken = await buildToken(db, alice.id, { revoked: true });
      assert.equal(
        (await app.inject({ url: "/api/items", headers: { authorization: `Bearer ${revokedToken}` } })).json().error.code,
        "token_revoked",
      );
    });

    it("suspension ends sessions and tokens at once; a non-secretary cannot suspend", async () => {
      const victim = await buildPerson(db, { organisationId: orgB });
      const token = await buildToken(db, victim.id);
      const victimSession = await login(app, victim.email);
      const bobSession = await login(app, bob.email);
      const denied = await app.inject({
        method: "POST",
        url: `/api/persons/${victim.id}/suspend`,
        headers: bobSession.headers,
        payload: {},
      });
      assert.equal(denied.json().error.code, "forbidden");
      const sec = await loginSecretary();
      const suspended = await app.inject({
        method: "POST",
        url: `/api/persons/${victim.id}/suspend`,
        headers: sec.headers,
        payload: {},
      });
      assert.equal(suspended.statusCode, 200, suspended.body);
      assert.equal(suspended.json().status, "suspended");
      assert.equal((await app.inject({ url: "/api/items", headers: victimSession.headers })).statusCode, 401);
      assert.equal(
        (await app.inject({ url: "/api/items", headers: { authorization: `Bearer ${token}` } })).json().error.code,
        "token_revoked",
      );
      const relogin = await app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: victim.email, password: TEST_PASSWORD },
      });
      assert.equal(relogin.json().error.code, "account_inactive");
      const offboard = await app.inject({
        method: "POST",
        url: `/api/persons/${victim.id}/offboard`,
        headers: sec.headers,
        payload: { confirmation: "Destruction confirmed by letter of 3 Nov" },
      });
      assert.equal(offboard.json().status, "left");
      const row = await db.kysely
        .selectFrom("persons")
        .select("exit_confirmation")
        .where("id", "=", victim.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.exit_confirmation, "Destruction confirmed by letter of 3 Nov");
    });

    it("appoints at most one chair per seat, from the right kind of organisation", async () => {
      const sec = await loginSecretary();
      const wrongKind = await app.inject({
        method: "PUT",
        url: `/api/persons/${bob.id}/chair`,
        headers: sec.headers,
        payload: { seat: "industry" },
      });
      assert.equal(wrongKind.json().error.code, "conflict");
      const ok = await app.inject({
        method: "PUT",
        url: `/api/persons/${alice.id}/chair`,
        headers: sec.headers,
        payload: { seat: "industry" },
      });
      assert.equal(ok.json().role, "chair");
      const asChair = await login(app, alice.email);
      assert.equal(asChair.stage, "enrolment", "a chair must enrol a second factor before anything else");
      assert.equal((await app.inject({ url: "/api/items", headers: asChair.headers })).json().error.code, "enrolment_required");
      const other = await buildPerson(db, { organisationId: orgA });
      const taken = await app.inject({
        method: "PUT",
        url: `/api/persons/${other.id}/chair`,
        headers: sec.headers,
        payload: { seat: "industry" },
      });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, "chair_seat_taken");
      const removed = await app.inject({ method: "DELETE", url: `/api/persons/${alice.id}/chair`, headers: sec.headers });
      assert.equal(removed.json().role, "member");
    });

    it("a new document version must be accepted again before reading above CLEAR", async () => {
      const token = await buildToken(db, bob.id);
      const headers = { authorization: `Bearer ${token}` };
      const sec = await loginSecretary();
      const s = await login(app, alice.email);
      const green = await app.inject({
        method: "POST",
        url: "/api/items",
        headers: s.headers,
        payload: { kind: "threat", title: "Green note", tlp: "TLP:GREEN", audience: { exchange: true } },
      });
      const id = green.json().id;
      assert.equal((await app.inject({ url: `/api/items/${id}`, headers })).statusCode, 200);
      const published = await app.inject({
        method: "POST",
        url: "/api/documents",
        headers: sec.headers,
        payload: { kind: "nda", title: "NDA v2", body: "New text" },
      });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal((await app.inject({ url: `/api/items/${id}`, headers })).statusCode, 404);
      const docs = (await app.inject({ url: "/api/documents", headers })).json();
      assert.equal(docs.acceptedCurrentDocuments, false);
      const accepted = await app.inject({
        method: "POST",
        url: "/api/documents/accept",
        headers,
        payload: { documentIds: docs.documents.map((d: { id: string }) => d.id) },
      });
      assert.equal(accepted.json().acceptedCurrentDocuments, true);
      assert.equal((await app.inject({ url: `/api/items/${id}`, headers })).statusCode, 200);
    });

    it("does not let an administrator add themselves or their organisation to a working group", async () => {
      const sec = await loginSecretary();
      const self = await app.inject({
        method: "POST",
        url: "/api/groups",
        headers: sec.headers,
        payload: { name: "Self", organisations: [secretariatOrg] },
      });
      assert.equal(self.statusCode, 403);
      assert.equal(self.json().error.code, "forbidden");
      const ok = await app.inject({
        method: "POST",
        url: "/api/groups",
        headers: sec.headers,
        payload: { name: "Others", organisations: [orgA] },
      });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    it("throttles login attempts per client with rate_limited", async () => {
      const strict = await buildApp(deps, { logger: false, loginsPerMinute: 3 });
      const attempt = () =>
        strict.inject({ method: "POST", url: "/api/session", payload: { email: "nobody@x.example", password: "whatever!" } });
      for (let i = 0; i < 3; i++) assert.equal((await attempt()).statusCode, 401);
      const limited = await attempt();
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, "rate_limited");
      await strict.close();
    });

    it("shows a member only their organisation's audit trail", async () => {
      const token = await buildToken(db, bob.id);
      const res = await app.inject({ url: "/api/audit?limit=500", headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().entries.length > 0);
      for (const e of res.json().entries) assert.equal(e.organisationId, orgB);
    });
  });
}
