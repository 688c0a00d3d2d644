// `roundtable stix`, `roundtable misp` and `roundtable federation` over real HTTP: an item leaves as
// a marked bundle, a bundle and a MISP event come in (idempotently), a rejected bundle prints every
// problem by path, and only the secretariat manages peer exchanges.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, it } from "node:test";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { tlpMarkingDefinition } from "../src/shared/stix.js";
import { TLP_MARKING_IDS } from "../src/shared/tlp.js";
import { buildItem, buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { runCli } from "./support/cli.js";
import { greenIndicator } from "./support/stix.js";

let server: Awaited<ReturnType<typeof startServer>>;
let env: (who: string) => Record<string, string>;
let itemId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-stix-"));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};

before(async () => {
  const db = await Database.openPGlite(undefined);
  await db.migrate();
  const docs = await publishDocuments(db);
  const orgs = {
    ncsc: await buildOrganisation(db, { name: "Secretariat", kind: "public", secretariat: true }),
    a: await buildOrganisation(db, { name: "Org a" }),
  };
  const people = await buildMembers(
    db,
    orgs,
    [
      ["sec", "ncsc", "secretariat"],
      ["a", "a", "member"],
    ],
    docs,
  );
  itemId = await buildItem(db, {
    authorId: people.a?.id as string,
    authorOrganisationId: orgs.a,
    tlp: "TLP:GREEN",
    audience: { exchange: true },
    kind: "threat",
    title: "Phishing wave against grid operators",
  });
  server = await startServer(
    { config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }), db, mailer: createMailer(undefined, ""), clock: () => new Date() },
    { logger: false },
  );
  env = (who) => ({ ROUNDTABLE_URL: server.url, ROUNDTABLE_TOKEN: people[who]?.token as string });
});
after(() => server.stop());

const indicator = greenIndicator();

it("exports one item as a bundle file with its object and its TLP marking", async () => {
  const file = path.join(dir, "item.stix.json");
  const r = await runCli(["stix", "export", "--item", itemId, "--out", file], env("a"));
  assert.equal(r.code, 0, r.stderr);
  const bundle = JSON.parse(fs.readFileSync(file, "utf8")) as {
    type: string;
    id: string;
    objects: { type: string; id: string; object_marking_refs?: string[] }[];
  };
  assert.equal(bundle.type, "bundle");
  const object = bundle.objects.find((o) => o.id.endsWith(`--${itemId}`));
  assert.ok(object, "the item's object is in the bundle");
  assert.deepEqual(object.object_marking_refs, [TLP_MARKING_IDS["TLP:GREEN"]]);
  assert.ok(bundle.objects.some((o) => o.type === "marking-definition" && o.id === TLP_MARKING_IDS["TLP:GREEN"]));
  const search = await runCli(["stix", "export", "--q", "phishing", "--from", "2026-01-01", "--limit", "5"], env("a"));
  assert.equal(search.code, 0, search.stderr);
  assert.ok((JSON.parse(search.stdout) as typeof bundle).objects.some((o) => o.id.endsWith(`--${itemId}`)));
  const bad = await runCli(["stix", "export", "--from", "yesterday"], env("a"));
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--from is a day/);
});

it("imports a bundle file, then finds it unchanged; a bad bundle prints every problem by path", async () => {
  const file = write("small.json", {
    type: "bundle",
    id: `bundle--${randomUUID()}`,
    objects: [tlpMarkingDefinition("TLP:GREEN"), indicator],
  });
  const first = await runCli(["stix", "import", file], env("a"));
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /created 1, updated 0, unchanged 0, skipped 0/);
  const again = await runCli(["stix", "import", file], env("a"));
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /created 0, updated 0, unchanged 1/);

  const badFile = write("bad.json", {
    type: "bundle",
    id: `bundle--${randomUUID()}`,
    objects: [
      tlpMarkingDefinition("TLP:GREEN"),
      { ...indicator, id: "indicator--0b6f4f5e-4a40-4f8e-9d3c-5d9e5b1d2a11", object_marking_refs: undefined },
      { ...indicator, id: "indicator--not-a-uuid" },
    ],
  });
  const bad = await runCli(["stix", "import", badFile], env("a"));
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /^stix_invalid: /m);
  assert.match(bad.stderr, /^objects\[1\]: .*TLP marking/m);
  assert.match(bad.stderr, /^objects\[2\]\.id: /m);
  assert.equal(bad.stdout, "");

  const unmarked = Array.from({ length: 105 }, () => ({
    ...indicator,
    id: `indicator--${randomUUID()}`,
    object_marking_refs: undefined,
  }));
  const manyFile = write("many.json", { type: "bundle", id: `bundle--${randomUUID()}`, objects: unmarked });
  const many = await runCli(["stix", "import", manyFile], env("a"));
  assert.notEqual(many.code, 0);
  assert.equal(many.stderr.match(/^objects\[\d+\]: /gm)?.length, 100, "the first 100 problems");
  assert.match(many.stderr, /^… and 5 more$/m);
  const labelled = await runCli(["stix", "import", manyFile, "--tlp", "TLP:GREEN", "--audience", "organisation"], env("a"));
  assert.equal(labelled.code, 0, labelled.stderr);
  assert.match(labelled.stdout, /created 105, updated 0, unchanged 0, skipped 0/);

  const missing = await runCli(["stix", "import", path.join(dir, "nope.json")], env("a"));
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /Cannot read/);
});

it("imports a MISP event file: the event a report, its to_ids attribute an indicator", async () => {
  const event = randomUUID();
  const attribute = randomUUID();
  const file = write("misp.json", {
    Event: {
      uuid: event,
      info: "Scanning from a known host",
      date: "2026-10-01",
      timestamp: "1791000000",
      distribution: "1",
      Tag: [{ name: "tlp:green" }],
      Attribute: [
        {
          uuid: attribute,
          type: "ip-dst",
          category: "Network activity",
          value: "198.51.100.7",
          to_ids: true,
          timestamp: "1791000000",
        },
        { uuid: randomUUID(), type: "comment", category: "Other", value: "seen twice", to_ids: true, timestamp: "1791000000" },
      ],
    },
  });
  const r = await runCli(["misp", "import", file, "--json"], env("a"));
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as {
    created: number;
    ids: { created: string[] };
    converted: { path: string; reason: string }[];
  };
  assert.equal(summary.created, 2);
  assert.deepEqual(new Set(summary.ids.created), new Set([`report--${event}`, `indicator--${attribute}`]));
  assert.deepEqual(
    summary.converted.map((c) => c.path),
    ["Event.Attribute[1]"],
  );
  const text = await runCli(["misp", "import", file], env("a"));
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /created 0, updated 0, unchanged 2, skipped 0/);
  assert.match(text.stdout, /Event\.Attribute\[1\]: attribute type comment has no STIX pattern/);
});

it("lets only the secretariat register peers, shows the token once and lists the peer", async () => {
  const args = ["federation", "register", "--name", "Nordic ISAC", "--api-root", "https://isac.example/taxii2/api/", "--partner"];
  const member = await runCli(args, env("a"));
  assert.notEqual(member.code, 0);
  assert.match(member.stderr, /forbidden/);
  const sec = await runCli([...args, "--no-push"], env("sec"));
  assert.equal(sec.code, 0, sec.stderr);
  assert.match(sec.stdout, /shown once/);
  const token = /^rtp_\S+$/m.exec(sec.stdout)?.[0];
  assert.ok(token, sec.stdout);
  const peerId = /Registered peer (\S+)/.exec(sec.stdout)?.[1] as string;
  const peers = await runCli(["federation", "peers"], env("sec"));
  assert.equal(peers.code, 0, peers.stderr);
  assert.match(
    peers.stdout,
    new RegExp(`${peerId}\\s+Nordic ISAC\\s+yes\\s+pull\\s+https://isac\\.example/taxii2/api/\\s+never`),
  );
  assert.ok(!peers.stdout.includes(token), "the token is never listed");
  const updated = await runCli(["federation", "update", peerId, "--push", "--json"], env("sec"));
  assert.equal(updated.code, 0, updated.stderr);
  const peer = JSON.parse(updated.stdout) as { pull: boolean; push: boolean; partner: boolean };
  assert.deepEqual([peer.pull, peer.push, peer.partner], [true, true, true]);
  const revoked = await runCli(["federation", "revoke", peerId], env("sec"));
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.match(revoked.stdout, /Revoked peer/);
});
