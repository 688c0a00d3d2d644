// Factories that put exchange data straight into a test database (as the owner).
import { randomUUID } from "node:crypto";
import type { Database } from "../../src/server/db/database.js";
import type { ItemRow } from "../../src/server/repositories/items.repository.js";
import { hashPassword } from "../../src/server/security/passwords.js";
import { hashSecret, randomSecret } from "../../src/server/security/secrets.js";
import type { MemberStatus } from "../../src/shared/policy.js";
import type { TlpLabel } from "../../src/shared/tlp.js";

const T0 = new Date("2026-10-01T00:00:00.000Z");
let counter = 0;
const next = () => ++counter;

export async function buildOrganisation(
  db: Database,
  o: { name?: string; kind?: "public" | "private" | "academia"; status?: MemberStatus; secretariat?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  await db.kysely
    .insertInto("organisations")
    .values({
      id,
      name: o.name ?? `Organisation ${next()} ${id.slice(0, 6)}`,
      kind: o.kind ?? "private",
      sectors: ["energy"],
      status: o.status ?? "active",
      is_secretariat: o.secretariat ?? false,
      created_at: T0,
      left_at: null,
      exit_confirmation: null,
    })
    .execute();
  return id;
}

let passwordHash: Promise<string> | undefined;
/** The password every built person has. */
export const TEST_PASSWORD = "correct horse battery staple";

export async function buildPerson(
  db: Database,
  p: {
    organisationId: string;
    status?: MemberStatus;
    role?: "member" | "chair" | "secretariat";
    seat?: "industry" | "public";
    email?: string;
    name?: string;
    totpSecret?: string;
  },
): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const email = p.email ?? `person${next()}-${id.slice(0, 8)}@test.example`;
  await db.kysely
    .insertInto("persons")
    .values({
      id,
      organisation_id: p.organisationId,
      email,
      name: p.name ?? `Person ${email.split("@")[0]}`,
      role: p.role ?? "member",
      chair_seat: p.seat ?? null,
      status: p.status ?? "active",
      password_hash: await passwordHash,
      totp_secret: p.totpSecret ?? null,
      totp_pending_secret: null,
      totp_last_step: null,
      locked_until: null,
      created_at: T0,
      activated_at: T0,
      left_at: null,
      exit_confirmation: null,
    })
    .execute();
  return { id, email };
}

/** Publishes a new version of both documents; returns their ids. */
export async function publishDocuments(db: Database): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of ["terms-of-reference", "nda"] as const) {
    const row = await db.kysely
      .selectFrom("documents")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("kind", "=", kind)
      .executeTakeFirst();
    const id = randomUUID();
    await db.kysely
      .insertInto("documents")
      .values({ id, kind, version: Number(row?.v ?? 0) + 1, title: kind, body: "text", published_at: T0, published_by: null })
      .execute();
    ids.push(id);
  }
  return ids;
}

export async function acceptDocuments(db: Database, personId: string, documentIds: string[]): Promise<void> {
  for (const documentId of documentIds) {
    await db.kysely
      .insertInto("document_acceptances")
      .values({ person_id: personId, document_id: documentId, accepted_at: T0 })
      .execute();
  }
}

export async function buildGroup(db: Database, members: { persons?: string[]; organisations?: string[] }): Promise<string> {
  const id = randomUUID();
  await db.kysely
    .insertInto("working_groups")
    .values({ id, name: `Group ${next()} ${id.slice(0, 6)}`, description: "", created_at: T0 })
    .execute();
  const rows = [
    ...(members.persons ?? []).map((p) => ({ group_id: id, person_id: p, organisation_id: null })),
    ...(members.organisations ?? []).map((o) => ({ group_id: id, person_id: null, organisation_id: o })),
  ];
  if (rows.length) await db.kysely.insertInto("working_group_members").values(rows).execute();
  return id;
}

export async function buildItem(
  db: Database,
  i: {
    authorId: string;
    authorOrganisationId: string;
    tlp: TlpLabel;
    audience: { exchange?: boolean; organisations?: readonly string[]; groups?: readonly string[]; persons?: readonly string[] };
    title?: string;
    body?: string;
    createdAt?: Date;
    kind?: string;
    details?: Record<string, unknown>;
    anonymous?: boolean;
    statisticsConsent?: boolean;
    sectors?: string[];
  },
): Promise<string> {
  const id = randomUUID();
  const at = i.createdAt ?? new Date(T0.getTime() + next() * 1000);
  const row: ItemRow = {
    id,
    kind: i.kind ?? "threat",
    title: i.title ?? `Item ${id.slice(0, 8)}`,
    body: i.body ?? "Body text.",
    sectors: i.sectors ?? ["energy"],
    tlp: i.tlp,
    audience_exchange: i.audience.exchange ?? false,
    audience_organisations: [...(i.audience.organisations ?? [])],
    audience_groups: [...(i.audience.groups ?? [])],
    audience_persons: [...(i.audience.persons ?? [])],
    author_id: i.authorId,
    author_organisation_id: i.authorOrganisationId,
    created_at: at,
    updated_at: at,
    version: 1,
    details: i.details ?? {},
    status: null,
    anonymous: i.anonymous ?? false,
    pseudonym: i.anonymous ? `Anonymous contributor ${id.slice(0, 6)}` : null,
    statistics_consent: i.statisticsConsent ?? false,
    closed_at: null,
    summary: null,
  };
  await db.kysely.insertInto("items").values(row).execute();
  return id;
}

/** An API token for a person, valid for a year from 2026; returns the raw token. */
export async function buildToken(
  db: Database,
  personId: string,
  o: { expiresAt?: Date; revoked?: boolean } = {},
): Promise<string> {
  const token = `rt_test_${randomSecret(24)}`;
  await db.kysely
    .insertInto("api_tokens")
    .values({
      id: randomUUID(),
      person_id: personId,
      name: "test",
      prefix: "rt_test",
      token_hash: hashSecret(token),
      created_at: T0,
      expires_at: o.expiresAt ?? new Date("2027-12-31T00:00:00.000Z"),
      revoked_at: o.revoked ? T0 : null,
      last_used_at: null,
    })
    .execute();
  return token;
}

/** Empties every exchange table (the audit log is append-only and stays). */
export async function clearExchange(db: Database): Promise<void> {
  await db.exec(
    "TRUNCATE taxii_statuses, item_releases, item_reads, measure_status_history, measure_implementations, measures, service_dependencies, services, iim_coefficients, notifications, notification_preferences, calendar_feeds, mail_outbox, scheduled_jobs, warning_escalations, roll_call_answers, urgent_calls, action_updates, action_items, meeting_decisions, meeting_attendance, agenda_items, meetings, saved_searches, item_acknowledgements, item_reactions, item_links, attachments, comments, item_versions, item_label_changes, items, federation_peers, working_group_members, working_groups, document_acceptances, documents, api_tokens, sessions, invitations, bootstrap_tokens, persons, organisations",
  );
}

/** A person for buildMembers: a key, the key of their organisation, and their role. */
export type MemberSpec = readonly [name: string, organisation: string, role: "member" | "chair" | "secretariat"];

/**
 * Builds persons who accepted `documentIds`, each with an API token. Names are the keys with a
 * capital; e-mails are `<key>@<domain>`; chairs take the industry seat, then the public one.
 */
export async function buildMembers(
  db: Database,
  organisations: Readonly<Record<string, string>>,
  specs: readonly MemberSpec[],
  documentIds: string[],
  domain = "test.example",
): Promise<Record<string, { id: string; email: string; token: string }>> {
  const people: Record<string, { id: string; email: string; token: string }> = {};
  const seats = ["industry", "public"] as const;
  let chairs = 0;
  for (const [name, organisation, role] of specs) {
    const organisationId = organisations[organisation];
    if (!organisationId) throw new Error(`no organisation ${organisation}`);
    const p = await buildPerson(db, {
      organisationId,
      role,
      ...(role === "chair" ? { seat: seats[chairs++] } : {}),
      email: `${name}@${domain}`,
      name: (name[0]?.toUpperCase() ?? "") + name.slice(1),
    });
    await acceptDocuments(db, p.id, documentIds);
    people[name] = { ...p, token: await buildToken(db, p.id) };
  }
  return people;
}
