// End to end in Debian's Chromium for the information features: kind-specific posting (incident impact), RFI
// answering and closing, warning acknowledgement, anonymity, search over RED items, and inert hostile markdown.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { Database } from "../src/server/db/database.js";
import { bearerApi, browserSkip, startBrowserHarness } from "./support/browser.js";
import { acceptDocuments, buildOrganisation, buildPerson, buildToken, publishDocuments } from "./support/builders.js";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe("information sharing in Chromium", { skip: browserSkip }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>>;
  let url: string;
  const people = {
    alice: "alice@alpha.example",
    bob: "bob@beta.example",
    carol: "carol@beta.example",
    dave: "dave@gamma.example",
  };
  const org: Record<"alpha" | "beta" | "gamma", string> = { alpha: "", beta: "", gamma: "" };
  const personIds: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  /** Calls the API as a person (Bearer token), failing the test on an error answer. */
  const api = bearerApi<keyof typeof people>(() => url, tokens);

  before(async () => {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    org.alpha = await buildOrganisation(db, { name: "Alpha Grid" });
    org.beta = await buildOrganisation(db, { name: "Beta Bank" });
    org.gamma = await buildOrganisation(db, { name: "Gamma Water" });
    const docs = await publishDocuments(db);
    for (const [key, email, organisation, name] of [
      ["alice", people.alice, org.alpha, "Alice Adams"],
      ["bob", people.bob, org.beta, "Bob Brown"],
      ["carol", people.carol, org.beta, "Carol Clark"],
      ["dave", people.dave, org.gamma, "Dave Dunn"],
    ] as const) {
      const p = await buildPerson(db, { organisationId: organisation, email, name });
      await acceptDocuments(db, p.id, docs);
      personIds[key] = p.id;
      tokens[key] = await buildToken(db, p.id);
    }
    harness = await startBrowserHarness(db);
    url = harness.url;
  });
  after(() => harness?.close());

  const loginAs = (email: string): Promise<Page> => harness.loginAs(email);

  async function openItem(page: Page, id: string): Promise<void> {
    await page.goto(`${url}/items/${id}`);
    await page.getByTestId("item-title").waitFor();
    await page.waitForLoadState("networkidle");
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `.tmp/e2e-information-${name}.png`, fullPage: true }).catch(() => undefined);

  it("posts an incident with an impact assessment through the form and shows its severity", async () => {
    const alice = await loginAs(people.alice);
    await alice.goto(`${url}/items/new`);
    await alice.getByRole("radio", { name: "Incident", exact: true }).check();
    await alice.getByLabel("Title").fill("Feeder protection trip cascade");
    await alice.getByLabel("Body").first().fill("Two feeders tripped after a **faulty** protection setting.");
    await alice.getByLabel("Started", { exact: false }).first().fill("2026-03-01T08:30");
    await alice.getByLabel("Affected services").fill("Distribution north\nSCADA telemetry");
    await alice.getByRole("radio", { name: "4 — Severe" }).check();
    await alice.getByLabel("Users affected").fill("12000");
    await alice.getByLabel("Interruption (minutes)").fill("95");
    await alice.getByRole("checkbox", { name: "Cross-border effects" }).check();
    await alice.getByLabel("Root cause").fill("A wrong relay setting pushed during maintenance.");
    await alice.getByRole("button", { name: /^post as/i }).click();

    await alice.getByTestId("item-title").filter({ hasText: "Feeder protection trip cascade" }).waitFor();
    const details = alice.getByTestId("details-panel");
    await details.getByText("4 — Severe").waitFor();
    const text = await details.innerText();
    assert.match(text, /Essential service interrupted regionally/, "the severity's definition is shown");
    assert.match(text, /12,000|12000|12 000/);
    assert.match(text, /SCADA telemetry/);
    assert.match(text, /Cross-border effects\s*Yes/);
    assert.equal(await alice.getByTestId("item-status").first().textContent(), "Ongoing");
    await shot(alice, "incident");
  });

  it("lets a member answer an RFI and the asker close it with a summary", async () => {
    const rfi = await api<{ id: string; status: string }>("alice", "POST", "/api/items", {
      kind: "rfi",
      title: "Who else sees Modbus scans from new ranges?",
      body: "Please answer by Friday.",
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      details: { dueAt: inDays(5), answerersVisible: false },
    });
    assert.equal(rfi.status, "open");

    const bob = await loginAs(people.bob);
    await openItem(bob, rfi.id);
    assert.match(await bob.getByTestId("rfi-panel").innerText(), /Open/);
    await bob.getByLabel("Your answer").fill("Yes: since Monday, from two new /24 ranges.");
    await bob.getByRole("button", { name: "Send answer" }).click();
    await bob.getByTestId("comment").filter({ hasText: "two new /24 ranges" }).waitFor();

    const alice = await loginAs(people.alice);
    await openItem(alice, rfi.id);
    const answer = alice.getByTestId("comment").filter({ hasText: "two new /24 ranges" });
    await answer.waitFor();
    assert.match(await answer.innerText(), /Answer/);
    await alice.getByLabel("Summary of the answers").fill("Beta Bank sees the same ranges; blocking them at the edge.");
    await alice.getByRole("button", { name: "Close the request" }).click();
    await alice.getByTestId("rfi-summary").getByText("blocking them at the edge").waitFor();
    assert.match(await alice.getByTestId("rfi-panel").innerText(), /Closed/);
    await shot(alice, "rfi-closed");

    await openItem(bob, rfi.id);
    assert.match(await bob.getByTestId("rfi-summary").innerText(), /blocking them at the edge/);
    assert.equal(await bob.getByLabel("Your answer").count(), 0, "a closed request offers no answer form");
    await bob.getByText("This request is closed").waitFor();
  });

  it("has a recipient acknowledge a warning and shows the author who acknowledged", async () => {
    const warning = await api<{ id: string }>("alice", "POST", "/api/items", {
      kind: "warning",
      title: "Patch the relay firmware within a day",
      body: "Acknowledge once your organisation has checked its relays.",
      tlp: "TLP:AMBER",
      audience: { organisations: [org.beta, org.gamma] },
      details: { urgency: "flash", requiresAcknowledgement: true, acknowledgeWithinHours: 24 },
    });

    const bob = await loginAs(people.bob);
    await openItem(bob, warning.id);
    await bob.getByRole("button", { name: "Acknowledge for Beta Bank" }).click();
    await bob.getByTestId("acknowledgement-panel").getByText("Beta Bank has acknowledged this warning.").waitFor();

    const alice = await loginAs(people.alice);
    await openItem(alice, warning.id);
    const table = alice.getByTestId("acknowledgements");
    await table.waitFor();
    const beta = await table.getByRole("row", { name: /Beta Bank/ }).innerText();
    assert.match(beta, /Bob Brown/);
    const gamma = await table.getByRole("row", { name: /Gamma Water/ }).innerText();
    assert.match(gamma, /Not yet/);
    assert.equal(await alice.getByRole("button", { name: /^Acknowledge for/ }).count(), 0, "the author does not acknowledge");
    await shot(alice, "acknowledgements");
  });

  it("hides the originator of an anonymous post from another organisation", async () => {
    const alice = await loginAs(people.alice);
    await alice.goto(`${url}/items/new?kind=threat`);
    await alice.getByLabel("Title").fill("Insider selling substation access");
    await alice.getByLabel("Body").first().fill("A contractor offered remote access to substations on a forum.");
    await alice.getByLabel("Threat actor").fill("Unknown contractor");
    await alice.getByLabel(/^(TLP )?label$/i).selectOption("TLP:GREEN");
    await alice.getByRole("checkbox", { name: /Post anonymously/ }).check();
    await alice.getByRole("button", { name: /^post as/i }).click();
    await alice.getByTestId("item-title").filter({ hasText: "Insider selling substation access" }).waitFor();
    const id = alice.url().split("/").pop() ?? "";
    assert.match(await alice.getByTestId("item-organisation").innerText(), /Anonymous/);

    const dave = await loginAs(people.dave);
    await openItem(dave, id);
    await dave.getByTestId("details-panel").getByText("Unknown contractor").waitFor();
    const itemText = await dave.locator("body").innerText();
    assert.match(itemText, /Anonymous/);
    for (const secret of ["Alpha Grid", "Alice Adams", "alice@alpha.example"]) {
      assert.ok(!itemText.includes(secret), `the item page shows “${secret}”`);
      assert.ok(!(await dave.content()).includes(secret), `the item page's HTML holds “${secret}”`);
    }
    await shot(dave, "anonymous-item");

    // Alpha Grid's other items are in the feed under its name; the anonymous one is not.
    await dave.goto(url);
    const entry = dave.getByTestId("feed-item").filter({ hasText: "Insider selling substation access" });
    await entry.waitFor();
    const entryText = await entry.innerText();
    assert.match(entryText, /Anonymous/);
    for (const secret of ["Alpha Grid", "Alice Adams"])
      assert.ok(!entryText.includes(secret), `the feed entry shows “${secret}”`);

    await dave.goto(`${url}/search?q=substation`);
    await dave.getByTestId("feed-item").filter({ hasText: "Insider selling substation access" }).waitFor();
    await dave.waitForLoadState("networkidle");
    const searchText = await dave.locator("main").innerText();
    for (const secret of ["Alpha Grid", "Alice Adams"]) assert.ok(!searchText.includes(secret), `search shows “${secret}”`);
  });

  it("does not show a RED item, nor count it in facets, to someone it was not addressed to", async () => {
    await api("alice", "POST", "/api/items", {
      kind: "threat",
      title: "Zephyrquartz campaign against one bank",
      body: "Red details about zephyrquartz.",
      tlp: "TLP:RED",
      audience: { persons: [personIds.bob] },
      details: { motivation: "criminal" },
    });
    await api("alice", "POST", "/api/items", {
      kind: "announcement",
      title: "Zephyrquartz briefing next week",
      body: "Open briefing about zephyrquartz.",
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      details: {},
    });

    const carol = await loginAs(people.carol);
    await carol.goto(`${url}/search?q=zephyrquartz`);
    await carol.getByTestId("feed-item").first().waitFor();
    await carol.waitForLoadState("networkidle");
    const results = await carol.getByTestId("feed-item").allInnerTexts();
    assert.equal(results.length, 1);
    assert.match(results[0] ?? "", /briefing next week/);
    assert.match(await carol.locator("#results-heading").innerText(), /^1 result/);
    const facets = carol.getByTestId("facets");
    assert.equal(await facets.locator('[data-facet="tlp"][data-value="TLP:RED"]').count(), 0, "no RED facet");
    assert.equal(await facets.locator('[data-facet="kind"][data-value="threat"]').count(), 0, "no threat facet");
    assert.doesNotMatch(await carol.locator("main").innerText(), /campaign against one bank/);
    await shot(carol, "search-carol");

    const bob = await loginAs(people.bob);
    await bob.goto(`${url}/search?q=zephyrquartz`);
    await bob.getByTestId("feed-item").nth(1).waitFor();
    const red = bob.getByTestId("facets").locator('[data-facet="tlp"][data-value="TLP:RED"]');
    assert.match(await red.innerText(), /TLP:RED\s*1/);
    // A facet value applies its filter, kept in the URL.
    await red.getByRole("link").click();
    await bob.waitForURL(/tlp=TLP%3ARED/);
    await bob.waitForLoadState("networkidle");
    assert.deepEqual(
      (await bob.getByTestId("feed-item").allInnerTexts()).map((t) => /campaign against one bank/.test(t)),
      [true],
    );
  });

  it("renders hostile markdown inert", async () => {
    const hostile = [
      "# Payloads",
      "<script>alert('script')</script>",
      "Inline <img src=x onerror=\"alert('img')\"> here.",
      "<iframe src=\"javascript:alert('iframe')\"></iframe>",
      "[click me](javascript:alert('link'))",
      "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![remote](http://example.invalid/x.png)",
      "![protocol relative](//example.invalid/y.png)",
      "![data](data:image/png;base64,iVBORw0KGgo=)",
      "<a href=\"javascript:alert('raw')\" onclick=\"alert('raw')\">raw link</a>",
      "<svg onload=\"alert('svg')\"></svg>",
    ].join("\n\n");
    const item = await api<{ id: string }>("alice", "POST", "/api/items", {
      kind: "analysis-report",
      title: "Payload collection <b>bold?</b>",
      body: hostile,
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      details: {},
    });
    await api("bob", "POST", `/api/items/${item.id}/comments`, { body: hostile });

    const bob = await loginAs(people.bob);
    const problems: string[] = [];
    bob.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const origin = new URL(url).origin;
    bob.on("request", (request) => {
      const target = request.url();
      if (!target.startsWith(`${origin}/`)) problems.push(`request to ${target}`);
    });
    await openItem(bob, item.id);
    await bob.getByTestId("comment").first().waitFor();
    await bob.waitForLoadState("networkidle");
    await bob.waitForTimeout(300);

    const findings = await bob.evaluate(() => {
      const out: string[] = [];
      for (const element of Array.from(document.querySelectorAll("*"))) {
        for (const attribute of Array.from(element.attributes)) {
          if (attribute.name.toLowerCase().startsWith("on")) out.push(`${element.tagName} has ${attribute.name}`);
          if (
            /^\s*(javascript|data|vbscript):/i.test(attribute.value) &&
            ["href", "src", "action", "xlink:href"].includes(attribute.name)
          )
            out.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      for (const tag of ["script", "iframe", "object", "embed"]) {
        for (const element of Array.from(document.querySelectorAll(`main ${tag}`))) out.push(`main has <${element.tagName}>`);
      }
      for (const img of Array.from(document.querySelectorAll("img"))) {
        const src = img.getAttribute("src");
        if (src && new URL(src, location.href).origin !== location.origin) out.push(`remote image ${src}`);
      }
      return out;
    });
    assert.deepEqual(findings, []);
    assert.deepEqual(problems, []);
    // Raw HTML is shown as text, not dropped silently.
    const body = await bob.getByRole("region", { name: "Content" }).innerText();
    assert.match(body, /<script>alert\('script'\)<\/script>/);
    assert.match(body, /Image not loaded: remote/);
    assert.equal(await bob.getByTestId("item-title").innerText(), "Payload collection <b>bold?</b>");
    await shot(bob, "hostile");
  });
});
