// Seeds the demo exchange into an empty database (as the owner, in one transaction).
import { createHash, randomUUID } from "node:crypto";
import { Secret } from "otpauth";
import { type ItemKind, statusOf } from "../../shared/kinds.js";
import type { Database } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import { hashPassword } from "../security/passwords.js";
import { DEMO_ACKNOWLEDGEMENTS, DEMO_COMMENTS, DEMO_GROUPS, DEMO_ITEMS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from "./demo-data.js";
import { demoDetails } from "./demo-details.js";
import { seedFederation } from "./seed-federation.js";
import { seedMeasures } from "./seed-measures.js";
import { seedMeetings } from "./seed-meetings.js";
import { seedParticipation } from "./seed-participation.js";

/** The demo account that has not accepted the documents, to show what that looks like. */
export const DEMO_NOT_ACCEPTED = "wanda.zielinska@crisiscentre.example";

/** A demo person's e-mail. */
export function demoEmail(person: { first: string; last: string; local?: string }, domain: string): string {
  const local = person.local ?? `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]/g, "");
  return `${local}@${domain}`;
}

/** Deterministic TOTP secret of a demo account, so the demo can print its codes. */
export function demoTotpSecret(email: string): string {
  const bytes = createHash("sha1").update(`roundtable-demo:${email}`).digest();
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20) as ArrayBuffer }).base32;
}

/** Every demo login: e-mail, organisation and role. */
export function demoLogins() {
  return DEMO_ORGANISATIONS.flatMap((o) =>
    o.persons.map((p) => ({
      email: demoEmail(p, o.domain),
      organisation: o.name,
      role: p.role ?? "member",
      seat: p.seat ?? null,
    })),
  );
}

/** True when the database has no persons yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  return (await db.kysely.selectFrom("persons").select("id").limit(1).execute()).length === 0;
}

/** Seeds the demo exchange; `now` anchors the items' dates. */
export async function seedDemo(db: Database, now: Date = new Date()): Promise<{ persons: number; items: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.asOwner(async (trx) => {
    const orgIds = new Map<string, string>();
    const personIds = new Map<string, { id: string; organisationId: string }>();
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
    for (const o of DEMO_ORGANISATIONS) {
      const id = randomUUID();
      orgIds.set(o.key, id);
      await trx
        .insertInto("organisations")
        .values({
          id,
          name: o.name,
          kind: o.kind,
          sectors: o.sectors,
          status: "active",
          is_secretariat: o.secretariat ?? false,
          created_at: at(400),
          left_at: null,
          exit_confirmation: null,
        })
        .execute();
      for (const p of o.persons) {
        const email = demoEmail(p, o.domain);
        const personId = randomUUID();
        personIds.set(email, { id: personId, organisationId: id });
        const role = p.role ?? "member";
        await trx
          .insertInto("persons")
          .values({
            id: personId,
            organisation_id: id,
            email,
            name: `${p.first} ${p.last}`,
            role,
            chair_seat: p.seat ?? null,
            status: "active",
            password_hash: passwordHash,
            totp_secret: role === "member" ? null : demoTotpSecret(email),
            totp_pending_secret: null,
            totp_last_step: null,
            locked_until: null,
            created_at: at(400),
            activated_at: at(399),
            left_at: null,
            exit_confirmation: null,
          })
          .execute();
      }
    }
    const secretariat = personIds.get("secretariat@ncsc.example");
    const docs = [
      {
        kind: "terms-of-reference" as const,
        title: "Terms of Reference of the Information Sharing Exchange",
        body: "Members share information on threats, incidents, vulnerabilities and countermeasures in good faith, respect the Traffic Light Protocol, attend the meetings and contribute, not only consume. Membership is personal.",
      },
      {
        kind: "nda" as const,
        title: "Non-Disclosure Agreement",
        body: "Information received through the exchange is used only for protecting the member's services, handled according to its TLP label, and destroyed when leaving the exchange.",
      },
    ];
    const docIds: string[] = [];
    for (const d of docs) {
      const id = randomUUID();
      docIds.push(id);
      await trx
        .insertInto("documents")
        .values({ id, ...d, version: 1, published_at: at(365), published_by: secretariat?.id ?? null })
        .execute();
    }
    for (const [email, p] of personIds) {
      if (email === DEMO_NOT_ACCEPTED) continue;
      for (const documentId of docIds) {
        await trx
          .insertInto("document_acceptances")
          .values({ person_id: p.id, document_id: documentId, accepted_at: at(360) })
          .execute();
      }
    }
    const groupIds = new Map<string, string>();
    for (const g of DEMO_GROUPS) {
      const id = randomUUID();
      groupIds.set(g.name, id);
      await trx
        .insertInto("working_groups")
        .values({ id, name: g.name, description: g.description, created_at: at(300) })
        .execute();
      const rows = [
        ...g.organisations.map((k) => ({
          group_id: id,
          person_id: null,
          organisation_id: orgIds.get(k) ?? fail(`organisation ${k}`),
        })),
        ...(g.persons ?? []).map((e) => ({
          group_id: id,
          person_id: personIds.get(e)?.id ?? fail(`person ${e}`),
          organisation_id: null,
        })),
      ];
      await trx.insertInto("working_group_members").values(rows).execute();
    }
    const itemIds = new Map<string, { id: string; tlp: string; audience: Record<string, unknown>; created: Date }>();
    for (const item of DEMO_ITEMS) {
      const author = personIds.get(item.author) ?? fail(`author ${item.author}`);
      const created = at(item.daysAgo);
      const details = demoDetails(item.kind, item.title, now, item.daysAgo);
      const id = randomUUID();
      const common = {
        title: item.title,
        body: item.body,
        sectors: item.sectors,
        tlp: item.tlp,
        audience_exchange: item.audience.exchange ?? false,
        audience_organisations: (item.audience.organisations ?? []).map((k) => orgIds.get(k) ?? fail(`organisation ${k}`)),
        audience_groups: (item.audience.groups ?? []).map((g) => groupIds.get(g) ?? fail(`group ${g}`)),
        audience_persons: (item.audience.persons ?? []).map((e) => personIds.get(e)?.id ?? fail(`person ${e}`)),
        author_id: author.id,
        author_organisation_id: author.organisationId,
        details,
      };
      await trx
        .insertInto("items")
        .values({
          ...common,
          id,
          kind: item.kind,
          created_at: created,
          updated_at: created,
          status: statusOf(item.kind as ItemKind, details),
          anonymous: item.anonymous ?? false,
          pseudonym: item.anonymous ? "Anonymous contributor 5E1D7A" : null,
          statistics_consent: true,
          closed_at: null,
          summary: null,
        })
        .execute();
      await trx
        .insertInto("item_versions")
        .values({ ...common, item_id: id, version: 1, edited_by: author.id, edited_at: created })
        .execute();
      itemIds.set(item.title, {
        id,
        tlp: item.tlp,
        audience: {
          audience_exchange: common.audience_exchange,
          audience_organisations: common.audience_organisations,
          audience_groups: common.audience_groups,
          audience_persons: common.audience_persons,
        },
        created,
      });
    }
    for (const c of DEMO_COMMENTS) {
      const item = itemIds.get(c.item) ?? fail(`item ${c.item}`);
      const author = personIds.get(c.author) ?? fail(`author ${c.author}`);
      await trx
        .insertInto("comments")
        .values({
          id: randomUUID(),
          item_id: item.id,
          parent_id: null,
          body: c.body,
          tlp: item.tlp as "TLP:GREEN",
          ...(item.audience as {
            audience_exchange: boolean;
            audience_organisations: string[];
            audience_groups: string[];
            audience_persons: string[];
          }),
          author_id: author.id,
          author_organisation_id: author.organisationId,
          anonymous: false,
          pseudonym: `Anonymous contributor ${randomUUID().slice(0, 6).toUpperCase()}`,
          created_at: new Date(item.created.getTime() + c.hoursLater * 3_600_000),
        })
        .execute();
    }
    for (const a of DEMO_ACKNOWLEDGEMENTS) {
      const item = itemIds.get(a.item) ?? fail(`item ${a.item}`);
      const person = personIds.get(a.by) ?? fail(`person ${a.by}`);
      await trx
        .insertInto("item_acknowledgements")
        .values({
          item_id: item.id,
          organisation_id: person.organisationId,
          person_id: person.id,
          acknowledged_at: new Date(item.created.getTime() + 3_600_000),
        })
        .execute();
    }
    await seedMeetings(
      trx,
      {
        org: (key) => orgIds.get(key) ?? fail(`organisation ${key}`),
        person: (email) => personIds.get(email) ?? fail(`person ${email}`),
        item: (title) => itemIds.get(title)?.id ?? fail(`item ${title}`),
        db,
      },
      now,
    );
    await seedMeasures(
      trx,
      {
        org: (key) => orgIds.get(key) ?? fail(`organisation ${key}`),
        person: (email) => personIds.get(email) ?? fail(`person ${email}`),
        item: (title) => itemIds.get(title)?.id ?? fail(`item ${title}`),
      },
      now,
    );
    const history = await seedParticipation(
      trx,
      {
        org: (key) => orgIds.get(key) ?? fail(`organisation ${key}`),
        person: (email) => personIds.get(email) ?? fail(`person ${email}`),
        email: (key) => {
          const o = DEMO_ORGANISATIONS.find((x) => x.key === key) ?? fail(`organisation ${key}`);
          return o.persons.map((p) => demoEmail(p, o.domain));
        },
      },
      now,
    );
    const federated = await seedFederation(trx, { person: (email) => personIds.get(email) ?? fail(`person ${email}`) }, now);
    await appendAudit(trx, {
      at: now,
      actorId: null,
      organisationId: null,
      category: "admin",
      action: "demo.seeded",
      details: { items: DEMO_ITEMS.length + history + federated, persons: personIds.size },
    });
    return { persons: personIds.size, items: DEMO_ITEMS.length + history + federated };
  });
}

function fail(what: string): never {
  throw new Error(`demo data refers to an unknown ${what}`);
}
