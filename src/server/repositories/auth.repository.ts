// Sessions, API tokens, invitations and first-start tokens: stored hashed, looked up by hash.
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.js";
import type { ApiTokensTable, SessionsTable } from "../db/schema.js";

export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertSession(db: Queryable, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export async function findSession(db: Queryable, idHash: string, now: Date): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).where("expires_at", ">", now).executeTakeFirst();
}

export async function setSessionStage(db: Queryable, idHash: string, stage: SessionRow["stage"]): Promise<void> {
  await db.updateTable("sessions").set({ stage }).where("id_hash", "=", idHash).execute();
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Ends every session and revokes every API token of the given persons (suspension, exit). */
export async function revokeAccess(db: Queryable, personIds: readonly string[], now: Date): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .deleteFrom("sessions")
    .where("person_id", "in", [...personIds])
    .execute();
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("person_id", "in", [...personIds])
    .where("revoked_at", "is", null)
    .execute();
}

/** Requires a second factor from every open session of a person who must now have one. */
export async function demandEnrolment(db: Queryable, personId: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ stage: "enrolment" })
    .where("person_id", "=", personId)
    .where("stage", "=", "complete")
    .execute();
}

export async function insertApiToken(db: Queryable, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

export async function findApiTokenByHash(db: Queryable, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function listApiTokens(db: Queryable, personId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom("api_tokens").selectAll().where("person_id", "=", personId).orderBy("created_at", "desc").execute();
}

export async function revokeApiToken(db: Queryable, personId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("person_id", "=", personId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchApiToken(db: Queryable, id: string, now: Date): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}

export async function insertInvitation(
  db: Queryable,
  row: { token_hash: string; person_id: string; created_at: Date; expires_at: Date },
): Promise<void> {
  // A new invitation replaces any earlier unused one.
  await db
    .updateTable("invitations")
    .set({ used_at: row.created_at })
    .where("person_id", "=", row.person_id)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("invitations")
    .values({ ...row, used_at: null })
    .execute();
}

export async function findOpenInvitation(db: Queryable, tokenHash: string, now: Date) {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function useInvitation(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable("invitations").set({ used_at: now }).where("token_hash", "=", tokenHash).execute();
}

export async function insertBootstrapToken(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable("bootstrap_tokens").set({ used_at: now }).where("used_at", "is", null).execute();
  await db.insertInto("bootstrap_tokens").values({ token_hash: tokenHash, created_at: now, used_at: null }).execute();
}

export async function useBootstrapToken(db: Queryable, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("bootstrap_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The person and organisation status behind a credential, in one query. */
const PRINCIPAL = [
  "p.id as person_id",
  "p.organisation_id",
  "p.role",
  "p.email",
  "p.status as person_status",
  "o.status as organisation_status",
] as const;

/** A live session with its person, or undefined. */
export async function findSessionPrincipal(db: Queryable, idHash: string, now: Date) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("persons as p", "p.id", "s.person_id")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select([...PRINCIPAL, "s.id_hash", "s.stage", "s.csrf_token"])
    .where("s.id_hash", "=", idHash)
    .where("s.expires_at", ">", now)
    .executeTakeFirst();
}

/** An API token with its person, or undefined. */
export async function findTokenPrincipal(db: Queryable, tokenHash: string) {
  return db
    .selectFrom("api_tokens as t")
    .innerJoin("persons as p", "p.id", "t.person_id")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select([...PRINCIPAL, "t.id as token_id", "t.expires_at", "t.revoked_at", "t.last_used_at"])
    .where("t.token_hash", "=", tokenHash)
    .executeTakeFirst();
}
