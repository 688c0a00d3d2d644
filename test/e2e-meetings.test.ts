// End to end in Debian's Chromium for meetings and urgent calls: a roll-call answer reaching the convener live
// (Server-Sent Events, no reload), the notification centre, and a TLP:RED agenda item whose title and minutes
// reach its named recipient only — not even a colleague of the recipient at the same meeting.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { Database } from "../src/server/db/database.js";
import { bearerApi, browserSkip, startBrowserHarness } from "./support/browser.js";
import { acceptDocuments, buildOrganisation, buildPerson, buildToken, publishDocuments } from "./support/builders.js";

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

describe("meetings and urgent calls in Chromium", { skip: browserSkip }, () => {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>>;
  let url: string;
  const people = {
    alice: "alice@alpha.example",
    bob: "bob@beta.example",
    carol: "carol@beta.example",
    dave: "dave@gamma.example",
    sam: "sam@secretariat.example",
  };
  const personIds: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  /** Calls the API as a person (Bearer token), failing the test on an error answer. */
  const api = bearerApi<keyof typeof people>(() => url, tokens);

  before(async () => {
    const db = await Database.openPGlite(undefined);
    await db.migrate();
    const alpha = await buildOrganisation(db, { name: "Alpha Grid" });
    const beta = await buildOrganisation(db, { name: "Beta Bank" });
    const gamma = await buildOrganisation(db, { name: "Gamma Water" });
    const secretariat = await buildOrganisation(db, { name: "Exchange Secretariat", kind: "public", secretariat: true });
    const docs = await publishDocuments(db);
    for (const [key, email, organisation, name, role] of [
      ["alice", people.alice, alpha, "Alice Adams", "member"],
      ["bob", people.bob, beta, "Bob Brown", "member"],
      ["carol", people.carol, beta, "Carol Clark", "member"],
      ["dave", people.dave, gamma, "Dave Dunn", "member"],
      ["sam", people.sam, secretariat, "Sam Secretary", "secretariat"],
    ] as const) {
      const p = await buildPerson(db, { organisationId: organisation, email, name, role });
      await acceptDocuments(db, p.id, docs);
      personIds[key] = p.id;
      tokens[key] = await buildToken(db, p.id);
    }
    harness = await startBrowserHarness(db);
    url = harness.url;
  });
  after(() => harness?.close());

  const loginAs = (email: string): Promise<Page> => harness.loginAs(email);

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `.tmp/e2e-meetings-${name}.png`, fullPage: true }).catch(() => undefined);

  it("shows a roll-call answer to the convener live, without a reload", async () => {
    // Session A: Alice convenes the call through the form.
    const alice = await loginAs(people.alice);
    await alice.goto(`${url}/calls/new`);
    await alice.getByLabel("Title").fill("Relay firmware exploited in the wild");
    await alice.getByLabel("Bridge details").fill("Dial +00 555 0100, PIN 4242#");
    await alice.getByRole("radio", { name: "Chosen invitees" }).check();
    await alice.getByRole("checkbox", { name: "Bob Brown (Beta Bank)" }).check();
    await alice.getByRole("checkbox", { name: "Dave Dunn (Gamma Water)" }).check();
    await alice.getByRole("button", { name: "Convene the call" }).click();
    await alice.getByTestId("call-title").filter({ hasText: "Relay firmware exploited in the wild" }).waitFor();
    const callId = new URL(alice.url()).pathname.split("/").pop() ?? "";
    assert.match(await alice.getByTestId("red-banner").innerText(), /TLP:RED — for invitees only/);
    const bobRow = alice.getByTestId("roll-call-row").filter({ hasText: "Bob Brown" });
    assert.match(await bobRow.innerText(), /Not answered/);
    assert.equal(await alice.getByTestId("roll-call-row").count(), 2, "the two invitees are on the roll-call");
    // A marker that a reload would wipe out.
    await alice.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });

    // Session B: Bob, an invitee, finds the urgent notification, opens the call and answers.
    const bob = await loginAs(people.bob);
    await bob.getByTestId("unread-count").waitFor();
    await bob.getByTestId("notification-bell").click();
    const invitation = bob.getByTestId("notification").filter({ hasText: "Relay firmware exploited in the wild" });
    await invitation.waitFor();
    assert.equal(await invitation.getAttribute("data-unread"), "true");
    assert.match(await invitation.innerText(), /Urgent/);
    await invitation.getByRole("link").click();
    await bob.waitForURL(`${url}/calls/${callId}`);
    await bob.getByTestId("call-title").waitFor();
    assert.match(await bob.getByTestId("bridge").innerText(), /PIN 4242#/);
    await bob.getByRole("radio", { name: "Affected", exact: true }).check();
    await bob.getByLabel("Note (optional)").fill("Two substations isolated");
    await bob.getByRole("button", { name: "Send my answer" }).click();
    await bob.getByTestId("roll-call-row").filter({ hasText: "Two substations isolated" }).waitFor();
    await shot(bob, "call-invitee");

    // Session A sees the answer arrive through the live stream.
    await bobRow.filter({ hasText: "Two substations isolated" }).waitFor({ timeout: 15_000 });
    assert.match(await bobRow.innerText(), /Affected/);
    assert.match(await alice.getByTestId("roll-call-tally").innerText(), /1 affected/);
    assert.equal(
      await alice.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
      true,
      "the page was not reloaded",
    );
    await alice.getByTestId("unread-count").waitFor();
    await shot(alice, "call-convener");

    // Bob's colleague Carol was not invited: for her the call does not exist.
    const carol = await loginAs(people.carol);
    await carol.goto(`${url}/calls/${callId}`);
    await carol.getByRole("heading", { name: "Call not found" }).waitFor();
    assert.doesNotMatch(await carol.locator("main").innerText(), /Relay firmware|4242/);
  });

  it("hides a TLP:RED agenda item and its minutes from everyone but its named recipient", async () => {
    const meeting = await api<{ id: string }>("sam", "POST", "/api/meetings", {
      title: "Regular meeting Q4",
      format: "hybrid",
      startsAt: inDays(7),
      endsAt: inDays(7, 3),
      location: "Secretariat, room 2",
    });
    const open = await api<{ id: string; status: string }>("sam", "POST", `/api/meetings/${meeting.id}/agenda`, {
      part: "operational",
      title: "Sector situation overview",
      description: "Round of the sectors.",
      presenterId: personIds.dave,
      tlp: "TLP:GREEN",
      audience: { exchange: true },
    });
    assert.equal(open.status, "accepted", "an item proposed by the secretariat is on the agenda at once");
    await api("sam", "PUT", `/api/agenda-items/${open.id}/minutes`, { minutes: "Every sector reported a **quiet** quarter." });
    const red = await api<{ id: string }>("sam", "POST", `/api/meetings/${meeting.id}/agenda`, {
      part: "strategic",
      title: "Quokkastrike intrusion debrief",
      description: "Only for Bob.",
      presenterId: personIds.bob,
      chathamHouse: true,
      tlp: "TLP:RED",
      audience: { persons: [personIds.bob] },
    });
    await api("sam", "PUT", `/api/agenda-items/${red.id}/minutes`, {
      minutes: "The attacker reused the **zanzibarwombat** implant.",
    });
    await api("sam", "POST", `/api/agenda-items/${red.id}/decisions`, { text: "Share the wombat indicators bilaterally." });

    // The recipient sees the RED item, its Chatham House flag, minutes and decision.
    const bob = await loginAs(people.bob);
    await bob.goto(`${url}/meetings/${meeting.id}`);
    const redItem = bob.getByTestId("agenda-item").filter({ hasText: "Quokkastrike intrusion debrief" });
    await redItem.waitFor();
    const redText = await redItem.innerText();
    assert.match(redText, /TLP:RED/);
    assert.match(redText, /Chatham House rule/);
    assert.match(redText, /zanzibarwombat/);
    assert.match(redText, /Share the wombat indicators bilaterally/);
    assert.match(await bob.getByTestId("part-strategic").innerText(), /Quokkastrike/);
    await shot(bob, "meeting-recipient");

    // Bob's colleague Carol, at the same meeting, sees the open item but nothing of the RED one.
    const carol = await loginAs(people.carol);
    await carol.goto(`${url}/meetings/${meeting.id}`);
    await carol.getByTestId("agenda-item").filter({ hasText: "Sector situation overview" }).waitFor();
    await carol.getByTestId("minutes").filter({ hasText: "quiet" }).waitFor();
    await carol.waitForLoadState("networkidle");
    assert.equal(await carol.getByTestId("agenda-item").count(), 1, "one agenda item for Carol");
    const page = await carol.locator("body").innerText();
    const html = await carol.content();
    for (const secret of ["Quokkastrike", "zanzibarwombat", "wombat indicators", "Only for Bob"]) {
      assert.ok(!page.includes(secret), `Carol's meeting page shows “${secret}”`);
      assert.ok(!html.includes(secret), `Carol's meeting page's HTML holds “${secret}”`);
    }
    // She answers the invitation and finds the meeting in the calendar.
    await carol.getByRole("button", { name: "I will attend" }).click();
    await carol.getByTestId("my-rsvp").filter({ hasText: "Attending" }).waitFor();
    await shot(carol, "meeting-colleague");
    await carol.goto(`${url}/meetings?year=${new Date(inDays(7)).getFullYear()}`);
    const entry = carol.getByTestId("meeting-entry").filter({ hasText: "Regular meeting Q4" });
    await entry.waitFor();
    assert.match(await entry.innerText(), /Attending/);
    await shot(carol, "calendar");
  });
});
