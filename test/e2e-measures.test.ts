// End to end in Debian's Chromium for preparedness measures and cascades: a member proposes a measure, the
// secretariat adopts it, an applicable organisation reports "implemented" with evidence under TLP:AMBER+STRICT, and
// another organisation sees the suppressed aggregate ("<3") but never that evidence; a cascade simulation through a
// service the viewer cannot see shows it only as "1 service in <sector>", never by name, also once saved as analysis.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { Database } from "../src/server/db/database.js";
import { currentTotpCode, newTotpSecret } from "../src/server/security/totp.js";
import { bearerApi, browserSkip, startBrowserHarness } from "./support/browser.js";
import {
  acceptDocuments,
  buildOrganisation,
  buildPerson,
  buildToken,
  publishDocuments,
  TEST_PASSWORD,
} from "./support/builders.js";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("measures and cascades in Chromium", { skip: browserSkip }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>>;
  let url: string;
  const people = {
    alice: "alice@alpha.example",
    bob: "bob@beta.example",
    dave: "dave@gamma.example",
    sam: "sam@secretariat.example",
  };
  const tokens: Record<string, string> = {};
  const organisationIds: Record<string, string> = {};
  // The secretariat must use a second factor.
  const samSecret = newTotpSecret();

  /** Calls the API as a person (Bearer token), failing the test on an error answer. */
  const api = bearerApi<keyof typeof people>(() => url, tokens);

  before(async () => {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    // Every built organisation is in the energy sector; Alpha, Beta and Gamma are private, the secretariat public.
    organisationIds.alpha = await buildOrganisation(db, { name: "Alpha Grid" });
    organisationIds.beta = await buildOrganisation(db, { name: "Beta Power" });
    organisationIds.gamma = await buildOrganisation(db, { name: "Gamma Telecom" });
    const secretariat = await buildOrganisation(db, { name: "Exchange Secretariat", kind: "public", secretariat: true });
    const docs = await publishDocuments(db);
    for (const [key, email, organisation, name, role] of [
      ["alice", people.alice, organisationIds.alpha, "Alice Adams", "member"],
      ["bob", people.bob, organisationIds.beta, "Bob Brown", "member"],
      ["dave", people.dave, organisationIds.gamma, "Dave Dunn", "member"],
      ["sam", people.sam, secretariat, "Sam Secretary", "secretariat"],
    ] as const) {
      const p = await buildPerson(db, {
        organisationId: organisation as string,
        email,
        name,
        role,
        ...(key === "sam" ? { totpSecret: samSecret } : {}),
      });
      await acceptDocuments(db, p.id, docs);
      tokens[key] = await buildToken(db, p.id);
    }
    harness = await startBrowserHarness(db);
    url = harness.url;
  });
  after(() => harness?.close());

  const loginAs = (email: string): Promise<Page> => harness.loginAs(email);
  /** Logs the secretariat in with password and authentication code, in a fresh context of the harness's browser. */
  const loginSecretariat = async (someone: Page): Promise<Page> => {
    const browser = someone.context().browser();
    assert.ok(browser);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel("E-mail address").fill(people.sam);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByLabel("Authentication code").fill(currentTotpCode(samSecret));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("link", { name: /post/i }).first().waitFor();
    return page;
  };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `.tmp/e2e-measures-${name}.png`, fullPage: true }).catch(() => undefined);

  it("shows an organisation's AMBER+STRICT evidence to that organisation only; others see the suppressed count", async () => {
    const evidence = "Air-gapped backup link commissioned at substation Quokkafield-7";

    // Alice proposes the measure through the form.
    const alice = await loginAs(people.alice);
    await alice.getByRole("link", { name: "Measures", exact: true }).click();
    await alice.getByRole("heading", { name: "Preparedness measures" }).waitFor();
    await alice.getByRole("link", { name: "Propose a measure" }).click();
    await alice.getByRole("heading", { name: "Propose a measure" }).waitFor();
    await alice.getByLabel("Title").fill("Out-of-band backup for substation control");
    await alice.getByLabel("The measure").fill("Every operator keeps an **out-of-band** link to its substations.");
    await alice.getByLabel("Rationale").fill("Two incidents this year cut the primary control link.");
    await alice.getByRole("checkbox", { name: "Energy" }).check();
    await alice.getByRole("checkbox", { name: "Public sector" }).uncheck();
    await alice.getByRole("checkbox", { name: "Academia" }).uncheck();
    await shot(alice, "propose");
    await alice.getByRole("button", { name: "Propose as TLP:GREEN" }).click();
    await alice.getByTestId("measure-title").filter({ hasText: "Out-of-band backup for substation control" }).waitFor();
    const measureId = new URL(alice.url()).pathname.split("/").pop() ?? "";
    assert.match(await alice.getByTestId("measure-stage").first().innerText(), /Proposed/);
    assert.match(await alice.getByTestId("my-report").innerText(), /once the measure is adopted/);

    // The secretariat adopts it (between meetings) through the API.
    const adopted = await api<{ stage: string }>("sam", "POST", `/api/measures/${measureId}/adopt`, {
      decisionId: null,
      note: "Agreed by the chairs by e-mail after the June incidents.",
      reviewIntervalMonths: 6,
      targetDate: inDays(120),
    });
    assert.equal(adopted.stage, "adopted");

    // Alice's organisation reports "implemented" with evidence, under the default TLP:AMBER+STRICT.
    await alice.reload();
    const form = alice.getByRole("form", { name: "Report your implementation" });
    await form.waitFor();
    await form.getByLabel("Status").selectOption({ label: "Implemented" });
    await form.getByLabel("Evidence").fill(evidence);
    assert.equal(await form.getByLabel("Label of this report").inputValue(), "TLP:AMBER+STRICT");
    await form.getByRole("button", { name: "Send the report" }).click();
    const ownReport = alice.getByTestId("report").filter({ hasText: "Alpha Grid" });
    await ownReport.waitFor();
    assert.match(await ownReport.innerText(), /Quokkafield-7/);
    assert.match(await ownReport.innerText(), /TLP:AMBER\+STRICT/);
    assert.match(await ownReport.innerText(), /Implemented/);
    await shot(alice, "measure-reporter");

    // Bob, of another applicable organisation, sees the counts, suppressed below three organisations, not the evidence.
    const bob = await loginAs(people.bob);
    await bob.goto(`${url}/measures/${measureId}`);
    const counts = bob.getByTestId("measure-aggregate");
    await counts.waitFor();
    assert.match(await counts.innerText(), /3 applicable organisations, <3 reported/);
    assert.match(await counts.locator('[data-status="implemented"]').innerText(), /^Implemented\s+<3$/);
    assert.equal(await counts.locator("svg[role=img]").count(), 1, "the counts are drawn as a bar");
    assert.match(await bob.getByTestId("my-report").innerText(), /report is due/);
    await bob.getByText("No report is shared with you.").waitFor();
    await bob.waitForLoadState("networkidle");
    const text = await bob.locator("body").innerText();
    const html = await bob.content();
    for (const secret of ["Quokkafield", "Air-gapped backup link"]) {
      assert.ok(!text.includes(secret), `Bob's measure page shows “${secret}”`);
      assert.ok(!html.includes(secret), `Bob's measure page's HTML holds “${secret}”`);
    }
    await shot(bob, "measure-other-organisation");
    // The measure list shows Bob's organisation's due report.
    await bob.goto(`${url}/measures`);
    const mine = bob.getByTestId("my-measures").getByTestId("measure-card").filter({ hasText: "Out-of-band backup" });
    await mine.waitFor();
    assert.match(await mine.innerText(), /Report due/);
    await shot(bob, "list");

    // The secretariat's view: manage forms, the adoption chart and the overdue organisations.
    const sam = await loginSecretariat(bob);
    await sam.goto(`${url}/measures/${measureId}`);
    const adoption = sam.getByTestId("adoption");
    await adoption.locator("svg.line-chart").first().waitFor();
    assert.equal(await adoption.locator("svg.line-chart").count(), 2, "by sector and by kind");
    // One of the three applicable organisations has implemented it this month (a group of 3 is not suppressed).
    assert.match((await adoption.locator("svg.line-chart").first().innerHTML()) ?? "", /All applicable \(3\)[^<]*: 33%/);
    // Beta and Gamma have not reported, but are not overdue a month after adoption yet.
    assert.match(await sam.getByTestId("overdue").innerText(), /No organisation is overdue/);
    assert.ok(!(await sam.content()).includes("Quokkafield"), "the secretariat does not read Alpha's evidence either");
    await sam.locator("summary", { hasText: "Revise the measure" }).click();
    await shot(sam, "measure-manager");
  });

  it("simulates a cascade through a service the viewer cannot see and leaves no trace of it", async () => {
    const hiddenName = "Zanzibar core router";
    const feed = await api<{ id: string }>("alice", "POST", "/api/services", {
      name: "Alpha substation feed",
      sector: "energy",
      region: "North",
      tlp: "TLP:GREEN",
      audience: { exchange: true },
    });
    const router = await api<{ id: string }>("dave", "POST", "/api/services", {
      name: hiddenName,
      description: "Only Gamma knows where it is.",
      sector: "telecom",
      region: "Harbour",
      tlp: "TLP:AMBER",
      audience: { organisations: [organisationIds.gamma] },
    });
    const portal = await api<{ id: string }>("dave", "POST", "/api/services", {
      name: "Gamma customer portal",
      sector: "telecom",
      region: "East",
      tlp: "TLP:GREEN",
      audience: { exchange: true },
    });
    await api("dave", "POST", "/api/dependencies", {
      dependentId: router.id,
      providerId: feed.id,
      type: "physical",
      bufferHours: 2,
      degradation: "total",
    });
    await api("dave", "POST", "/api/dependencies", {
      dependentId: portal.id,
      providerId: router.id,
      type: "cyber",
      bufferHours: 0,
      degradation: "total",
    });

    // Bob sees the two GREEN services but neither the router nor the dependencies through it.
    const bob = await loginAs(people.bob);
    await bob.getByRole("link", { name: "Interdependencies", exact: true }).click();
    await bob.getByRole("heading", { name: "The graph you can see" }).waitFor();
    await bob.getByTestId("graph-node").first().waitFor();
    assert.equal(await bob.getByTestId("graph-node").count(), 2);
    assert.ok(!(await bob.content()).includes("Zanzibar"), "the interdependencies page names the hidden service");
    await shot(bob, "interdependencies");

    // He fails Alpha's feed for a day and simulates a week.
    await bob.getByRole("link", { name: "Cascade simulation" }).click();
    await bob.getByLabel("Failed service").selectOption({ label: "Alpha substation feed — Alpha Grid (Energy)" });
    await bob.getByRole("button", { name: "Add", exact: true }).click();
    await bob.getByLabel("Duration of Alpha substation feed (hours)").fill("24");
    await bob.getByRole("button", { name: "Simulate" }).click();
    const result = bob.getByTestId("cascade-result");
    await result.waitFor();
    // One organisation's hidden router is below the 3 organisations a sector count needs: no trace of it.
    assert.equal(await bob.getByTestId("cascade-hidden").count(), 0);
    const shown = await bob.getByTestId("cascade-service").allInnerTexts();
    assert.equal(shown.length, 2, "two services Bob may see are affected");
    assert.match(shown[0] ?? "", /^Alpha substation feed/);
    assert.match(shown[1] ?? "", /^Gamma customer portal/);
    const timeline = await bob.locator(".cascade-timeline svg").textContent();
    assert.ok(!/service in Telecommunications/.test(timeline ?? ""));
    assert.match(await bob.getByTestId("cascade-summary").innerText(), /TLP:GREEN/);
    await bob.waitForLoadState("networkidle");
    assert.ok(!(await bob.locator("body").innerText()).includes("Zanzibar"), "the result shows the hidden service's name");
    assert.ok(!(await bob.content()).includes("Zanzibar"), "the result's HTML holds the hidden service's name");
    await shot(bob, "cascade");

    // Saved as an analysis (its default label is the result's minimum), it does not name the hidden service either.
    await bob.getByText("Save as an analysis").click();
    await bob.getByRole("button", { name: "Save as TLP:GREEN" }).click();
    await bob.getByTestId("item-title").waitFor();
    assert.match(await bob.getByTestId("item-title").innerText(), /Cascade: Alpha substation feed down for 24 h/);
    assert.ok(!(await bob.content()).includes("Zanzibar"), "the saved analysis names the hidden service");
  });

  it("solves a sector perturbation of the secretariat's coefficients", async () => {
    await api("sam", "PUT", "/api/iim", {
      sectors: ["energy", "telecom", "finance"],
      coefficients: [
        [0, 0.2, 0],
        [0.4, 0, 0],
        [0.3, 0.3, 0],
      ],
    });
    const bob = await loginAs(people.bob);
    await bob.goto(`${url}/iim`);
    await bob.locator(".heat-map svg").waitFor();
    await bob.getByLabel("Energy (%)").fill("50");
    await bob.getByRole("button", { name: "Solve" }).click();
    await bob.getByTestId("iim-solution").waitFor();
    assert.equal(await bob.getByTestId("share-bar").count(), 3);
    assert.match((await bob.getByTestId("iim-solution").textContent()) ?? "", /Telecommunications/);
    await shot(bob, "iim");
  });
});
