// End to end in Debian's Chromium for participation and strategic insight: in an exchange of five organisations where
// one has been quiet for months, a chair sees it flagged (with a suggestion, not a sanction) on the participation
// dashboard, builds the strategic insight report of the last two months and downloads it as a PDF whose text carries
// the heading, the period and the TLP label and whose pages hold drawn charts; a member gets neither the dashboard's
// navigation entry nor the dashboard, and sees a gentle note on its own organisation's page when it is the quiet one.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { Database } from "../src/server/db/database.js";
import { currentTotpCode, newTotpSecret } from "../src/server/security/totp.js";
import { browserSkip, startBrowserHarness } from "./support/browser.js";
import {
  acceptDocuments,
  buildItem,
  buildMembers,
  buildOrganisation,
  buildPerson,
  publishDocuments,
  TEST_PASSWORD,
} from "./support/builders.js";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const QUIET = "Quiet Harbour Logistics";

describe("participation and strategic insight in Chromium", { skip: browserSkip }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>>;
  let url: string;
  const chairEmail = "carla@alpha.example";
  // Chairs must use a second factor.
  const chairSecret = newTotpSecret();
  const period = { from: isoDay(daysAgo(60)), to: isoDay(daysAgo(0)) };

  before(async () => {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    const orgs: Record<string, string> = {
      alpha: await buildOrganisation(db, { name: "Alpha Grid" }),
      beta: await buildOrganisation(db, { name: "Beta Power" }),
      gamma: await buildOrganisation(db, { name: "Gamma Water Authority", kind: "public" }),
      delta: await buildOrganisation(db, { name: "Delta Institute", kind: "academia" }),
      quiet: await buildOrganisation(db, { name: QUIET }),
      secretariat: await buildOrganisation(db, { name: "Exchange Secretariat", kind: "public", secretariat: true }),
    };
    // Every organisation has been a member for more than a year, so silence can be noticed.
    await db.kysely
      .updateTable("organisations")
      .set({ created_at: daysAgo(400) })
      .execute();
    const docs = await publishDocuments(db);
    const chair = await buildPerson(db, {
      organisationId: orgs.alpha!,
      email: chairEmail,
      name: "Carla Chair",
      role: "chair",
      seat: "industry",
      totpSecret: chairSecret,
    });
    await acceptDocuments(db, chair.id, docs);
    const people = await buildMembers(
      db,
      orgs,
      [
        ["bea", "beta", "member"],
        ["gus", "gamma", "member"],
        ["dora", "delta", "member"],
        ["quinn", "quiet", "member"],
      ],
      docs,
    );
    const authors: [string, string][] = [
      [chair.id, orgs.alpha!],
      [people.bea!.id, orgs.beta!],
      [people.gus!.id, orgs.gamma!],
      [people.dora!.id, orgs.delta!],
    ];
    // Four organisations shared incidents and threats in the last two months, under TLP:GREEN to the whole exchange.
    for (const [index, [authorId, authorOrganisationId]] of authors.entries()) {
      await buildItem(db, {
        authorId,
        authorOrganisationId,
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        kind: "incident",
        title: `Substation outage ${index + 1}`,
        details: {
          startedAt: daysAgo(12 + index).toISOString(),
          status: "contained",
          affectedServices: [],
          impact: { severity: 3, crossBorder: false },
        },
        createdAt: daysAgo(10 + index),
      });
      await buildItem(db, {
        authorId,
        authorOrganisationId,
        tlp: "TLP:GREEN",
        audience: { exchange: true },
        kind: "threat",
        title: `Phishing wave ${index + 1}`,
        createdAt: daysAgo(40 + index),
      });
    }
    // The quiet organisation last shared something more than half a year ago.
    await buildItem(db, {
      authorId: people.quinn!.id,
      authorOrganisationId: orgs.quiet!,
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      kind: "threat",
      title: "An old observation",
      createdAt: daysAgo(200),
    });
    harness = await startBrowserHarness(db);
    url = harness.url;
  });
  after(() => harness?.close());

  /** Logs the chair in with password and authentication code, in a fresh context of the harness's browser. */
  const loginChair = async (someone: Page): Promise<Page> => {
    const browser = someone.context().browser();
    assert.ok(browser);
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel("E-mail address").fill(chairEmail);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByLabel("Authentication code").fill(currentTotpCode(chairSecret));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("link", { name: /post/i }).first().waitFor();
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `.tmp/e2e-insight-${name}.png`, fullPage: true }).catch(() => undefined);

  it("keeps the dashboard from members and tells the quiet organisation gently", async () => {
    const quinn = await harness.loginAs("quinn@test.example");
    const nav = quinn.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "My organisation" }).waitFor();
    assert.equal(await nav.getByRole("link", { name: "Participation" }).count(), 0, "a member has no Participation entry");

    await quinn.goto(`${url}/participation`);
    await quinn.getByText("This page is for the chairs and the secretariat.").waitFor();
    assert.equal(await quinn.getByRole("list", { name: "Flagged organisations" }).count(), 0);

    await nav.getByRole("link", { name: "My organisation" }).click();
    await quinn.getByRole("heading", { name: QUIET }).waitFor();
    const note = quinn.getByTestId("flagged-inactive");
    await note.waitFor();
    assert.match(await note.innerText(), /has not shared anything for 90 days/);
    assert.doesNotMatch(await note.innerText(), /sanction|suspend|warning/i);
    await shot(quinn, "my-organisation");
  });

  it("flags the quiet organisation for the chair and prints the insight report as a PDF with charts", async () => {
    const someone = await harness.loginAs("bea@test.example");
    const chair = await loginChair(someone);
    await chair.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Participation" }).click();
    await chair.getByRole("heading", { name: "Participation & health" }).waitFor();
    await chair.getByRole("heading", { name: /Flagged: no contribution in 90 days/ }).waitFor();
    const flagged = chair.getByRole("list", { name: "Flagged organisations" });
    const flaggedText = await flagged.innerText();
    assert.match(flaggedText, new RegExp(QUIET));
    for (const active of ["Alpha Grid", "Beta Power", "Gamma Water Authority", "Delta Institute"])
      assert.ok(!flaggedText.includes(active), `${active} contributed recently and is not flagged`);
    assert.equal(await flagged.getByRole("button", { name: "Copy the suggestion" }).count(), 1);
    const organisations = await chair.getByTestId("participation-organisations").innerText();
    assert.match(organisations, /Alpha Grid/);
    assert.match(organisations, new RegExp(QUIET));
    assert.ok(await chair.locator("[data-testid=health] svg[role=img]").count(), "the health trends are drawn");
    await shot(chair, "participation");

    await chair.getByRole("link", { name: "Strategic insight report" }).click();
    await chair.getByRole("heading", { name: "Strategic insight", exact: true }).waitFor();
    const form = chair.getByRole("form", { name: "Period of the report" });
    await form.getByLabel("From").fill(period.from);
    await form.getByLabel("To").fill(period.to);
    await form.getByRole("button", { name: "Build the report" }).click();
    const report = chair.getByTestId("insight-report");
    await report.waitFor({ timeout: 60_000 });
    assert.match(await report.getByRole("heading", { level: 2 }).first().innerText(), /Strategic insight report/);
    assert.equal(await report.getByTestId("tlp-badge").first().innerText(), "TLP:GREEN");
    assert.equal(await report.getByTestId("organisations-covered").innerText(), "4");
    assert.ok((await report.locator("svg[role=img]").count()) >= 3, "the report's charts are drawn");
    await shot(chair, "insight");

    const [download] = await Promise.all([
      chair.waitForEvent("download", { timeout: 120_000 }),
      report.getByRole("link", { name: "PDF" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `insight-${period.from}-${period.to}.pdf`);
    const path = await download.path();
    const bytes = await fs.readFile(path);
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    await fs.writeFile(".tmp/e2e-insight-report.pdf", bytes).catch(() => undefined);

    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    assert.ok(doc.numPages >= 1);
    let text = "";
    let drawing = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      text += ` ${content.items.map((item) => ("str" in item ? item.str : "")).join(" ")}`;
      // Lines, bars and cells are painted paths.
      drawing += (await page.getOperatorList()).fnArray.filter((op) => op === pdfjs.OPS.constructPath).length;
    }
    const flat = text.replace(/\s+/g, " ");
    assert.match(flat, /Strategic insight/);
    assert.ok(flat.includes(period.from) && flat.includes(period.to), `the PDF names the period: ${flat.slice(0, 300)}`);
    assert.match(flat, /TLP:GREEN/);
    assert.match(flat, /Incidents per month by severity/, "the severity chart's title is in the PDF");
    assert.ok(drawing >= 20, `the pages draw the charts (${drawing} paths)`);
    await doc.destroy();
  });
});
