// A year of history for the participation dashboard and the insight report: older CLEAR/GREEN
// incidents, threats, vulnerabilities and warnings across sectors, first reads and reactions on
// what the whole exchange may read, and two organisations that agreed to be named in insight
// reports. Some members stay silent on purpose, so the dashboard has someone to flag. Runs inside
// seedDemo's transaction, as the owner; deterministic, so every demo looks the same.
import { randomUUID } from "node:crypto";
import { type ItemKind, KINDS, statusOf } from "../../shared/kinds.js";
import type { Tx } from "../db/database.js";
import { DEMO_ORGANISATIONS } from "./demo-data.js";

type Ids = {
  org: (key: string) => string;
  person: (email: string) => { id: string; organisationId: string };
  email: (organisationKey: string) => string[];
};

/** Organisations that read but never share, and one that does neither (for the inactivity flag). */
const LISTENERS = new Set(["pharmalog", "csd", "harbour"]);
const SILENT = new Set(["riverbasin"]);
const HISTORY_ITEMS = 72;

const TEMPLATES: Record<"incident" | "threat" | "vulnerability" | "warning", string[]> = {
  incident: [
    "Ransomware on a billing system, operations unaffected",
    "DDoS on the customer portal",
    "Phishing wave led to one compromised mailbox",
    "Supplier remote-access account misused",
    "Outage after a failed firmware update",
  ],
  threat: [
    "Credential-stuffing campaign against sector portals",
    "Spear-phishing lures about regulatory audits",
    "Scanning of exposed industrial gateways",
    "Fake invoice fraud targeting procurement",
  ],
  vulnerability: [
    "Authentication bypass in a VPN appliance",
    "Remote code execution in a file-transfer product",
    "Default credentials in a building-management controller",
  ],
  warning: ["Patch the VPN appliance now", "Expect phishing around the tax deadline", "Holiday-season on-call reminder"],
};

/** A small deterministic generator (LCG), so the seeded history is the same every time. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function detailsFor(kind: keyof typeof TEMPLATES, created: Date, r: () => number): Record<string, unknown> {
  if (kind === "incident") {
    const started = new Date(created.getTime() - (2 + Math.floor(r() * 70)) * 3_600_000);
    return {
      startedAt: started.toISOString(),
      status: "resolved",
      affectedServices: [],
      impact: { severity: 1 + Math.floor(r() * 4), crossBorder: r() < 0.15 },
    };
  }
  if (kind === "threat") return { motivation: "criminal", confidence: "medium" };
  if (kind === "vulnerability") return { cveIds: [], affectedProducts: [], exploitation: "unknown" };
  return { urgency: "routine", requiresAcknowledgement: false };
}

/** Seeds the year of history, reads and reactions relative to `now`; returns how many items it added. */
export async function seedParticipation(trx: Tx, ids: Ids, now: Date): Promise<number> {
  const r = generator(20_261_122);
  const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const contributors = DEMO_ORGANISATIONS.filter((o) => !o.secretariat && !LISTENERS.has(o.key) && !SILENT.has(o.key));
  const kinds = Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[];
  for (let n = 0; n < HISTORY_ITEMS; n++) {
    const org = contributors[Math.floor(r() * contributors.length)] ?? (contributors[0] as (typeof contributors)[number]);
    const author = ids.person(ids.email(org.key)[0] as string);
    const kind = kinds[Math.floor(r() * kinds.length)] as keyof typeof TEMPLATES;
    const created = at(70 + Math.floor(r() * 290));
    const details = KINDS[kind].details.parse(detailsFor(kind, created, r)) as Record<string, unknown>;
    const titles = TEMPLATES[kind];
    const common = {
      title: titles[Math.floor(r() * titles.length)] as string,
      body: "Shared from the exchange's history (demo data).",
      sectors: org.sectors,
      tlp: r() < 0.3 ? ("TLP:CLEAR" as const) : ("TLP:GREEN" as const),
      audience_exchange: true,
      audience_organisations: [],
      audience_groups: [],
      audience_persons: [],
      author_id: author.id,
      author_organisation_id: author.organisationId,
      details,
    };
    const id = randomUUID();
    await trx
      .insertInto("items")
      .values({
        ...common,
        id,
        kind,
        created_at: created,
        updated_at: created,
        status: statusOf(kind as ItemKind, details),
        anonymous: false,
        pseudonym: null,
        statistics_consent: true,
        closed_at: null,
        summary: null,
      })
      .execute();
    await trx
      .insertInto("item_versions")
      .values({ ...common, item_id: id, version: 1, edited_by: author.id, edited_at: created })
      .execute();
  }

  // First reads and reactions on what the whole exchange may read, by persons who accepted the documents.
  const everyoneItems = await trx
    .selectFrom("items")
    .select(["id", "author_organisation_id", "created_at"])
    .where("audience_exchange", "=", true)
    .execute();
  const readers = await trx
    .selectFrom("persons as p")
    .innerJoin("document_acceptances as a", "a.person_id", "p.id")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["p.id", "p.organisation_id", "o.name"])
    .distinct()
    .execute();
  const silentIds = new Set([...SILENT].map((k) => ids.org(k)));
  const reads: { item_id: string; person_id: string; organisation_id: string; first_read_at: Date }[] = [];
  const reactions: {
    item_id: string;
    person_id: string;
    organisation_id: string;
    reaction: "useful" | "seen";
    context: string;
    created_at: Date;
  }[] = [];
  for (const item of everyoneItems) {
    for (const p of readers) {
      if (silentIds.has(p.organisation_id) || p.organisation_id === item.author_organisation_id || r() > 0.55) continue;
      const readAt = new Date(Math.min(now.getTime(), item.created_at.getTime() + r() * 5 * 86_400_000));
      reads.push({ item_id: item.id, person_id: p.id, organisation_id: p.organisation_id, first_read_at: readAt });
      if (r() < 0.08)
        reactions.push({
          item_id: item.id,
          person_id: p.id,
          organisation_id: p.organisation_id,
          reaction: r() < 0.6 ? "useful" : "seen",
          context: "",
          created_at: readAt,
        });
    }
  }
  for (let i = 0; i < reads.length; i += 500)
    await trx
      .insertInto("item_reads")
      .values(reads.slice(i, i + 500))
      .execute();
  for (let i = 0; i < reactions.length; i += 500)
    await trx
      .insertInto("item_reactions")
      .values(reactions.slice(i, i + 500))
      .onConflict((oc) => oc.doNothing())
      .execute();
  await trx
    .updateTable("organisations")
    .set({ named_in_insight: true })
    .where("id", "in", [ids.org("nordgrid"), ids.org("telenova")])
    .execute();
  return HISTORY_ITEMS;
}
