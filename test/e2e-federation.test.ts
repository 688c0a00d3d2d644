// End to end in Debian's Chromium for STIX import and federation: a member imports a STIX bundle through the Import page
// and finds the indicator in the feed as imported from its creator; a bundle with a bad object lists the problem by path
// and imports nothing; the secretariat registers a peer exchange and sees its token once; the originator of a TLP:AMBER
// item releases it to that peer; a federated item is read-only even for the organisation that stewards it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { Database } from "../src/server/db/database.js";
import { currentTotpCode, newTotpSecret } from "../src/server/security/totp.js";
import { tlpMarkingDefinition } from "../src/shared/stix.js";
import { bearerApi, browserSkip, startBrowserHarness } from "./support/browser.js";
import {
  acceptDocuments,
  buildItem,
  buildMembers,
  buildOrganisation,
  buildPerson,
  publishDocuments,
  TEST_PASSWORD,
} from "./support/builders.js";

const CREATOR = "Northern Grid CERT";
const INDICATOR = "Relay C2 beacon address";
const PEER = "Nordic Energy ISAC";

/** A bundle of one TLP:GREEN indicator created by an identity (so the item shows where it came from). */
function greenIndicatorBundle(): Record<string, unknown> {
  const green = tlpMarkingDefinition("TLP:GREEN");
  const identity = {
    type: "identity",
    spec_version: "2.1",
    id: "identity--0b1c9b3e-4b8e-4f55-9d6a-2f3c1e7a9b10",
    created: "2026-01-05T09:00:00.000Z",
    modified: "2026-01-05T09:00:00.000Z",
    name: CREATOR,
    identity_class: "organization",
  };
  const indicator = {
    type: "indicator",
    spec_version: "2.1",
    id: "indicator--6f0e4c2a-8d1b-4e3f-a5c7-9b2d4f6e8a01",
    created_by_ref: identity.id,
    created: "2026-01-06T10:00:00.000Z",
    modified: "2026-01-06T10:00:00.000Z",
    name: INDICATOR,
    description: "Beaconing from protection relays to this address.",
    indicator_types: ["malicious-activity"],
    pattern: "[ipv4-addr:value = '198.51.100.23']",
    pattern_type: "stix",
    valid_from: "2026-01-06T10:00:00Z",
    object_marking_refs: [green.id],
  };
  return { type: "bundle", id: "bundle--3a9e2f1c-7b4d-4c8a-9e6f-1d2b3c4a5e60", objects: [green, identity, indicator] };
}

/** The same kind of bundle with one indicator that lacks its pattern. */
function badBundle(): Record<string, unknown> {
  const green = tlpMarkingDefinition("TLP:GREEN");
  const indicator = {
    type: "indicator",
    spec_version: "2.1",
    id: "indicator--7a1f5d3b-9e2c-4f40-b6d8-0c3e5a7f9b12",
    created: "2026-01-07T10:00:00.000Z",
    modified: "2026-01-07T10:00:00.000Z",
    name: "An indicator without a pattern",
    pattern_type: "stix",
    valid_from: "2026-01-07T10:00:00Z",
    object_marking_refs: [green.id],
  };
  return { type: "bundle", id: "bundle--4b0f3a2d-8c5e-4d9b-af70-2e3c4d5b6f71", objects: [green, indicator] };
}

const asFile = (name: string, bundle: Record<string, unknown>) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(JSON.stringify(bundle)),
});

describe("STIX import and federation in Chromium", { skip: browserSkip }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>>;
  let db: Database;
  let url: string;
  const secretariatEmail = "sofia@secretariat.example";
  // The secretariat must use a second factor.
  const secretariatSecret = newTotpSecret();
  let secretariat: { id: string; organisationId: string };
  let people: Awaited<ReturnType<typeof buildMembers>>;
  let amberItem: string;
  const tokens: Record<string, string> = {};
  const api = bearerApi<"alice" | "bob">(() => url, tokens);

  before(async () => {
    db = await Database.openPGlite(undefined);
    await db.migrate();
    const orgs = {
      alpha: await buildOrganisation(db, { name: "Alpha Grid" }),
      beta: await buildOrganisation(db, { name: "Beta Bank" }),
      secretariat: await buildOrganisation(db, { name: "Exchange Secretariat", kind: "public", secretariat: true }),
    };
    const docs = await publishDocuments(db);
    people = await buildMembers(
      db,
      orgs,
      [
        ["alice", "alpha", "member"],
        ["bob", "beta", "member"],
      ],
      docs,
    );
    tokens.alice = people.alice!.token;
    tokens.bob = people.bob!.token;
    const sofia = await buildPerson(db, {
      organisationId: orgs.secretariat,
      email: secretariatEmail,
      name: "Sofia Secretariat",
      role: "secretariat",
      totpSecret: secretariatSecret,
    });
    await acceptDocuments(db, sofia.id, docs);
    secretariat = { id: sofia.id, organisationId: orgs.secretariat };
    amberItem = await buildItem(db, {
      authorId: people.alice!.id,
      authorOrganisationId: orgs.alpha,
      tlp: "TLP:AMBER",
      audience: { exchange: true },
      title: "Credential stuffing against the grid portal",
    });
    harness = await startBrowserHarness(db);
    url = harness.url;
  });
  after(() => harness?.close());

  /** Logs the secretariat in with password and authentication code, in a fresh context of the harness's browser. */
  const loginSecretariat = async (someone: Page): Promise<Page> => {
    const browser = someone.context().browser();
    assert.ok(browser);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel("E-mail address").fill(secretariatEmail);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: /log in/i }).click();
    await page.getByLabel("Authentication code").fill(currentTotpCode(secretariatSecret));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("link", { name: /post/i }).first().waitFor();
    return page;
  };
  let secretariatPage: Page | undefined;
  const asSecretariat = async (someone: Page): Promise<Page> => {
    // One login only: an authentication code is accepted once.
    secretariatPage ??= await loginSecretariat(someone);
    return secretariatPage;
  };

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `.tmp/e2e-federation-${name}.png`, fullPage: true }).catch(() => undefined);
  const feedCount = async () => (await api<{ items: unknown[] }>("alice", "GET", "/api/items?limit=200")).items.length;

  it("imports a STIX bundle through the Import page and shows the indicator as imported from its creator", async () => {
    const alice = await harness.loginAs(people.alice!.email);
    await alice.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    await alice.getByRole("heading", { name: "Import", level: 1 }).waitFor();
    assert.ok(await alice.getByRole("radio", { name: "STIX 2.1 bundle" }).isChecked(), "STIX is the default format");
    assert.equal(await alice.getByLabel("Label for objects without a TLP marking").inputValue(), "", "no label by default");
    await alice.getByText("Roundtable never guesses a label").waitFor();

    await alice.getByLabel("File").setInputFiles(asFile("green-indicator.json", greenIndicatorBundle()));
    await alice.getByRole("button", { name: "Import", exact: true }).click();
    const counts = alice.getByTestId("import-counts");
    await counts.waitFor();
    assert.match(await counts.innerText(), /\b1 created\b/);
    await shot(alice, "import-done");

    await alice.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feed" }).click();
    const entry = alice.getByTestId("feed-item").filter({ hasText: INDICATOR });
    await entry.waitFor();
    assert.match(await entry.innerText(), new RegExp(`Imported from ${CREATOR}`));
    assert.equal(await entry.getByTestId("tlp-badge").innerText(), "TLP:GREEN");

    await entry.getByRole("link", { name: INDICATOR }).click();
    await alice.getByTestId("item-title").filter({ hasText: INDICATOR }).waitFor();
    assert.equal(await alice.getByTestId("item-source").innerText(), `Imported from ${CREATOR}`);
    assert.match(await alice.getByTestId("details-panel").innerText(), /198\.51\.100\.23/);
    const exportLink = alice.getByRole("link", { name: "Export as STIX" });
    assert.match((await exportLink.getAttribute("href")) ?? "", /^\/api\/stix\/export\?item=[0-9a-f-]{36}$/);
    await shot(alice, "imported-item");
  });

  it("lists every problem of a bad bundle by path and imports nothing", async () => {
    const before = await feedCount();
    const alice = await harness.loginAs(people.alice!.email);
    await alice.goto(`${url}/import`);
    await alice.getByLabel("File").setInputFiles(asFile("bad.json", badBundle()));
    await alice.getByRole("button", { name: "Import", exact: true }).click();
    const issues = alice.getByTestId("import-issues");
    await issues.waitFor();
    assert.match(await issues.innerText(), /objects\[1\]\.pattern/);
    await alice.getByText(/Nothing was imported/).waitFor();
    await alice.getByRole("heading", { name: "“bad.json” was not imported" }).waitFor();
    await shot(alice, "import-issues");
    assert.equal(await feedCount(), before, "the feed did not change");
  });

  it("lets the secretariat register a peer exchange and shows its token once", async () => {
    const bob = await harness.loginAs(people.bob!.email);
    const memberNav = bob.getByRole("navigation", { name: "Main" });
    await memberNav.getByRole("link", { name: "Import" }).waitFor();
    assert.equal(await memberNav.getByRole("link", { name: "Peers" }).count(), 0, "a member has no Peers entry");
    await bob.goto(`${url}/federation`);
    await bob.getByText("This page is for the secretariat only.").waitFor();

    const page = await asSecretariat(bob);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Peers" }).click();
    await page.getByRole("heading", { name: "Peer exchanges", level: 1 }).waitFor();
    await page.getByText("No peer exchange is registered yet.").waitFor();
    await page.getByLabel("Name", { exact: true }).fill(PEER);
    await page.getByLabel("TAXII API root").fill("https://isac.example/taxii2/energy/");
    await page.getByRole("checkbox", { name: "Partner community" }).check();
    await page.getByRole("button", { name: "Register peer" }).click();

    const token = await page.getByTestId("new-peer-token").innerText();
    assert.match(token, /^rtp_[A-Za-z0-9_-]+$/);
    const row = page.getByTestId("peer-row").filter({ hasText: PEER });
    await row.waitFor();
    assert.match(await row.innerText(), /Partner community/);
    assert.match(await row.innerText(), /Pull and push/);
    assert.match(await row.innerText(), /https:\/\/isac\.example\/taxii2\/energy\//);
    await shot(page, "peer-registered");

    await page.getByRole("button", { name: "I have copied it" }).click();
    assert.equal(await page.getByTestId("new-peer-token").count(), 0);
    await page.reload();
    await page.getByTestId("peer-row").filter({ hasText: PEER }).waitFor();
    assert.ok(!(await page.locator("main").innerText()).includes(token), "the token is never shown again");
  });

  it("lets the originator release a TLP:AMBER item to the peer, and the release appears", async () => {
    const bob = await harness.loginAs(people.bob!.email);
    await bob.goto(`${url}/items/${amberItem}`);
    await bob.getByTestId("item-title").waitFor();
    await bob.waitForLoadState("networkidle");
    assert.equal(await bob.getByTestId("releases").count(), 0, "only the originating organisation manages releases");

    const alice = await harness.loginAs(people.alice!.email);
    await alice.goto(`${url}/items/${amberItem}`);
    const section = alice.getByTestId("releases");
    await section.waitFor();
    await section.getByText("This item is not released to any peer exchange.").waitFor();
    assert.match(await section.innerText(), /TLP:AMBER\+STRICT and TLP:RED never leave/);
    await section.getByLabel("Peer exchange").selectOption({ label: `${PEER} (partner community)` });
    await section.getByRole("button", { name: "Release", exact: true }).click();
    const release = section.getByTestId("release");
    await release.waitFor();
    assert.match(await release.innerText(), new RegExp(`Released to ${PEER}`));
    await shot(alice, "released");

    const releases = await api<{ name: string }[]>("alice", "GET", `/api/items/${amberItem}/releases`);
    assert.deepEqual(
      releases.map((r) => r.name),
      [PEER],
    );

    await release.getByRole("button", { name: "Withdraw" }).click();
    await release.getByRole("button", { name: "Yes, withdraw" }).click();
    await section.getByText(`The release to ${PEER} is withdrawn.`).waitFor();
    await section.getByText("This item is not released to any peer exchange.").waitFor();
    assert.deepEqual(await api("alice", "GET", `/api/items/${amberItem}/releases`), []);
  });

  it("shows a federated item read-only with where it came from, even to its steward", async () => {
    const peer = await db.kysely.selectFrom("federation_peers").select("id").where("name", "=", PEER).executeTakeFirstOrThrow();
    const id = await buildItem(db, {
      authorId: secretariat.id,
      authorOrganisationId: secretariat.organisationId,
      tlp: "TLP:GREEN",
      audience: { exchange: true },
      title: "Wiper samples from the partner community",
    });
    await db.kysely.updateTable("items").set({ federated_from: peer.id, source_name: PEER }).where("id", "=", id).execute();

    const bob = await harness.loginAs(people.bob!.email);
    const page = await asSecretariat(bob);
    await page.goto(`${url}/items/${id}`);
    await page.getByTestId("item-title").waitFor();
    await page.waitForLoadState("networkidle");
    assert.equal(await page.getByTestId("item-source").innerText(), `From ${PEER}`);
    await page.getByText("It is read-only here").waitFor();
    assert.equal(await page.getByRole("link", { name: "Edit", exact: true }).count(), 0, "no Edit link");
    assert.equal(await page.getByRole("button", { name: "Change label" }).count(), 0, "no relabelling");
    await page.getByRole("link", { name: "Export as STIX" }).waitFor();
    await shot(page, "federated-item");

    await page.goto(url);
    const entry = page.getByTestId("feed-item").filter({ hasText: "Wiper samples from the partner community" });
    await entry.waitFor();
    assert.match(await entry.innerText(), new RegExp(`From ${PEER}`));
  });
});
