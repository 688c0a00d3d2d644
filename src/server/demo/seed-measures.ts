// Demo preparedness measures (one adopted with reports, one proposed), services with typed
// dependencies across energy, telecom and finance, and IIM coefficients, so issue #5's pages
// have something to show. Runs inside seedDemo's transaction, as the owner.
import { randomUUID } from "node:crypto";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Tx } from "../db/database.js";

type Ids = {
  org: (key: string) => string;
  person: (email: string) => { id: string; organisationId: string };
  item: (title: string) => string;
};

type AudienceColumns = {
  audience_exchange: boolean;
  audience_organisations: string[];
  audience_groups: string[];
  audience_persons: string[];
};
const EXCHANGE: AudienceColumns = {
  audience_exchange: true,
  audience_organisations: [],
  audience_groups: [],
  audience_persons: [],
};
const onlyOrg = (organisationId: string): AudienceColumns => ({
  audience_exchange: false,
  audience_organisations: [organisationId],
  audience_groups: [],
  audience_persons: [],
});

/** Seeds measures, services, dependencies and IIM coefficients relative to `now`. */
export async function seedMeasures(trx: Tx, ids: Ids, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const day = (days: number) => at(days).toISOString().slice(0, 10);
  const anna = ids.person("anna@nordgrid.example");
  const ben = ids.person("ben@telenova.example");
  const chair = ids.person("chair.public@centralbank.example");

  const measure = async (
    title: string,
    body: string,
    author: { id: string; organisationId: string },
    applies: { sectors: string[]; kinds: string[] },
    daysAgo: number,
  ) => {
    const id = randomUUID();
    const details = {
      appliesToSectors: applies.sectors,
      appliesToKinds: applies.kinds,
      rationale: "Recent incidents showed the gap.",
    };
    const common = {
      title,
      body,
      sectors: applies.sectors,
      tlp: "TLP:GREEN" as TlpLabel,
      ...EXCHANGE,
      author_id: author.id,
      author_organisation_id: author.organisationId,
      details,
    };
    await trx
      .insertInto("items")
      .values({
        ...common,
        id,
        kind: "measure",
        created_at: at(daysAgo),
        updated_at: at(daysAgo),
        status: "proposed",
        anonymous: false,
        pseudonym: null,
        statistics_consent: true,
        closed_at: null,
        summary: null,
      })
      .execute();
    await trx
      .insertInto("item_versions")
      .values({ ...common, item_id: id, version: 1, edited_by: author.id, edited_at: at(daysAgo) })
      .execute();
    await trx
      .insertInto("measures")
      .values({
        item_id: id,
        stage: "proposed",
        applies_to_sectors: applies.sectors,
        applies_to_kinds: applies.kinds,
        decision_note: "",
      })
      .execute();
    return id;
  };

  const segmentation = await measure(
    "Segment OT networks from corporate IT",
    "Every operator separates its OT networks from corporate IT with a monitored conduit and no direct remote access.",
    anna,
    { sectors: ["energy"], kinds: ["private"] },
    60,
  );
  await trx
    .insertInto("item_links")
    .values({
      id: randomUUID(),
      from_item_id: segmentation,
      to_item_id: ids.item("Hardening guide for substation remote access"),
      relation: "mitigates",
      created_by: anna.id,
      created_at: at(60),
    })
    .execute();
  await trx
    .updateTable("measures")
    .set({
      stage: "adopted",
      adopted_at: at(45),
      adopted_by: chair.id,
      decision_note: "Adopted by the chairs between meetings after the intrusion reported in the autumn meeting.",
      review_interval_months: 6,
      target_date: day(-120),
      next_review_on: day(-138),
    })
    .where("item_id", "=", segmentation)
    .execute();
  await trx.updateTable("items").set({ status: "adopted" }).where("id", "=", segmentation).execute();
  for (const [email, status, evidence, daysAgo] of [
    ["anna@nordgrid.example", "implemented", "Conduit in place since September; firewall rule review CHG-2291.", 30],
    ["lea.fischer@sunvolt.example", "in-progress", "Two of five plants done.", 20],
    ["liis.tamm@balticgas.example", "implemented", "Done during the summer maintenance window.", 10],
  ] as const) {
    const p = ids.person(email);
    await trx
      .insertInto("measure_implementations")
      .values({
        measure_id: segmentation,
        organisation_id: p.organisationId,
        status,
        reason: "",
        evidence,
        tlp: "TLP:AMBER+STRICT",
        ...onlyOrg(p.organisationId),
        author_id: p.id,
        author_organisation_id: p.organisationId,
        updated_at: at(daysAgo),
        confirmed_at: at(daysAgo),
      })
      .execute();
    await trx
      .insertInto("measure_status_history")
      .values({ id: randomUUID(), measure_id: segmentation, organisation_id: p.organisationId, status, at: at(daysAgo) })
      .execute();
  }
  await measure(
    "Eight hours of backup power at mobile core sites",
    "Mobile core and aggregation sites keep at least eight hours of autonomy without grid power.",
    ben,
    { sectors: ["telecom"], kinds: ["private", "public"] },
    5,
  );

  const service = async (
    key: string,
    name: string,
    sector: string,
    region: string,
    tlp: TlpLabel,
    audience: AudienceColumns = EXCHANGE,
  ) => {
    const author = ids.person(
      { nordgrid: "anna@nordgrid.example", telenova: "ben@telenova.example", unionbank: "olga.ivanova@unionbank.example" }[
        key
      ] as string,
    );
    const id = randomUUID();
    await trx
      .insertInto("services")
      .values({
        id,
        name,
        description: "",
        sector,
        region,
        tlp,
        ...audience,
        author_id: author.id,
        author_organisation_id: author.organisationId,
        created_at: at(90),
        updated_at: at(90),
      })
      .execute();
    return { id, author };
  };
  const grid = await service("nordgrid", "Regional electricity distribution (North)", "energy", "North", "TLP:AMBER");
  const core = await service("telenova", "Mobile core network", "telecom", "North", "TLP:GREEN");
  const fibre = await service("telenova", "Fibre aggregation (North)", "telecom", "North", "TLP:GREEN");
  const clearing = await service(
    "unionbank",
    "Payment clearing",
    "finance",
    "Capital",
    "TLP:AMBER+STRICT",
    onlyOrg(ids.org("unionbank")),
  );
  const cards = await service("unionbank", "Card authorisation", "finance", "Capital", "TLP:AMBER");
  const dep = async (
    dependent: { id: string; author: { id: string } },
    provider: { id: string },
    type: "physical" | "cyber" | "geographic" | "logical",
    buffer: number,
    delay: number,
    degradation: "partial" | "total",
  ) => {
    await trx
      .insertInto("service_dependencies")
      .values({
        id: randomUUID(),
        dependent_id: dependent.id,
        provider_id: provider.id,
        type,
        buffer_hours: buffer,
        delay_hours: delay,
        degradation,
        created_by: dependent.author.id,
        created_at: at(80),
      })
      .execute();
  };
  await dep(core, grid, "physical", 4, 0, "total");
  await dep(fibre, grid, "physical", 8, 0, "partial");
  await dep(core, fibre, "cyber", 0, 0.5, "partial");
  await dep(clearing, core, "cyber", 1, 0.5, "partial");
  await dep(cards, core, "cyber", 0, 0.25, "total");
  await dep(cards, fibre, "geographic", 2, 0, "partial");

  const sectors = ["energy", "telecom", "finance", "water", "transport", "health"];
  // Illustrative coefficients (each column sums below 1): how much sector i suffers per unit of sector j's inoperability.
  const coefficients = [
    [0, 0.05, 0.02, 0.03, 0.02, 0.01],
    [0.35, 0, 0.05, 0.02, 0.03, 0.02],
    [0.2, 0.3, 0, 0.01, 0.02, 0.01],
    [0.3, 0.1, 0.02, 0, 0.02, 0.02],
    [0.25, 0.15, 0.05, 0.02, 0, 0.01],
    [0.2, 0.15, 0.05, 0.2, 0.1, 0],
  ];
  await trx
    .insertInto("iim_coefficients")
    .values({
      id: 1,
      sectors,
      coefficients: JSON.stringify(coefficients) as unknown as number[][],
      updated_by: null,
      updated_at: at(30),
    })
    .execute();
}
