// Urgent calls and their roll-calls. A call is TLP:RED to its invitees: reads carry its predicate.
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Tx } from "../db/database.js";
import type { UrgentCallsTable } from "../db/schema.js";
import { readable } from "./readable.js";

export type CallRow = Selectable<UrgentCallsTable>;

/** Inserts a call. */
export async function insertCall(trx: Tx, row: Insertable<UrgentCallsTable>): Promise<void> {
  await trx.insertInto("urgent_calls").values(row).execute();
}

function withNames(trx: Tx) {
  return trx
    .selectFrom("urgent_calls as c")
    .innerJoin("persons as p", "p.id", "c.author_id")
    .innerJoin("organisations as o", "o.id", "c.author_organisation_id")
    .selectAll("c")
    .select(["p.name as convener_name", "o.name as convener_organisation_name"])
    .where(readable.call("c"));
}
export type CallWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof withNames>["executeTakeFirst"]>>>;

/** A readable call. */
export async function findCall(trx: Tx, id: string) {
  return withNames(trx).where("c.id", "=", id).executeTakeFirst();
}

/** Readable calls, open ones first, newest first. */
export async function listCalls(trx: Tx) {
  return withNames(trx).orderBy("c.status", "desc").orderBy("c.starts_at", "desc").limit(200).execute();
}

/** Ends an open readable call; false when it was not open (someone ended it first). */
export async function endOpenCall(trx: Tx, id: string, at: Date): Promise<boolean> {
  const r = await trx
    .updateTable("urgent_calls")
    .set({ status: "ended", ended_at: at })
    .where("id", "=", id)
    .where("status", "=", "open")
    .where(readable.call("urgent_calls"))
    .returning("id")
    .execute();
  return r.length > 0;
}

/** Updates a readable call. */
export async function updateCall(trx: Tx, id: string, patch: Updateable<UrgentCallsTable>): Promise<void> {
  await trx.updateTable("urgent_calls").set(patch).where("id", "=", id).where(readable.call("urgent_calls")).execute();
}

/** The roll-call answers of readable calls. */
export async function answersOf(trx: Tx, callIds: readonly string[]) {
  if (callIds.length === 0) return [];
  return trx
    .selectFrom("roll_call_answers as a")
    .innerJoin("urgent_calls as c", "c.id", "a.call_id")
    .select(["a.call_id", "a.person_id", "a.status", "a.note", "a.answered_at"])
    .where("a.call_id", "in", [...callIds])
    .where(readable.call("c"))
    .execute();
}

/** Records or replaces the viewer's answer. */
export async function upsertAnswer(
  trx: Tx,
  row: {
    call_id: string;
    person_id: string;
    organisation_id: string;
    status: "affected" | "not-affected" | "investigating";
    note: string;
    answered_at: Date;
  },
): Promise<void> {
  await trx
    .insertInto("roll_call_answers")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["call_id", "person_id"]).doUpdateSet({ status: row.status, note: row.note, answered_at: row.answered_at }),
    )
    .execute();
}

/** Names and organisations of persons. */
export async function personsWithOrganisations(trx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom("persons as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["p.id", "p.name", "o.id as organisation_id", "o.name as organisation_name"])
    .where("p.id", "in", [...ids])
    .orderBy("o.name")
    .orderBy("p.name")
    .execute();
}
