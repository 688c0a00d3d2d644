// A person's saved searches; row-level security keeps each to its owner.
import type { Selectable } from "kysely";
import type { Tx } from "../db/database.js";
import type { SavedSearchesTable } from "../db/schema.js";

export type SavedSearchRow = Selectable<SavedSearchesTable>;

export async function listSavedSearches(trx: Tx, personId: string): Promise<SavedSearchRow[]> {
  return trx.selectFrom("saved_searches").selectAll().where("person_id", "=", personId).orderBy("name").execute();
}

export async function findSavedSearch(trx: Tx, personId: string, id: string): Promise<SavedSearchRow | undefined> {
  return trx.selectFrom("saved_searches").selectAll().where("person_id", "=", personId).where("id", "=", id).executeTakeFirst();
}

export async function insertSavedSearch(trx: Tx, row: SavedSearchRow): Promise<void> {
  await trx
    .insertInto("saved_searches")
    .values({ ...row, filters: JSON.stringify(row.filters) as never })
    .execute();
}

export async function markSeen(trx: Tx, personId: string, id: string, at: Date): Promise<void> {
  await trx
    .updateTable("saved_searches")
    .set({ last_seen_at: at })
    .where("person_id", "=", personId)
    .where("id", "=", id)
    .execute();
}

export async function deleteSavedSearch(trx: Tx, personId: string, id: string): Promise<boolean> {
  const r = await trx.deleteFrom("saved_searches").where("person_id", "=", personId).where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
