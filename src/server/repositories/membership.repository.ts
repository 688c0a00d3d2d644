// Organisations, persons and working groups: the only code that reads or writes their tables.
import type { Selectable } from "kysely";
import type { Organisation, Person, WorkingGroup } from "../../shared/schemas/index.js";
import type { Queryable } from "../db/database.js";
import type { OrganisationsTable, PersonsTable } from "../db/schema.js";

export type OrganisationRow = Selectable<OrganisationsTable>;
export type PersonRow = Selectable<PersonsTable>;

/** Presents an organisation row. */
export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    sectors: row.sectors as Organisation["sectors"],
    status: row.status,
    isSecretariat: row.is_secretariat,
    createdAt: row.created_at.toISOString(),
    escalationPersonId: row.escalation_person_id,
  };
}

/** Presents a person row (never its secrets). */
export function presentPerson(row: PersonRow, organisationName: string): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName,
    role: row.role,
    chairSeat: row.chair_seat,
    status: row.status,
    totpEnabled: row.totp_secret !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findSecretariatOrganisation(db: Queryable): Promise<OrganisationRow | undefined> {
  return db.selectFrom("organisations").selectAll().where("is_secretariat", "=", true).executeTakeFirst();
}

export async function listOrganisations(db: Queryable): Promise<OrganisationRow[]> {
  return db.selectFrom("organisations").selectAll().orderBy("name").execute();
}

export async function insertOrganisation(db: Queryable, row: OrganisationRow): Promise<void> {
  await db.insertInto("organisations").values(row).execute();
}

export async function updateOrganisation(db: Queryable, id: string, patch: Partial<OrganisationRow>): Promise<void> {
  await db.updateTable("organisations").set(patch).where("id", "=", id).execute();
}

export async function findPerson(db: Queryable, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A person, locked for the rest of the transaction (failure counters, TOTP replay steps). */
export async function findPersonForUpdate(db: Queryable, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function findPersonByEmail(db: Queryable, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

/** Persons with their organisation's name, ordered by organisation then name. */
export async function listPersons(db: Queryable): Promise<Person[]> {
  const rows = await db
    .selectFrom("persons as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .selectAll("p")
    .select("o.name as organisation_name")
    .orderBy("o.name")
    .orderBy("p.name")
    .execute();
  return rows.map((r) => presentPerson(r, r.organisation_name));
}

export async function insertPerson(db: Queryable, row: Omit<PersonRow, "failed_logins">): Promise<void> {
  await db.insertInto("persons").values(row).execute();
}

export async function updatePerson(db: Queryable, id: string, patch: Partial<PersonRow>): Promise<void> {
  await db.updateTable("persons").set(patch).where("id", "=", id).execute();
}

export async function personsOfOrganisation(db: Queryable, organisationId: string): Promise<PersonRow[]> {
  return db.selectFrom("persons").selectAll().where("organisation_id", "=", organisationId).execute();
}

/** Counts active secretariat persons other than `exceptId` (the exchange must keep one). */
export async function countOtherActiveSecretariat(db: Queryable, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom("persons")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "secretariat")
    .where("status", "=", "active")
    .where("id", "<>", exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Names by id for persons, organisations and groups, for presenting references. */
export async function namesOf(
  db: Queryable,
  ids: { persons?: readonly string[]; organisations?: readonly string[]; groups?: readonly string[] },
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.persons?.length) {
    for (const r of await db
      .selectFrom("persons")
      .select(["id", "name"])
      .where("id", "in", [...ids.persons])
      .execute()) {
      names.set(r.id, r.name);
    }
  }
  if (ids.organisations?.length) {
    const rows = await db
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("id", "in", [...ids.organisations])
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  if (ids.groups?.length) {
    const rows = await db
      .selectFrom("working_groups")
      .select(["id", "name"])
      .where("id", "in", [...ids.groups])
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}

/** One working group with its members. */
export async function findGroup(db: Queryable, id: string): Promise<WorkingGroup | undefined> {
  return (await listGroups(db, id))[0];
}

/** Every working group with its members (or only the one with `id`). */
export async function listGroups(db: Queryable, id?: string): Promise<WorkingGroup[]> {
  let groupQuery = db.selectFrom("working_groups").selectAll().orderBy("name");
  let memberQuery = db.selectFrom("working_group_members").selectAll();
  if (id) {
    groupQuery = groupQuery.where("id", "=", id);
    memberQuery = memberQuery.where("group_id", "=", id);
  }
  const groups = await groupQuery.execute();
  const members = await memberQuery.execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    persons: members.filter((m) => m.group_id === g.id && m.person_id).map((m) => m.person_id as string),
    organisations: members.filter((m) => m.group_id === g.id && m.organisation_id).map((m) => m.organisation_id as string),
  }));
}

/** Creates or replaces a group and its member list. */
export async function saveGroup(
  db: Queryable,
  group: { id: string; name: string; description: string; persons: string[]; organisations: string[] },
  createdAt: Date | null,
): Promise<void> {
  if (createdAt) {
    await db
      .insertInto("working_groups")
      .values({ id: group.id, name: group.name, description: group.description, created_at: createdAt })
      .execute();
  } else {
    await db
      .updateTable("working_groups")
      .set({ name: group.name, description: group.description })
      .where("id", "=", group.id)
      .execute();
    await db.deleteFrom("working_group_members").where("group_id", "=", group.id).execute();
  }
  const rows = [
    ...group.persons.map((p) => ({ group_id: group.id, person_id: p, organisation_id: null })),
    ...group.organisations.map((o) => ({ group_id: group.id, person_id: null, organisation_id: o })),
  ];
  if (rows.length) await db.insertInto("working_group_members").values(rows).execute();
}

export async function deleteGroup(db: Queryable, id: string): Promise<boolean> {
  const r = await db.deleteFrom("working_groups").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Which of `ids` exist in `table` (and, for persons and organisations, have not left). */
export async function existingIds(
  db: Queryable,
  table: "persons" | "organisations" | "working_groups",
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  if (table === "working_groups") {
    const rows = await db
      .selectFrom("working_groups")
      .select("id")
      .where("id", "in", [...ids])
      .execute();
    return new Set(rows.map((r) => r.id));
  }
  const rows = await db
    .selectFrom(table)
    .select("id")
    .where("id", "in", [...ids])
    .where("status", "<>", "left")
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Removes persons and organisations from every working group (on exit from the exchange). */
export async function removeFromGroups(
  db: Queryable,
  who: { persons?: readonly string[]; organisations?: readonly string[] },
): Promise<void> {
  if (who.persons?.length)
    await db
      .deleteFrom("working_group_members")
      .where("person_id", "in", [...who.persons])
      .execute();
  if (who.organisations?.length) {
    await db
      .deleteFrom("working_group_members")
      .where("organisation_id", "in", [...who.organisations])
      .execute();
  }
}

/** Active persons of active organisations holding one of `roles` (chairs, the secretariat). */
export async function personsWithRoles(db: Queryable, roles: readonly ("member" | "chair" | "secretariat")[]): Promise<string[]> {
  const rows = await db
    .selectFrom("persons as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select("p.id")
    .where("p.role", "in", [...roles])
    .where("p.status", "=", "active")
    .where("o.status", "=", "active")
    .execute();
  return rows.map((r) => r.id);
}

/** The ids of the persons of an organisation. */
export async function personsOf(db: Queryable, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom("persons").select("id").where("organisation_id", "=", organisationId).execute();
  return rows.map((r) => r.id);
}

/** Names (or clears) an organisation's escalation contact. */
export async function setEscalationContact(db: Queryable, organisationId: string, personId: string | null): Promise<void> {
  await db.updateTable("organisations").set({ escalation_person_id: personId }).where("id", "=", organisationId).execute();
}

/** The ids of the persons of several organisations. */
export async function personsOfOrganisations(db: Queryable, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom("persons")
    .select("id")
    .where("organisation_id", "in", [...organisationIds])
    .execute();
  return rows.map((r) => r.id);
}
