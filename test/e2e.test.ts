// End to end in Debian's Chromium: two persons of different organisations; an AMBER item to one
// organisation and a RED item to one person; who sees what on screen.
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, describe, it } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { loadConfig } from "../src/server/config.js";
import { Database } from "../src/server/db/database.js";
import { createMailer } from "../src/server/mail/mailer.js";
import { startServer } from "../src/server/runtime.js";
import { acceptDocuments, buildOrganisation, buildPerson, publishDocuments, TEST_PASSWORD } from "./support/builders.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const hasWeb = fs.existsSync(new URL("../dist/web/index.html", import.meta.url));
if (process.env.CI && (!hasChromium || !hasWeb))
  throw new Error("CI needs Debian's chromium and a built web UI (npx vite build).");
const skip = !hasChromium
  ? "Debian's chromium is not installed (apt-get install chromium)"
  : !hasWeb
    ? "the web UI is not built (npm run build)"
    : false;

describe("web UI in Chromium", { skip }, () => {
  let browser: Browser;
  let url: string;
  let stop: () => Promise<void>;
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
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
    const server = await startServer(
      { config, db, mailer: createMailer(undefined, ""), clock: () => new Date() },
      { logger: false },
    );
    url = server.url;
    stop = server.stop;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });
  after(async () => {
    await browser?.close();
    await stop?.();
  });

  async function loginAs(email: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/login`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByRole("link", { name: /post/i }).first().waitFor();
    assert.deepEqual(errors, []);
    return page;
  }

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
