// End to end in Debian's Chromium: two persons of different organisations; an AMBER item to one
// organisation and a RED item to one person; who sees what on screen.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { Database } from "../src/server/db/database.js";
import { browserSkip, startBrowserHarness } from "./support/browser.js";
import { acceptDocuments, buildOrganisation, buildPerson, publishDocuments } from "./support/builders.js";

describe("web UI in Chromium", { skip: browserSkip }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>>;
  let url: string;
  const people = { alice: "alice@alpha.example", bob: "bob@beta.example", carol: "carol@beta.example" };

  before(async () => {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    const alpha = await buildOrganisation(db, { name: "Alpha Grid" });
    const beta = await buildOrganisation(db, { name: "Beta Bank" });
    const docs = await publishDocuments(db);
    for (const [email, org, name] of [
      [people.alice, alpha, "Alice Adams"],
      [people.bob, beta, "Bob Brown"],
      [people.carol, beta, "Carol Clark"],
    ] as const) {
      const p = await buildPerson(db, { organisationId: org, email, name });
      await acceptDocuments(db, p.id, docs);
    }
    harness = await startBrowserHarness(db);
    url = harness.url;
  });
  after(() => harness?.close());

  const loginAs = (email: string): Promise<Page> => harness.loginAs(email);

  async function post(page: Page, title: string, label: string, pickAudience: (page: Page) => Promise<void>) {
    await page.goto(`${url}/items/new`);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body").first().fill(`Details of ${title}.`);
    await page.getByLabel(/^(TLP )?label$/i).selectOption(label);
    await pickAudience(page);
    await page.getByRole("button", { name: /share|post|publish/i }).click();
    await page.getByTestId("item-title").filter({ hasText: title }).waitFor();
    assert.equal(await page.getByTestId("tlp-badge").first().textContent(), label);
  }

  async function feedTitles(page: Page): Promise<string[]> {
    await page.goto(url);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.waitForLoadState("networkidle");
    return page.getByTestId("feed-item").allInnerTexts();
  }

  it("shows the AMBER item only to its organisation and the RED item only to its recipient", async () => {
    const alice = await loginAs(people.alice);
    await post(alice, "Amber relay anomaly", "TLP:AMBER", async (page) => {
      await page.getByRole("radio", { name: /organisations, groups|chosen|specific/i }).check();
      await page.getByRole("checkbox", { name: "Beta Bank" }).check();
    });
    await post(alice, "Red supplier compromise", "TLP:RED", async (page) => {
      await page.getByRole("checkbox", { name: /Bob Brown/ }).check();
    });
    await alice.screenshot({ path: ".tmp/e2e-alice-item.png", fullPage: true }).catch(() => undefined);

    const bob = await loginAs(people.bob);
    const bobFeed = (await feedTitles(bob)).join("\n");
    assert.match(bobFeed, /Amber relay anomaly/);
    assert.match(bobFeed, /Red supplier compromise/);
    await bob.screenshot({ path: ".tmp/e2e-bob-feed.png", fullPage: true }).catch(() => undefined);

    const carol = await loginAs(people.carol);
    const carolFeed = (await feedTitles(carol)).join("\n");
    assert.match(carolFeed, /Amber relay anomaly/);
    assert.doesNotMatch(carolFeed, /Red supplier compromise/);

    const aliceFeed = (await feedTitles(alice)).join("\n");
    assert.match(aliceFeed, /Amber relay anomaly/);
    assert.match(aliceFeed, /Red supplier compromise/);
  });
});
