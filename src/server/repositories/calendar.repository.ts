// Personal calendar feeds: only hashes of their tokens are stored.
import type { Insertable } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { CalendarFeedsTable } from "../db/schema.js";

/** Stores a new feed. */
export async function insertFeed(trx: Tx, row: Insertable<CalendarFeedsTable>): Promise<void> {
  await trx.insertInto("calendar_feeds").values(row).execute();
}

/** A person's feeds, newest first. */
export async function feedsOf(trx: Tx, personId: string) {
  return trx.selectFrom("calendar_feeds").selectAll().where("person_id", "=", personId).orderBy("created_at", "desc").execute();
}

/** Revokes one of a person's feeds; false when there was no such live feed. */
export async function revokeFeed(trx: Tx, personId: string, id: string, at: Date): Promise<boolean> {
  const done = await trx
    .updateTable("calendar_feeds")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("person_id", "=", personId)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return done !== undefined;
}

/** System lookup of the feed behind a token hash (the token is the credential). */
export async function feedByTokenHash(db: Queryable, tokenHash: string) {
  return db.selectFrom("calendar_feeds").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}
