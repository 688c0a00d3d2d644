// Admission end to end: first-start setup, inviting by e-mail over a real SMTP conversation, accepting.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { issueSetupToken } from "../src/server/services/bootstrap.service.js";
import { testApp } from "./support/app.js";
import { testBackends } from "./support/databases.js";
import { startSmtp } from "./support/smtp.js";

for (const backend of testBackends()) {
  describe(`admission on ${backend.name}`, () => {
    let db: Database;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let ctx: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      db = await backend.open();
      smtp = await startSmtp();
      ctx = await testApp(db, { mailer: createMailer(`smtp://127.0.0.1:${smtp.port}`, "Roundtable <rt@test.example>") });
    });
    after(async () => {
      await ctx.app.close();
      await smtp.close();
      await backend.dispose();
    });

    it("sets up the secretariat once, invites an organisation and a person by e-mail, who accepts", async () => {
      const { app, deps } = ctx;
      assert.equal((await app.inject("/api/bootstrap")).json().needsSetup, true);
      const token = await issueSetupToken(deps);
      assert.ok(token);
      const wrong = await app.inject({
        method: "POST",
        url: "/api/bootstrap",
        payload: {
          token: "x".repeat(20),
          organisationName: "NCSC",
          name: "Sofia",
          email: "sofia@ncsc.example",
          password: "a long passphrase",
        },
      });
      assert.equal(wrong.json().error.code, "invitation_invalid");
      const setup = await app.inject({
        method: "POST",
        url: "/api/bootstrap",
        payload: { token, organisationName: "NCSC", name: "Sofia", email: "sofia@ncsc.example", password: "a long passphrase" },
      });
      assert.equal(setup.statusCode, 200, setup.body);
      assert.equal(setup.json().stage, "enrolment");
      const again = await app.inject({
        method: "POST",
        url: "/api/bootstrap",
        payload: { token, organisationName: "NCSC", name: "S", email: "s2@ncsc.example", password: "a long passphrase" },
      });
      assert.equal(again.json().error.code, "already_set_up");

      // The secretariat must enrol TOTP before administering.
      const cookie = `rt_session=${setup.cookies.find((c) => c.name === "rt_session")?.value}`;
      const headers = { cookie, "x-csrf-token": setup.json().csrfToken };
      assert.equal(
        (
          await app.inject({
            method: "POST",
            url: "/api/organisations",
            headers,
            payload: { name: "Gridco", kind: "private", sectors: ["energy"] },
          })
        ).json().error.code,
        "enrolment_required",
      );
      const enrol = (await app.inject({ method: "POST", url: "/api/account/totp/setup", headers })).json();
      assert.match(enrol.otpauthUri, /^otpauth:\/\/totp\//);
      assert.match(enrol.qrSvg, /<svg/);
      const { currentTotpCode } = await import("../src/server/security/totp.js");
      const confirmed = await app.inject({
        method: "POST",
        url: "/api/account/totp/confirm",
        headers,
        payload: { code: currentTotpCode(enrol.secret, ctx.clock.now) },
      });
      assert.equal(confirmed.json().stage, "complete");

      const org = await app.inject({
        method: "POST",
        url: "/api/organisations",
        headers,
        payload: { name: "Gridco", kind: "private", sectors: ["energy"] },
      });
      assert.equal(org.json().status, "invited");
      const duplicate = await app.inject({
        method: "POST",
        url: "/api/organisations",
        headers,
        payload: { name: "gridco", kind: "private", sectors: ["energy"] },
      });
      assert.equal(duplicate.json().error.code, "conflict");
      const invited = await app.inject({
        method: "POST",
        url: "/api/persons",
        headers,
        payload: { email: "Greta@Gridco.example", name: "Greta", organisationId: org.json().id },
      });
      assert.equal(invited.statusCode, 200, invited.body);
      assert.equal(invited.json().mailed, true);
      const mail = smtp.received.at(-1);
      assert.ok(mail);
      assert.deepEqual(mail.to, ["greta@gridco.example"]);
      const url: string = invited.json().invitationUrl;
      assert.ok(mail.raw.replace(/=\r\n/g, "").includes(url), "the e-mail carries the invitation link");
      const invitationToken = url.split("/invitation/")[1] as string;

      const info = await app.inject(`/api/invitations/${invitationToken}`);
      assert.equal(info.json().organisationName, "Gridco");
      const weak = await app.inject({
        method: "POST",
        url: `/api/invitations/${invitationToken}/accept`,
        payload: { password: "short" },
      });
      assert.equal(weak.json().error.code, "validation_failed");
      const accepted = await app.inject({
        method: "POST",
        url: `/api/invitations/${invitationToken}/accept`,
        payload: { password: "greta's long passphrase" },
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().stage, "complete");
      assert.equal(accepted.json().person.acceptedCurrentDocuments, false);
      const orgs = (await app.inject({ url: "/api/organisations", headers })).json().organisations;
      assert.equal(orgs.find((o: { name: string }) => o.name === "Gridco").status, "active");
      const reused = await app.inject({
        method: "POST",
        url: `/api/invitations/${invitationToken}/accept`,
        payload: { password: "another long passphrase" },
      });
      assert.equal(reused.json().error.code, "invitation_invalid");
      const login = await app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: "greta@gridco.example", password: "greta's long passphrase" },
      });
      assert.equal(login.statusCode, 200);
    });
  });
}
