// Action items and their status history; reads carry the action's chain predicate (readable.ts).
import type { Insertable, Selectable, SelectQueryBuilder, Updateable } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { ActionItemsTable, DB } from "../db/schema.js";
import { readable } from "./readable.js";

export type ActionRow = Selectable<ActionItemsTable>;

/** Inserts an action. */
export async function insertAction(trx: Tx, row: Insertable<ActionItemsTable>): Promise<void> {
  await trx.insertInto("action_items").values(row).execute();
}

function withNames(trx: Tx) {
  return trx
    .selectFrom("action_items as x")
    .leftJoin("persons as op", "op.id", "x.owner_person_id")
    .leftJoin("organisations as oo", "oo.id", "x.owner_organisation_id")
    .leftJoin("meetings as m", "m.id", "x.meeting_id")
    .innerJoin("persons as au", "au.id", "x.author_id")
    .selectAll("x")
    .select(["op.name as owner_person_name", "oo.name as owner_organisation_name", "m.title as meeting_title"])
    .select("au.name as author_name")
    .where(readable.action("x"));
}
export type ActionWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof withNames>["executeTakeFirst"]>>>;

/** A readable action, or undefined. */
export async function findAction(trx: Tx, id: string) {
  return withNames(trx).where("x.id", "=", id).executeTakeFirst();
}

type Query = SelectQueryBuilder<DB & { x: ActionItemsTable }, "x", ActionWithNames>;

/** Readable actions matching `refine`, earliest due first. */
export async function listActions(trx: Tx, refine: (q: Query) => Query = (q) => q) {
  return refine(withNames(trx) as unknown as Query)
    .orderBy("x.due_on")
    .orderBy("x.created_at")
    .limit(500)
    .execute();
}

/** Updates a readable action. */
export async function updateAction(trx: Tx, id: string, patch: Updateable<ActionItemsTable>): Promise<void> {
  await trx.updateTable("action_items").set(patch).where("id", "=", id).where(readable.action("action_items")).execute();
}

/** Appends to an action's history. */
export async function insertActionUpdate(
  trx: Tx,
  row: { id: string; action_id: string; status: string; note: string; by_person_id: string; at: Date },
): Promise<void> {
  await trx.insertInto("action_updates").values(row).execute();
}

/** The history of readable actions. */
export async function historyOf(trx: Tx, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return trx
    .selectFrom("action_updates as u")
    .innerJoin("action_items as x", "x.id", "u.action_id")
    .innerJoin("persons as p", "p.id", "u.by_person_id")
    .select(["u.action_id", "u.status", "u.note", "u.by_person_id", "p.name as by_name", "u.at"])
    .where("u.action_id", "in", [...actionIds])
    .where(readable.action("x"))
    .orderBy("u.at")
    .execute();
}

/** System read (as the owner): the meeting and agenda item an action hangs from, parents first. */
export async function parentsOf(db: Queryable, action: { meeting_id: string | null; agenda_item_id: string | null }) {
  const meeting = action.meeting_id
    ? await db.selectFrom("meetings").selectAll().where("id", "=", action.meeting_id).executeTakeFirst()
    : undefined;
  const agenda = action.agenda_item_id
    ? await db.selectFrom("agenda_items").selectAll().where("id", "=", action.agenda_item_id).executeTakeFirst()
    : undefined;
  return [...(meeting ? [meeting] : []), ...(agenda ? [agenda] : [])];
}
