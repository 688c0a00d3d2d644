// Meetings, agenda items, decisions and attendance. Every read carries the TLP predicate of the
// row and of what it hangs from (readable.ts); row-level security repeats it.
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { AgendaItemsTable, MeetingsTable } from "../db/schema.js";
import { readable } from "./readable.js";

export type MeetingRow = Selectable<MeetingsTable>;
export type AgendaItemRow = Selectable<AgendaItemsTable>;

/** Inserts a meeting. */
export async function insertMeeting(trx: Tx, row: Insertable<MeetingsTable>): Promise<void> {
  await trx.insertInto("meetings").values(row).execute();
}

/** A readable meeting with its host's name, or undefined. */
export async function findMeeting(trx: Tx, id: string) {
  return trx
    .selectFrom("meetings as m")
    .leftJoin("organisations as h", "h.id", "m.host_organisation_id")
    .selectAll("m")
    .select("h.name as host_name")
    .where("m.id", "=", id)
    .where(readable.meeting("m"))
    .executeTakeFirst();
}

/** Readable meetings starting in [from, to), in time order, with the viewer's RSVP. */
export async function listMeetings(trx: Tx, from: Date, to: Date, viewerId: string) {
  return trx
    .selectFrom("meetings as m")
    .leftJoin("organisations as h", "h.id", "m.host_organisation_id")
    .leftJoin("meeting_attendance as a", (j) => j.onRef("a.meeting_id", "=", "m.id").on("a.person_id", "=", viewerId))
    .selectAll("m")
    .select(["h.name as host_name", "a.response as my_response"])
    .where("m.starts_at", ">=", from)
    .where("m.starts_at", "<", to)
    .where(readable.meeting("m"))
    .orderBy("m.starts_at")
    .execute();
}

/** Updates a readable meeting. */
export async function updateMeeting(trx: Tx, id: string, patch: Updateable<MeetingsTable>): Promise<void> {
  await trx.updateTable("meetings").set(patch).where("id", "=", id).where(readable.meeting("meetings")).execute();
}

/**
 * For host rotation: active organisations, those that hosted least recently first. Only meetings
 * the viewer may read count (the predicate is in the join, so every organisation is listed).
 */
export async function hostRotation(db: Queryable) {
  return db
    .selectFrom("organisations as o")
    .leftJoin("meetings as m", (j) => j.onRef("m.host_organisation_id", "=", "o.id").on(readable.meeting("m")))
    .select(["o.id", "o.name"])
    .select((eb) => eb.fn.max("m.starts_at").as("last_hosted"))
    .where("o.status", "=", "active")
    .where("o.is_secretariat", "=", false)
    .groupBy(["o.id", "o.name"])
    .orderBy((eb) => eb.fn.coalesce(eb.fn.max("m.starts_at"), eb.val(new Date(0))))
    .orderBy("o.name")
    .execute();
}

/** Inserts an agenda item. */
export async function insertAgendaItem(trx: Tx, row: Insertable<AgendaItemsTable>): Promise<void> {
  await trx.insertInto("agenda_items").values(row).execute();
}

// Readable agenda items (their meetings readable too) with the presenter's and proposer's names.
function agendaItems(trx: Tx) {
  return trx
    .selectFrom("agenda_items as g")
    .leftJoin("persons as pr", "pr.id", "g.presenter_id")
    .innerJoin("persons as au", "au.id", "g.author_id")
    .selectAll("g")
    .select(["pr.name as presenter_name", "au.name as author_name"])
    .where(readable.agendaItem("g"));
}

/** A readable agenda item, with names. */
export async function findAgendaItem(trx: Tx, id: string) {
  return agendaItems(trx).where("g.id", "=", id).executeTakeFirst();
}

/** The readable agenda items of a meeting, by part and position. */
export async function agendaOf(trx: Tx, meetingId: string) {
  return agendaItems(trx)
    .where("g.meeting_id", "=", meetingId)
    .orderBy("g.part")
    .orderBy("g.position")
    .orderBy("g.created_at")
    .execute();
}

/** Updates a readable agenda item. */
export async function updateAgendaItem(trx: Tx, id: string, patch: Updateable<AgendaItemsTable>): Promise<void> {
  await trx.updateTable("agenda_items").set(patch).where("id", "=", id).where(readable.agendaItem("agenda_items")).execute();
}

/** The next free position in a part, after the readable agenda items there. */
export async function nextPosition(trx: Tx, meetingId: string, part: AgendaItemRow["part"]): Promise<number> {
  const row = await trx
    .selectFrom("agenda_items as g")
    .select((eb) => eb.fn.max("g.position").as("p"))
    .where("g.meeting_id", "=", meetingId)
    .where("g.part", "=", part)
    .where(readable.agendaItem("g"))
    .executeTakeFirst();
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
}

/** Records a decision under a readable agenda item. */
export async function insertDecision(
  trx: Tx,
  row: { id: string; agenda_item_id: string; text: string; decided_at: Date; recorded_by: string },
): Promise<void> {
  await trx.insertInto("meeting_decisions").values(row).execute();
}

/** The decisions of readable agenda items. */
export async function decisionsOf(trx: Tx, agendaItemIds: readonly string[]) {
  if (agendaItemIds.length === 0) return [];
  return trx
    .selectFrom("meeting_decisions as d")
    .innerJoin("agenda_items as g", "g.id", "d.agenda_item_id")
    .innerJoin("persons as p", "p.id", "d.recorded_by")
    .select(["d.id", "d.agenda_item_id", "d.text", "d.decided_at", "d.recorded_by", "p.name as recorded_by_name"])
    .where("d.agenda_item_id", "in", [...agendaItemIds])
    .where(readable.agendaItem("g"))
    .orderBy("d.decided_at")
    .execute();
}

/** Attendance of a readable meeting, with names. */
export async function attendanceOf(trx: Tx, meetingId: string) {
  return trx
    .selectFrom("meeting_attendance as a")
    .innerJoin("meetings as m", "m.id", "a.meeting_id")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["a.person_id", "p.name as person_name", "o.id as organisation_id", "o.name as organisation_name"])
    .select(["a.response", "a.attended", "a.note"])
    .where("a.meeting_id", "=", meetingId)
    .where(readable.meeting("m"))
    .orderBy("o.name")
    .orderBy("p.name")
    .execute();
}

/** Sets a person's RSVP or recorded attendance. */
export async function upsertAttendance(
  trx: Tx,
  row: { meeting_id: string; person_id: string; updated_at: Date } & Partial<{
    response: "attending" | "apologies";
    note: string;
    attended: boolean;
  }>,
): Promise<void> {
  const { meeting_id, person_id, ...patch } = row;
  await trx
    .insertInto("meeting_attendance")
    .values({ response: null, attended: null, note: "", ...row })
    .onConflict((oc) => oc.columns(["meeting_id", "person_id"]).doUpdateSet(patch))
    .execute();
}

/** A decision whose agenda item (and meeting) the viewer may read, or undefined. */
export async function findReadableDecision(trx: Tx, id: string) {
  return trx
    .selectFrom("meeting_decisions as d")
    .innerJoin("agenda_items as g", "g.id", "d.agenda_item_id")
    .select(["d.id", "d.text"])
    .where("d.id", "=", id)
    .where(readable.agendaItem("g"))
    .executeTakeFirst();
}
