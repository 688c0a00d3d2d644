// `roundtable participation` and `roundtable insight report` over real HTTP: the chair gets the
// dashboard and the report files, a member only its own standing, and bad input a clear error.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, it } from "node:test";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { buildItem, buildMembers, buildOrganisation, publishDocuments } from "./support/builders.js";
import { runCli } from "./support/cli.js";

let server: Awaited<ReturnType<typeof startServer>>;
let env: (who: string) => Record<string, string>;
const today = new Date().toISOString().slice(0, 10);

before(async () => {
  const db = await Database.openPGlite(undefined);
  await db.migrate();
  const docs = await publishDocuments(db);
  const orgs: Record<string, string> = { gov: await buildOrganisation(db, { name: "Ministry", kind: "public" }) };
  for (const k of ["a", "b", "c", "quiet"]) orgs[k] = await buildOrganisation(db, { name: `Org ${k}` });
  const people = await buildMembers(
    db,
    orgs,
    [
      ["chair", "gov", "chair"],
      ["a", "a", "member"],
      ["b", "b", "member"],
      ["c", "c", "member"],
    ],
    docs,
  );
  for (const k of ["a", "b", "c"])
    await buildItem(db, {
      authorId: people[k]?.id as string,
      authorOrganisationId: orgs[k] as string,
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      kind: "threat",
      createdAt: new Date(Date.now() - 3_600_000),
    });
  server = await startServer(
    { config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }), db, mailer: createMailer(undefined, ""), clock: () => new Date() },
    { logger: false },
  );
  env = (who) => ({ ROUNDTABLE_URL: server.url, ROUNDTABLE_TOKEN: people[who]?.token as string });
});
after(() => server.stop());

it("prints the dashboard with the flagged organisations to a chair, and only its own standing to a member", async () => {
  const chair = await runCli(["participation", "--inactive-days", "7"], env("chair"));
  assert.equal(chair.code, 0, chair.stderr);
  assert.match(chair.stdout, /Org a\s+1/);
  assert.match(chair.stdout, /Flagged: nothing shared in 7 days/);
  const member = await runCli(["participation"], env("a"));
  assert.notEqual(member.code, 0);
  assert.match(member.stderr, /forbidden/);
  const mine = await runCli(["participation", "--mine", "--json"], env("a"));
  assert.equal(mine.code, 0, mine.stderr);
  assert.equal(JSON.parse(mine.stdout).own.contributed, 1);
});

it("writes the insight report as CSV and STIX, and refuses a bad period or format without calling", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-insight-"));
  const csv = await runCli(["insight", "report", "--from", "2026-01-01", "--to", today, "--format", "csv"], env("chair"));
  assert.equal(csv.code, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('"section","row","column","value","withheld"'));
  const file = path.join(dir, "report.stix.json");
  const stix = await runCli(
    ["insight", "report", "--from", "2026-01-01", "--to", today, "--format", "stix", "--out", file],
    env("chair"),
  );
  assert.equal(stix.code, 0, stix.stderr);
  const bundle = JSON.parse(fs.readFileSync(file, "utf8")) as { objects: { type: string }[] };
  assert.ok(bundle.objects.some((o) => o.type === "report"));
  const bad = await runCli(["insight", "report", "--from", "last year", "--to", today], env("chair"));
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--from is a day/);
  const format = await runCli(["insight", "report", "--from", "2026-01-01", "--to", today, "--format", "xlsx"], env("chair"));
  assert.match(format.stderr, /--format is one of/);
});
