// Demo federation: one peer exchange (registered, not contacted: its address is an example), the
// items that arrived from it, indicators a member imported from a CERT's feed, and one AMBER item
// its originator released to the peer.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/database.js";
import { PEER_TOKEN_PREFIX } from "../http/auth.js";
import { versionRow } from "../repositories/items.repository.js";
import { hashSecret, randomSecret } from "../security/secrets.js";

type Ids = {
  person: (email: string) => { id: string; organisationId: string };
};

/** Seeds the demo's federation; returns how many items it added. */
export async function seedFederation(trx: Tx, ids: Ids, now: Date): Promise<number> {
  const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const steward = ids.person("secretariat@ncsc.example");
  const peerId = randomUUID();
  const peerName = "Pan-European Energy ISAC";
  await trx
    .insertInto("federation_peers")
    .values({
      id: peerId,
      name: peerName,
      api_root: "https://isac.example.eu/taxii2/api/",
      partner: true,
      // The example address answers nothing: the demo does not poll it.
      pull: false,
      push: false,
      inbound_prefix: `${PEER_TOKEN_PREFIX}demo0000`,
      inbound_token_hash: hashSecret(randomSecret(32)),
      steward_id: steward.id,
      created_at: at(40),
    })
    .execute();
  const anna = ids.person("anna@nordgrid.example");
  const items = [
    {
      by: steward,
      federated: true,
      source: `EE-ISAC analysts (via ${peerName})`,
      kind: "threat",
      title: "Wiper campaign against European DSOs",
      body: "A destructive wiper reached two distribution system operators through their remote-access appliances.",
      tlp: "TLP:GREEN" as const,
      details: { threatActor: "Unattributed", motivation: "unknown", confidence: "medium" },
      stix: "threat-actor",
      days: 6,
    },
    {
      by: steward,
      federated: true,
      source: `EE-ISAC analysts (via ${peerName})`,
      kind: "indicator",
      title: "Wiper loader hash",
      body: "Loader seen at both operators.",
      tlp: "TLP:GREEN" as const,
      details: {
        pattern: "[file:hashes.'SHA-256' = '3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a']",
        patternType: "stix",
        validFrom: at(6).toISOString(),
        indicatorTypes: ["malicious-activity"],
      },
      stix: "indicator",
      days: 6,
    },
    {
      by: anna,
      federated: false,
      source: "CERT feed (MISP)",
      kind: "indicator",
      title: "domain: grid-portal-login.example",
      body: "Credential phishing page imitating a grid operator's portal.",
      tlp: "TLP:AMBER" as const,
      details: {
        pattern: "[domain-name:value = 'grid-portal-login.example']",
        patternType: "stix",
        validFrom: at(3).toISOString(),
        indicatorTypes: ["malicious-activity"],
      },
      stix: "indicator",
      days: 3,
    },
  ];
  for (const item of items) {
    const id = randomUUID();
    const created = at(item.days);
    const stixId = `${item.stix}--${randomUUID()}`;
    const row = {
      id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      sectors: ["energy"],
      tlp: item.tlp,
      audience_exchange: true,
      audience_organisations: [],
      audience_groups: [],
      audience_persons: [],
      author_id: item.by.id,
      author_organisation_id: item.by.organisationId,
      created_at: created,
      updated_at: created,
      version: 1,
      details: item.details,
      status: null,
      anonymous: false,
      pseudonym: null,
      statistics_consent: false,
      closed_at: null,
      summary: null,
      stix_id: stixId,
      stix_modified: created,
      source_name: item.source,
      federated_from: item.federated ? peerId : null,
      stix_extra: { created: created.toISOString() },
    };
    await trx.insertInto("items").values(row).execute();
    await trx
      .insertInto("item_versions")
      .values(versionRow(row, 1, row.author_id, created, created))
      .execute();
    // Anna's organisation releases its AMBER indicator to the partner ISAC.
    if (item.tlp === "TLP:AMBER") {
      await trx
        .insertInto("item_releases")
        .values({ item_id: id, peer_id: peerId, released_by: anna.id, released_at: at(2) })
        .execute();
    }
  }
  return items.length;
}
