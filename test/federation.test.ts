// Two Roundtable instances (two databases, two ports) federating over real HTTP and TAXII 2.1:
// a GREEN item from A appears in B (pulled, and pushed), an AMBER item only once its originator
// releases it to B, RED and AMBER+STRICT and items for a narrower audience never, federated items
// are read-only in B, nothing echoes back to A, and every egress is in A's audit trail.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadConfig } from "../src/server/config.js";
import type { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { buildItem, buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { type TestBackend, testBackends } from "./support/databases.js";

type Json = Record<string, unknown>;

async function call(base: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json & Json[] };
}

interface Instance {
  db: Database;
  url: string;
  stop: () => Promise<void>;
  people: Awaited<ReturnType<typeof buildMembers>>;
  orgs: Record<string, string>;
}

async function instance(backend: TestBackend, name: string): Promise<Instance> {
  const db = await backend.open();
  const docs = await publishDocuments(db);
  const orgs = {
    sec: await buildOrganisation(db, { name: `${name} secretariat`, secretariat: true, kind: "public" }),
    grid: await buildOrganisation(db, { name: `${name} Grid` }),
    water: await buildOrganisation(db, { name: `${name} Water` }),
  };
  const people = await buildMembers(
    db,
    orgs,
    [
      ["sec", "sec", "secretariat"],
      ["grid", "grid", "member"],
      ["water", "water", "member"],
    ],
    docs,
    `${name.toLowerCase()}.example`,
  );
  const server = await startServer(
    { config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }), db, mailer: createMailer(undefined, ""), clock: () => new Date() },
    { logger: false },
  );
  return { db, url: server.url, stop: server.stop, people, orgs };
}

for (const backend of testBackends()) {
  describe(`federation between two exchanges on ${backend.name}`, () => {
    const second = testBackends().find((b) => b.name === backend.name)!;
    let a: Instance;
    let b: Instance;
    let peerBOnA: string;
    let peerAOnB: string;
    const items: Record<string, string> = {};

    before(async () => {
      a = await instance(backend, "Alpha");
      b = await instance(second, "Beta");
      const by = (who: string) => ({ authorId: a.people[who]!.id, authorOrganisationId: a.orgs[who]! });
      const recent = (n: number) => new Date(Date.now() - 3_600_000 + n * 1000);
      items.green = await buildItem(a.db, {
        ...by("grid"),
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        title: "Green phishing wave",
        createdAt: recent(1),
      });
      items.clear = await buildItem(a.db, {
        ...by("grid"),
        tlp: "TLP:CLEAR",
        audience: { exchange: true },
        title: "Clear advisory",
        createdAt: recent(2),
      });
      items.amber = await buildItem(a.db, {
        ...by("grid"),
        tlp: "TLP:AMBER",
        audience: { exchange: true },
        title: "Amber intrusion",
        createdAt: recent(3),
      });
      items.red = await buildItem(a.db, {
        ...by("grid"),
        tlp: "TLP:RED",
        audience: { persons: [a.people.water!.id] },
        title: "Red secret",
        createdAt: recent(4),
      });
      items.strict = await buildItem(a.db, {
        ...by("grid"),
        tlp: "TLP:AMBER+STRICT",
        audience: { organisations: [a.orgs.grid!] },
        title: "Strict",
        createdAt: recent(5),
      });
      items.narrow = await buildItem(a.db, {
        ...by("grid"),
        tlp: "TLP:GREEN",
        audience: { organisations: [a.orgs.water!] },
        title: "Green for Water only",
        createdAt: recent(6),
      });

      // Each secretariat registers the other; each hands its token to the other side.
      const onB = await call(b.url, b.people.sec!.token, "POST", "/api/federation/peers", {
        name: "Alpha exchange",
        apiRoot: `${a.url}/taxii2/api/`,
        partner: true,
        pull: true,
        push: true,
      });
      assert.equal(onB.status, 201, JSON.stringify(onB.body));
      peerAOnB = (onB.body.peer as Json).id as string;
      const onA = await call(a.url, a.people.sec!.token, "POST", "/api/federation/peers", {
        name: "Beta exchange",
        apiRoot: `${b.url}/taxii2/api/`,
        secret: onB.body.token,
        partner: true,
        pull: true,
        push: true,
      });
      assert.equal(onA.status, 201, JSON.stringify(onA.body));
      assert.match(String(onA.body.token), /^rtp_/);
      peerBOnA = (onA.body.peer as Json).id as string;
      const updated = await call(b.url, b.people.sec!.token, "PATCH", `/api/federation/peers/${peerAOnB}`, {
        secret: onA.body.token,
      });
      assert.equal(updated.status, 200);
    });
    after(async () => {
      await a?.stop();
      await b?.stop();
      await backend.dispose();
      await second.dispose();
    });

    const titlesIn = async (x: Instance, who = "water") => {
      const feed = await call(x.url, x.people[who]!.token, "GET", "/api/items?limit=200");
      return (feed.body.items as Json[]).map((i) => ({
        title: String(i.title),
        federated: Boolean(i.federated),
        source: i.source,
        id: String(i.id),
        tlp: i.tlp,
      }));
    };
    const run = async (x: Instance, peer: string) => {
      const result = await call(x.url, x.people.sec!.token, "POST", `/api/federation/peers/${peer}/run`);
      assert.equal(result.status, 200, JSON.stringify(result.body));
      assert.equal(result.body.error, null, String(result.body.error));
      return result.body as unknown as { pulled: number; pushed: number };
    };

    it("only the secretariat manages peers", async () => {
      const refused = await call(a.url, a.people.grid!.token, "GET", "/api/federation/peers");
      assert.equal(refused.status, 403);
      const bad = await call(a.url, a.people.sec!.token, "POST", "/api/federation/peers", {
        name: "x",
        apiRoot: "ftp://nope",
        partner: true,
      });
      assert.equal(bad.status, 400);
    });

    it("a pull brings CLEAR and GREEN into B as read-only federated items, and nothing else", async () => {
      const before = await titlesIn(b);
      assert.equal(before.filter((i) => i.federated).length, 0);
      await run(b, peerAOnB);
      const after = (await titlesIn(b)).filter((i) => i.federated);
      assert.deepEqual(after.map((i) => i.title).sort(), ["Clear advisory", "Green phishing wave"]);
      for (const item of after) assert.match(String(item.source), /Alpha exchange/);
      const green = after.find((i) => i.title === "Green phishing wave")!;
      assert.equal(green.tlp, "TLP:GREEN", "the origin's label is kept");
      const edit = await call(b.url, b.people.water!.token, "PUT", `/api/items/${green.id}`, {
        title: "changed",
        body: "",
        sectors: [],
        details: {},
      });
      assert.equal(edit.status, 403);
      assert.equal((edit.body.error as Json).code, "federated_read_only");
    });

    it("an AMBER item reaches B only once its originator releases it to B; RED and AMBER+STRICT never", async () => {
      await run(b, peerAOnB);
      assert.ok(!(await titlesIn(b)).some((i) => i.title === "Amber intrusion"));
      const notOriginator = await call(a.url, a.people.water!.token, "POST", `/api/items/${items.amber}/releases`, {
        peerId: peerBOnA,
      });
      assert.equal(notOriginator.status, 403);
      const redRelease = await call(a.url, a.people.grid!.token, "POST", `/api/items/${items.red}/releases`, {
        peerId: peerBOnA,
      });
      assert.equal(redRelease.status, 409, "TLP:RED is never released");
      const released = await call(a.url, a.people.grid!.token, "POST", `/api/items/${items.amber}/releases`, {
        peerId: peerBOnA,
      });
      assert.equal(released.status, 200, JSON.stringify(released.body));
      assert.deepEqual(
        (released.body as unknown as Json[]).map((r) => r.name),
        ["Beta exchange"],
      );
      await run(b, peerAOnB);
      const titles = (await titlesIn(b)).map((i) => i.title);
      assert.ok(titles.includes("Amber intrusion"));
      for (const never of ["Red secret", "Strict", "Green for Water only"]) assert.ok(!titles.includes(never), never);
    });

    it("A pushes a new CLEAR item to B without B pulling", async () => {
      items.pushed = await buildItem(a.db, {
        authorId: a.people.grid!.id,
        authorOrganisationId: a.orgs.grid!,
        tlp: "TLP:CLEAR",
        audience: { exchange: true },
        title: "Pushed bulletin",
      });
      const result = await call(a.url, a.people.sec!.token, "PATCH", `/api/federation/peers/${peerBOnA}`, { pull: false });
      assert.equal(result.status, 200);
      const ran = await run(a, peerBOnA);
      assert.ok(ran.pushed >= 1);
      assert.ok((await titlesIn(b)).some((i) => i.title === "Pushed bulletin" && i.federated));
    });

    it("nothing echoes back: B sends none of A's items to A, however often it runs", async () => {
      const before = await titlesIn(a, "grid");
      await run(b, peerAOnB);
      await call(a.url, a.people.sec!.token, "PATCH", `/api/federation/peers/${peerBOnA}`, { pull: true });
      await run(a, peerBOnA);
      const after = await titlesIn(a, "grid");
      assert.equal(after.length, before.length);
      assert.equal(after.filter((i) => i.federated).length, 0);
      const items = (
        await b.db.kysely.selectFrom("items").select(["title"]).where("federated_from", "is not", null).execute()
      ).map((r) => r.title);
      assert.equal(items.length, new Set(items).size, "no item arrived twice in B");
    });

    it("A's audit trail records what left for B", async () => {
      const served = await a.db.kysely
        .selectFrom("audit_log")
        .select(["details"])
        .where("action", "=", "federation.served")
        .where("subject_id", "=", peerBOnA)
        .execute();
      const left = new Set(served.flatMap((r) => String((r.details as Json).items).split(",")));
      for (const id of [items.green, items.clear, items.amber, items.pushed]) assert.ok(left.has(id!), `${id} audited`);
      for (const id of [items.red, items.strict, items.narrow]) assert.ok(!left.has(id!));
      const registered = await a.db.kysely
        .selectFrom("audit_log")
        .select("action")
        .select("category")
        .where("action", "like", "federation.%")
        .execute();
      assert.ok(registered.some((r) => r.action === "federation.peer_registered"));
      assert.ok(
        registered.some((r) => r.action === "federation.item_released" && r.category === "content"),
        "a release is audited as content",
      );
    });

    it("a revoked peer's token no longer opens the TAXII server", async () => {
      const revoked = await call(b.url, b.people.sec!.token, "DELETE", `/api/federation/peers/${peerAOnB}`);
      assert.equal(revoked.status, 200);
      const result = await call(a.url, a.people.sec!.token, "POST", `/api/federation/peers/${peerBOnA}/run`);
      assert.match(String(result.body.error), /401/);
    });
  });
}
