// Participation, balance, health and the insight report through the HTTP API on each backend.
// The exchanges are built so that a naïve statistic would reveal an AMBER item or a single
// organisation; the tests show that it does not, and that what may be counted is.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../src/server/db/database.js";
import type { InsightReport, MyParticipation, ParticipationDashboard } from "../src/shared/schemas/index.js";
import { type TestClock, testApp } from "./support/app.js";
import { browserSkip } from "./support/browser.js";
import { buildItem, buildMembers, buildOrganisation, clearExchange, publishDocuments } from "./support/builders.js";
import { testBackends } from "./support/databases.js";

type App = Awaited<ReturnType<typeof testApp>>["app"];
const PERIOD = "from=2026-09-01&to=2026-10-31";

for (const backend of testBackends()) {
  describe(`participation and insight on ${backend.name}`, () => {
    let db: Database;
    let app: App;
    let clock: TestClock;
    const orgs: Record<string, string> = {};
    let people: Record<string, { id: string; token: string }> = {};

    async function api<T = unknown>(who: string, method: "GET" | "PUT", url: string, payload?: unknown) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${people[who]?.token}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const json = res.headers["content-type"]?.includes("json");
      return { status: res.statusCode, body: (json ? res.json() : res.body) as T, raw: res.rawPayload, headers: res.headers };
    }

    let at = Date.parse("2026-10-02T10:00:00Z");
    /** An item by `who` of organisation `org`, each a minute after the last. */
    function item(who: string, org: string, o: Partial<Parameters<typeof buildItem>[1]> = {}) {
      at += 60_000;
      return buildItem(db, {
        authorId: people[who]?.id as string,
        authorOrganisationId: orgs[org] as string,
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        createdAt: new Date(at),
        ...o,
      });
    }

    const dashboard = async (who = "chair", query = PERIOD) =>
      (await api<ParticipationDashboard>(who, "GET", `/api/participation?${query}`)).body;
    const rowOf = (d: ParticipationDashboard, org: string) => d.organisations.find((r) => r.organisation.id === orgs[org]);
    const kind = (d: ParticipationDashboard, k: string) => d.kinds.find((r) => r.kind === k);
    const insight = async (query = PERIOD) => (await api<InsightReport>("chair", "GET", `/api/insight?${query}`)).body;

    before(async () => {
      db = await backend.open();
      ({ app, clock } = await testApp(db));
      clock.now = new Date("2026-11-01T09:00:00Z");
    });

    after(async () => {
      await app.close();
      await backend.dispose();
    });

    async function freshExchange() {
      await clearExchange(db);
      orgs.sec = await buildOrganisation(db, { name: "Secretariat", kind: "public", secretariat: true });
      orgs.gov = await buildOrganisation(db, { name: "Energy Ministry", kind: "public" });
      for (const k of ["a", "b", "c", "d"])
        orgs[k] = await buildOrganisation(db, { name: `Grid ${k.toUpperCase()}`, kind: "private" });
      orgs.uni = await buildOrganisation(db, { name: "Tech University", kind: "academia" });
      const docs = await publishDocuments(db);
      people = await buildMembers(
        db,
        orgs,
        [
          ["sec", "sec", "secretariat"],
          ["chair", "gov", "chair"],
          ["a", "a", "member"],
          ["b", "b", "member"],
          ["c", "c", "member"],
          ["d", "d", "member"],
          ["uni", "uni", "member"],
        ],
        docs,
      );
    }

    it("an AMBER item the chair may not read counts nowhere; one released for statistics counts only pooled with two other organisations", async () => {
      await freshExchange();
      for (const k of ["a", "b", "c"]) await item(k, k);
      // Grid A to Grid B only: the chair (Energy Ministry) may not read it.
      await item("a", "a", { tlp: "TLP:AMBER", audience: { organisations: [orgs.b as string] } });
      let d = await dashboard();
      assert.equal(rowOf(d, "a")?.contributed, 1, "the row counts only what the chair may read");
      assert.equal(kind(d, "private")?.contributed, 3);
      assert.equal(kind(d, "private")?.contributedByLabel["TLP:AMBER"], 0, "no AMBER item exists for the chair");

      // Released for statistics, but by one organisation only: a difference would isolate Grid A.
      await item("a", "a", { tlp: "TLP:AMBER", audience: { organisations: [orgs.b as string] }, statisticsConsent: true });
      d = await dashboard();
      assert.equal(kind(d, "private")?.contributed, 3, "one organisation's released item is not pooled");
      assert.equal(rowOf(d, "a")?.contributed, 1);

      // Two more organisations release AMBER items: now the pool covers three and counts.
      await item("c", "c", { tlp: "TLP:AMBER", audience: { organisations: [orgs.b as string] }, statisticsConsent: true });
      await item("d", "d", { tlp: "TLP:AMBER", audience: { organisations: [orgs.b as string] }, statisticsConsent: true });
      d = await dashboard();
      assert.equal(kind(d, "private")?.contributed, 6);
      assert.equal(kind(d, "private")?.contributedByLabel["TLP:AMBER"], 3);
      assert.equal(rowOf(d, "d")?.contributed, 0, "a released item is never attributed");

      // Grid B may read them all: its own view counts them for their organisations.
      const mine = (await api<MyParticipation>("a", "GET", `/api/participation/mine?${PERIOD}`)).body;
      assert.equal(mine.own.contributed, 3, "a member sees all its organisation's contributions");
    });

    it("anonymous items are never attributed, and pooled only across three organisations", async () => {
      await freshExchange();
      for (const k of ["a", "b", "c"]) await item(k, k);
      await item("a", "a", { anonymous: true });
      let d = await dashboard();
      assert.equal(rowOf(d, "a")?.contributed, 1, "the anonymous item is not in Grid A's row");
      assert.equal(kind(d, "private")?.contributed, 3, "nor in the private sector's pooled count, from one organisation");
      const own = (await api<MyParticipation>("a", "GET", `/api/participation/mine?${PERIOD}`)).body;
      assert.equal(own.own.contributed, 2, "Grid A sees its own anonymous item");
      await item("b", "b", { anonymous: true });
      await item("c", "c", { anonymous: true });
      d = await dashboard();
      assert.equal(kind(d, "private")?.contributed, 6);
      assert.deepEqual(
        ["a", "b", "c"].map((k) => rowOf(d, k)?.contributed),
        [1, 1, 1],
      );
    });

    it("flags organisations silent for the period with a nudge, counts reads, and keeps the dashboard to chairs", async () => {
      await freshExchange();
      const ids = [];
      for (const k of ["a", "b", "c"]) ids.push(await item(k, k, { createdAt: new Date(`2026-10-20T1${ids.length}:00:00Z`) }));
      // Grid D reads but shares nothing; the university does neither.
      for (const id of ids) assert.equal((await api("d", "GET", `/api/items/${id}`)).status, 200);
      await api("d", "GET", `/api/items/${ids[0]}`);
      const NOW = "from=2026-09-01&to=2026-11-01";
      const d = await dashboard("chair", `${NOW}&inactiveDays=20`);
      assert.equal(rowOf(d, "d")?.itemsRead, 3, "first reads only");
      const flagged = new Map(d.inactive.map((i) => [i.organisation.name, i]));
      assert.deepEqual([...flagged.keys()].sort(), ["Energy Ministry", "Grid D", "Tech University"]);
      assert.ok(!flagged.has("Grid A") && !flagged.has("Secretariat"));
      assert.match(flagged.get("Grid D")?.nudge ?? "", /read 3 items/);
      assert.match(flagged.get("Tech University")?.nudge ?? "", /contacts are current/);
      assert.doesNotMatch(JSON.stringify(d.inactive), /sanction|penalt|suspend/i);

      // A shorter window: the items of October 20 are older than 7 days.
      const short = await dashboard("chair", `${NOW}&inactiveDays=7`);
      assert.ok(
        short.inactive.some((i) => i.organisation.name === "Grid A"),
        "Grid A's last share is older than 7 days",
      );

      // Reactions received: from other organisations, on items the chair may read, named only.
      assert.equal((await api("b", "PUT", `/api/items/${ids[0]}/reactions`, { reaction: "useful" })).status, 200);
      assert.equal((await api("c", "PUT", `/api/items/${ids[0]}/reactions`, { reaction: "seen" })).status, 200);
      assert.equal((await api("a", "PUT", `/api/items/${ids[0]}/reactions`, { reaction: "useful" })).status, 200);
      const hiddenFromChair = await item("a", "a", { tlp: "TLP:AMBER", audience: { organisations: [orgs.b as string] } });
      assert.equal((await api("b", "PUT", `/api/items/${hiddenFromChair}/reactions`, { reaction: "useful" })).status, 200);
      const anonymous = await item("a", "a", { anonymous: true });
      assert.equal((await api("c", "PUT", `/api/items/${anonymous}/reactions`, { reaction: "useful" })).status, 200);
      const reacted = rowOf(await dashboard("chair", NOW), "a");
      assert.deepEqual(
        [reacted?.usefulReceived, reacted?.seenReceived],
        [1, 1],
        "not its own, not the hidden or anonymous item's",
      );
      const own = (await api<MyParticipation>("a", "GET", `/api/participation/mine?${NOW}`)).body;
      assert.equal(own.own.usefulReceived, 3, "Grid A itself sees all three");
      assert.deepEqual(
        own.useful.map((u) => [u.item.id, u.useful, u.seen]),
        [
          [ids[0], 1, 1],
          [anonymous, 1, 0],
          [hiddenFromChair, 1, 0],
        ],
        "most useful first, then most seen, then newest",
      );

      const member = await api<{ error: { code: string } }>("a", "GET", `/api/participation?${PERIOD}`);
      assert.equal(member.status, 403);
      assert.equal(member.body.error.code, "forbidden");
      const mine = (await api<MyParticipation>("d", "GET", `/api/participation/mine?${NOW}&inactiveDays=20`)).body;
      assert.equal(mine.flaggedInactive, true);
      assert.equal(mine.own.itemsRead, 3);
    });

    it("flows public → private and private → public, each cell pooled, with the ratio", async () => {
      await freshExchange();
      for (const k of ["a", "b", "c"]) await item(k, k, { audience: { exchange: true } });
      await item("chair", "gov", { audience: { exchange: true } });
      const d = await dashboard();
      const flow = (from: string, to: string) => d.flow.series.find((s) => s.from === from && s.to === to);
      assert.equal(flow("private", "public")?.total, 3);
      assert.equal(flow("public", "private")?.total, null, "one public organisation's items are withheld");
      assert.equal(d.flow.ratio, null);
      assert.equal(d.months.length, 2);
    });

    it("the insight report counts CLEAR/GREEN and released items only, withholds cells under 3 organisations, and names only who agreed", async () => {
      await freshExchange();
      const incident = (severity: number) => ({
        kind: "incident",
        details: {
          startedAt: "2026-10-01T00:00:00Z",
          status: "resolved",
          affectedServices: [],
          impact: { severity, crossBorder: false },
        },
      });
      for (const k of ["a", "b", "c"]) await item(k, k, { ...incident(3), sectors: ["energy"] });
      await item("a", "a", { ...incident(4), sectors: ["water"] });
      // AMBER and readable by the chair, but not released: must not count in a report that leaves the circle.
      await item("b", "b", { ...incident(5), tlp: "TLP:AMBER", audience: { exchange: true }, sectors: ["water"] });
      let r = await insight();
      const energy = r.bySectorAndKind.rows.indexOf("energy");
      const water = r.bySectorAndKind.rows.indexOf("water");
      assert.equal(r.bySectorAndKind.cells[energy]?.[0], 3);
      assert.equal(water, -1, "water shows nothing (one organisation's incident): the row itself would say something is there");
      // October: three severity-3 incidents and Grid A's severity 4 (withheld). The total shows, so
      // the severity-3 cell is withheld too, or 4 − 3 would reveal Grid A's incident.
      const october = r.severity.rows.indexOf("2026-10");
      assert.deepEqual(r.severity.cells[october], [0, 0, null, null, 0]);
      assert.equal(r.trend.rowTotals[r.trend.rows.indexOf("2026-10")], 4, "the AMBER severity-5 incident is not counted");
      assert.equal(r.tlp, "TLP:GREEN");
      assert.equal(r.organisationsCovered, 3);

      // Released for statistics by three organisations, AMBER incidents in water count.
      for (const k of ["b", "c", "d"])
        await item(k, k, {
          ...incident(2),
          tlp: "TLP:AMBER",
          audience: { organisations: [orgs[k] as string] },
          sectors: ["water"],
          statisticsConsent: true,
        });
      r = await insight();
      assert.equal(r.bySectorAndKind.cells[r.bySectorAndKind.rows.indexOf("water")]?.[0], 4);

      // Lessons: titles of GREEN lessons; the organisation only once it agreed to be named.
      await item("c", "c", { kind: "crisis-lesson", title: "Keep paper runbooks", details: {} });
      await item("c", "c", {
        kind: "crisis-lesson",
        title: "Hidden lesson",
        tlp: "TLP:AMBER",
        audience: { exchange: true },
        details: {},
      });
      r = await insight();
      assert.deepEqual(
        r.lessons.map((l) => [l.title, l.organisation]),
        [["Keep paper runbooks", null]],
      );
      assert.equal((await api("c", "PUT", "/api/participation/mine/naming", { namedInInsight: true })).status, 200);
      r = await insight();
      assert.deepEqual(
        r.lessons.map((l) => l.organisation),
        ["Grid C"],
      );
      assert.equal((await api<MyParticipation>("c", "GET", "/api/participation/mine")).body.namedInInsight, true);

      const member = await api<{ error: { code: string } }>("a", "GET", `/api/insight?${PERIOD}`);
      assert.equal(member.status, 403);
    });

    it("exports CSV and a STIX 2.1 bundle under the report's TLP 2.0 marking; bad periods and formats are refused", async () => {
      await freshExchange();
      for (const k of ["a", "b", "c"]) await item(k, k, { tlp: "TLP:CLEAR", kind: "threat" });
      await item("d", "d", { tlp: "TLP:CLEAR", kind: "vulnerability", details: { exploitation: "unknown" } });
      const csv = await api<string>("chair", "GET", `/api/insight/export?${PERIOD}&format=csv`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers["content-type"]), /text\/csv/);
      assert.match(String(csv.headers["content-disposition"]), /attachment; filename="insight-2026-09-01-2026-10-31.csv"/);
      const lines = csv.body.trim().split("\r\n");
      assert.equal(lines[0], '"section","row","column","value","withheld"');
      assert.ok(
        lines.includes('"trend-by-month","2026-10","vulnerability","","true"'),
        "one organisation's vulnerability is withheld",
      );
      assert.ok(
        lines.includes('"trend-by-month","2026-10","threat","","true"'),
        "and the threats, or the total would give it away",
      );
      assert.ok(lines.includes('"trend-by-month","2026-10","total","4","false"'));

      const stix = await api<{ type: string; objects: Record<string, unknown>[] }>(
        "chair",
        "GET",
        `/api/insight/export?${PERIOD}&format=stix`,
      );
      assert.equal(stix.headers["content-type"], "application/stix+json;version=2.1");
      const bundle = stix.body;
      assert.equal(bundle.type, "bundle");
      const byType = (t: string) => bundle.objects.filter((o) => o.type === t);
      const marking = byType("marking-definition")[0];
      assert.equal(marking?.id, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "all CLEAR: TLP:CLEAR");
      const report = byType("report")[0] as Record<string, unknown>;
      assert.match(String(report.id), /^report--[0-9a-f-]{36}$/);
      assert.deepEqual(report.object_marking_refs, [marking?.id]);
      assert.match(String(report.published), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const notes = byType("note");
      assert.deepEqual(
        report.object_refs,
        notes.map((n) => n.id),
      );
      for (const n of notes) assert.deepEqual(n.object_refs, [report.id]);
      assert.ok(bundle.objects.every((o) => o.type === "marking-definition" || o.type === "identity" || o.created_by_ref));

      for (const bad of ["from=2026-10-31&to=2026-09-01", "from=2020-01-01&to=2026-01-01", "from=yesterday&to=2026-10-01"]) {
        const res = await api<{ error: { code: string } }>("chair", "GET", `/api/insight?${bad}`);
        assert.equal(res.status, 400, bad);
        assert.equal(res.body.error.code, "validation_failed");
      }
      const xls = await api<{ error: { code: string } }>("chair", "GET", `/api/insight/export?${PERIOD}&format=xls`);
      assert.equal(xls.status, 400);
      for (const bad of [
        "inactiveDays=2",
        "to=0000-06-01",
        "from=0001-01-01&to=9999-12-31",
        "from=2099-01-01",
        "inactiveDays=x",
      ]) {
        const res = await api<{ error: { code: string; message: string } }>("chair", "GET", `/api/participation?${bad}`);
        assert.equal(res.status, 400, bad);
        assert.equal(res.body.error.code, "validation_failed", bad);
      }
    });

    it("exports a PDF printed by Chromium", { skip: browserSkip }, async () => {
      await freshExchange();
      for (const k of ["a", "b", "c"]) await item(k, k, { kind: "threat" });
      const pdf = await api<string>("chair", "GET", `/api/insight/export?${PERIOD}&format=pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf.raw) }).promise;
      assert.ok(doc.numPages >= 1);
      let text = "";
      for (let p = 1; p <= doc.numPages; p++)
        text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
      assert.match(text, /Strategic insight/);
      assert.match(text, /2026-09-01 to 2026-10-31/);
      assert.match(text, /TLP:GREEN/);
    });
  });
}
