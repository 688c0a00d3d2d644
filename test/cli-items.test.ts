// `roundtable items` over real HTTP: posting from a file and listing show exactly what the token's person may read.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, it } from "node:test";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { acceptDocuments, buildOrganisation, buildPerson, buildToken, publishDocuments } from "./support/builders.js";
import { runCli } from "./support/cli.js";

const run = runCli;

let server: Awaited<ReturnType<typeof startServer>>;
const tokens: Record<string, string> = {};
let bobId = "";

before(async () => {
  const db = await Database.openPGlite(undefined);
  await db.migrate();
  const docs = await publishDocuments(db);
  for (const [name, orgName] of [
    ["alice", "Alpha"],
    ["bob", "Beta"],
    ["carol", "Beta"],
  ] as const) {
    const org =
      (await db.kysely.selectFrom("organisations").select("id").where("name", "=", orgName).executeTakeFirst())?.id ??
      (await buildOrganisation(db, { name: orgName }));
    const p = await buildPerson(db, { organisationId: org, name });
    await acceptDocuments(db, p.id, docs);
    tokens[name] = await buildToken(db, p.id);
    if (name === "bob") bobId = p.id;
  }
  server = await startServer(
    { config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }), db, mailer: createMailer(undefined, ""), clock: () => new Date() },
    { logger: false },
  );
});
after(() => server.stop());

it("posts an item from a JSON file and lists only what each person may read", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rt-items-")), "item.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      kind: "incident",
      title: "CLI incident for Bob",
      tlp: "TLP:RED",
      audience: { persons: [bobId] },
      details: { startedAt: "2026-11-01T10:00:00Z", status: "ongoing", impact: { severity: 3 } },
    }),
  );
  const env = { ROUNDTABLE_URL: server.url };
  const posted = await run(["items", "post", file, "--token", tokens.alice as string], env);
  assert.equal(posted.code, 0, posted.stderr);
  const id = posted.stdout.trim();
  assert.match(id, /^[0-9a-f-]{36}$/);
  const bob = await run(["items", "list", "--json"], { ...env, ROUNDTABLE_TOKEN: tokens.bob as string });
  assert.deepEqual(
    JSON.parse(bob.stdout).map((i: { id: string }) => i.id),
    [id],
  );
  const carol = await run(["items", "list", "--json"], { ...env, ROUNDTABLE_TOKEN: tokens.carol as string });
  assert.deepEqual(JSON.parse(carol.stdout), [], "Bob's colleague does not see a RED item sent to Bob");
  const missing = await run(["items", "show", id], { ...env, ROUNDTABLE_TOKEN: tokens.carol as string });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /not_found/);
  fs.writeFileSync(
    file,
    JSON.stringify({ kind: "incident", title: "No details", tlp: "TLP:GREEN", audience: { exchange: true } }),
  );
  const bad = await run(["items", "post", file], { ...env, ROUNDTABLE_TOKEN: tokens.alice as string });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /validation_failed: body\.details/);
});

it("lists measures and exports them as CSV and JSON, as the token's person", async () => {
  const env = { ROUNDTABLE_URL: server.url };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rt-cli-measure-")), "measure.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      kind: "measure",
      title: "Offline backups of billing systems",
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      details: { appliesToSectors: ["energy"], appliesToKinds: ["private"] },
    }),
  );
  const posted = await run(["items", "post", file], { ...env, ROUNDTABLE_TOKEN: tokens.alice as string });
  assert.equal(posted.code, 0, posted.stderr);
  const list = await run(["measures", "list"], { ...env, ROUNDTABLE_TOKEN: tokens.bob as string });
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /proposed\s+TLP:GREEN\s+implemented\s+0\/\d+\s+Offline backups of billing systems/);
  const csv = await run(["measures", "export"], { ...env, ROUNDTABLE_TOKEN: tokens.bob as string });
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /^"id","title","tlp","stage"/);
  assert.match(csv.stdout, /"Offline backups of billing systems","TLP:GREEN","proposed"/);
  const json = await run(["measures", "export", "--format", "json"], { ...env, ROUNDTABLE_TOKEN: tokens.bob as string });
  assert.equal(JSON.parse(json.stdout).measures[0].title, "Offline backups of billing systems");
  const bad = await run(["measures", "export", "--format", "xml"], { ...env, ROUNDTABLE_TOKEN: tokens.bob as string });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /csv or json/);
});
