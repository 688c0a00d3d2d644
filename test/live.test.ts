// Live notifications over real HTTP: Server-Sent Events on one instance, the bound per person, and
// events crossing two instances on one PostgreSQL through LISTEN/NOTIFY.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/server/app.js";
import { Database } from "../src/server/db/database.js";
import { testApp } from "./support/app.js";
import { acceptDocuments, buildOrganisation, buildPerson, buildToken, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";
import { openStream, type Stream } from "./support/sse.js";

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

for (const backend of testBackends()) {
  describe(`live notifications on ${backend.name}`, () => {
    let db: Database;
    let ctx: Awaited<ReturnType<typeof testApp>>;
    let base: string;
    const tokens: Record<string, string> = {};
    const orgs: Record<string, string> = {};
    const open: Stream[] = [];

    async function post(baseUrl: string, who: string, body: object) {
      const res = await fetch(`${baseUrl}/api/items`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as { id: string };
    }

    const warning = (audience: object) => ({
      kind: "warning",
      title: "Flash: exploitation of gateway firmware",
      body: "Patch now.",
      tlp: "TLP:AMBER",
      audience,
      sectors: ["energy"],
      details: { urgency: "flash", requiresAcknowledgement: true, acknowledgeWithinHours: 2 },
    });

    before(async () => {
      db = await backend.open();
      ctx = await testApp(db);
      base = await listen(ctx.app);
      orgs.a = await buildOrganisation(db, { name: "Author Org" });
      orgs.b = await buildOrganisation(db, { name: "Recipient Org" });
      orgs.c = await buildOrganisation(db, { name: "Bystander Org" });
      const docs = await publishDocuments(db);
      for (const [name, org] of [
        ["author", orgs.a],
        ["recipient", orgs.b],
        ["bystander", orgs.c],
      ] as const) {
        const p = await buildPerson(db, { organisationId: org as string });
        await acceptDocuments(db, p.id, docs);
        tokens[name] = await buildToken(db, p.id);
      }
    });

    after(async () => {
      for (const s of open) s.close();
      await ctx.app.close();
      await backend.dispose();
    });

    it("delivers a warning to a connected recipient at once, naming it without content, and nothing to others", async () => {
      const recipient = await openStream(base, tokens.recipient as string);
      const bystander = await openStream(base, tokens.bystander as string);
      open.push(recipient, bystander);
      assert.equal(recipient.status, 200);
      const item = await post(base, "author", warning({ organisations: [orgs.b] }));
      const event = await recipient.waitFor((e) => e.subjectId === item.id);
      assert.equal(event.type, "warning.posted");
      assert.equal(event.urgent, true);
      assert.ok(!recipient.body.includes("gateway firmware"), "the stream carries no content");
      await sleep(200);
      assert.equal(bystander.events.length, 0, "a person who may not read it hears nothing");
    });

    it("tells every invitee connected, not only the convener, that the roll-call changed", async () => {
      const call = await fetch(`${base}/api/calls`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.author}`, "content-type": "application/json" },
        body: JSON.stringify({
          title: "Gateway exploitation",
          bridge: "bridge 1",
          invitees: { organisations: [orgs.b, orgs.c] },
        }),
      });
      assert.equal(call.status, 200, await call.clone().text());
      const { id } = (await call.json()) as { id: string };
      const bystander = await openStream(base, tokens.bystander as string);
      open.push(bystander);
      const answer = await fetch(`${base}/api/calls/${id}/roll-call`, {
        method: "PUT",
        headers: { authorization: `Bearer ${tokens.recipient}`, "content-type": "application/json" },
        body: JSON.stringify({ status: "affected" }),
      });
      assert.equal(answer.status, 200);
      const update = await bystander.waitFor((e) => e.event === "update" && e.subjectId === id);
      assert.equal(update.subjectType, "urgent-call");
      assert.ok(!bystander.body.includes("Gateway"), "no content");
    });

    it("bounds the streams of one person and refuses anonymous ones", async () => {
      const streams: Stream[] = [];
      for (let i = 0; i < 4; i++) streams.push(await openStream(base, tokens.recipient as string));
      open.push(...streams);
      assert.ok(
        streams.every((s) => s.status === 200),
        "five in all with the first test's",
      );
      const sixth = await openStream(base, tokens.recipient as string);
      assert.equal(sixth.status, 429);
      assert.equal(JSON.parse(sixth.body).error.code, "too_many_streams");
      streams[0]?.close();
      await sleep(100);
      const again = await openStream(base, tokens.recipient as string);
      open.push(again);
      assert.equal(again.status, 200, "a closed stream frees its place");
      const anonymous = await fetch(`${base}/api/notifications/stream`);
      assert.equal(anonymous.status, 401);
    });

    if (backend.name === "postgres") {
      it("relays events between two instances sharing one PostgreSQL (LISTEN/NOTIFY)", async () => {
        const second = await Database.openPostgres(backend.url as string, 3);
        const app2 = await buildApp({ ...ctx.deps, db: second }, { logger: false, rateLimitMax: 100_000 });
        try {
          const base2 = await listen(app2);
          const subscriber = await openStream(base2, tokens.bystander as string);
          open.push(subscriber);
          const item = await post(base, "author", warning({ organisations: [orgs.c] }));
          const event = await subscriber.waitFor((e) => e.subjectId === item.id);
          assert.equal(event.type, "warning.posted");
          const list = await fetch(`${base2}/api/notifications`, { headers: { authorization: `Bearer ${tokens.bystander}` } });
          const body = (await list.json()) as { notifications: { subject: { id: string; title: string } }[] };
          assert.equal(
            body.notifications.find((n) => n.subject.id === item.id)?.subject.title,
            "Flash: exploitation of gateway firmware",
          );
          subscriber.close();
        } finally {
          await app2.close();
          await second.close();
        }
      });
    }
  });
}
