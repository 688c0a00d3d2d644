// Logs carry no secret and no content: passwords, tokens, invitation links and item text stay out.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { after, before, it } from "node:test";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { acceptDocuments, buildOrganisation, buildPerson, publishDocuments, TEST_PASSWORD } from "./support/builders.js";

let db: Database;
before(async () => {
  db = await Database.openPGlite(undefined);
  await db.migrate();
});
after(() => db.close());

it("writes request logs without passwords, tokens, invitation secrets or item content", async () => {
  const sink = new PassThrough();
  let logs = "";
  sink.on("data", (chunk: Buffer) => {
    logs += chunk.toString();
  });
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "trace" });
  const app = await buildApp({ config, db, mailer: createMailer(undefined, ""), clock: () => new Date() }, { logStream: sink });
  const secretariatOrg = await buildOrganisation(db, { secretariat: true, kind: "public" });
  const org = await buildOrganisation(db);
  const alice = await buildPerson(db, { organisationId: org });
  await buildPerson(db, { organisationId: secretariatOrg, role: "secretariat" });
  await acceptDocuments(db, alice.id, await publishDocuments(db));

  const login = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { email: alice.email, password: TEST_PASSWORD },
  });
  const cookie = `rt_session=${login.cookies.find((c) => c.name === "rt_session")?.value}`;
  const headers = { cookie, "x-csrf-token": login.json().csrfToken };
  const token = (await app.inject({ method: "POST", url: "/api/account/tokens", headers, payload: { name: "t" } })).json()
    .token as string;
  const created = await app.inject({
    method: "POST",
    url: "/api/items",
    headers: { authorization: `Bearer ${token}` },
    payload: {
      kind: "incident",
      title: "Xylophone breach",
      body: "Quetzal details",
      tlp: "TLP:RED",
      audience: { persons: [alice.id] },
      details: { startedAt: "2026-10-30T08:00:00.000Z", status: "ongoing", impact: { severity: 2 } },
    },
  });
  assert.equal(created.statusCode, 200);
  await app.inject({ url: `/api/items/${created.json().id}`, headers: { authorization: `Bearer ${token}` } });
  await app.inject({ url: "/api/search?q=Xylophone", headers: { authorization: `Bearer ${token}` } });
  await app.inject({ url: "/api/invitations/SuperSecretInvitationToken123" });
  await app.inject({ url: "/setup?token=AnotherSecretSetupToken456" });
  await app.close();

  assert.ok(logs.includes("/api/items"), "requests are logged");
  for (const secret of [
    TEST_PASSWORD,
    token,
    cookie.split("=")[1] as string,
    "SuperSecretInvitationToken123",
    "AnotherSecretSetupToken456",
    "Xylophone",
    "Quetzal",
  ]) {
    assert.ok(!logs.includes(secret), `the logs contain ${secret.slice(0, 12)}…`);
  }
});
