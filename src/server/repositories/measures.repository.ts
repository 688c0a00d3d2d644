// Preparedness measures: the workflow row beside each measure item, implementation reports under
// their own label, and — for the owner only — the statuses behind the suppressed aggregates.
import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { MeasureImplementationsTable, MeasuresTable } from "../db/schema.js";
import { readable } from "./readable.js";

export type MeasureRow = Selectable<MeasuresTable>;

/** Inserts the workflow row of a new measure item. */
export async function insertMeasure(trx: Tx, row: Insertable<MeasuresTable>): Promise<void> {
  await trx.insertInto("measures").values(row).execute();
}

function measuresWithItems(trx: Tx) {
  return trx
    .selectFrom("measures as m")
    .innerJoin("items as i", "i.id", "m.item_id")
    .selectAll("m")
    .select(["i.title", "i.body", "i.tlp", "i.details", "i.author_organisation_id", "i.created_at"])
    .where(readable.item("i"));
}
export type MeasureWithItem = NonNullable<Awaited<ReturnType<ReturnType<typeof measuresWithItems>["executeTakeFirst"]>>>;

/** A readable measure with its item's title, body and label. */
export async function findMeasure(trx: Tx, id: string) {
  return measuresWithItems(trx).where("m.item_id", "=", id).executeTakeFirst();
}

/** Readable measures, newest first. */
export async function listMeasures(trx: Tx, stage?: MeasureRow["stage"]) {
  let q = measuresWithItems(trx);
  if (stage) q = q.where("m.stage", "=", stage);
  return q.orderBy("i.created_at", "desc").limit(500).execute();
}

/** Moves a measure from one stage to the next only if it is still at `from`; false otherwise. */
export async function advanceStage(
  trx: Tx,
  id: string,
  from: MeasureRow["stage"],
  patch: Updateable<MeasuresTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable("measures")
    .set(patch)
    .where("item_id", "=", id)
    .where("stage", "=", from)
    .returning("item_id")
    .execute();
  return r.length > 0;
}

/** Updates a readable measure's workflow row. */
export async function updateMeasure(trx: Tx, id: string, patch: Updateable<MeasuresTable>): Promise<void> {
  await trx.updateTable("measures").set(patch).where("item_id", "=", id).execute();
}

/** Mirrors a measure's stage (and applicability) onto its item, for a measure the viewer may read. */
export async function syncItem(trx: Tx, id: string, status: string, details: object | null, at: Date): Promise<void> {
  await sql`SELECT rt_sync_measure_item(${id}::uuid, ${status}, ${details === null ? null : JSON.stringify(details)}::jsonb, ${at})`.execute(
    trx,
  );
}

/** Implementation reports of a measure that the viewer may read. */
export async function readableReports(trx: Tx, measureId: string) {
  return (
    trx
      .selectFrom("measure_implementations as r")
      .innerJoin("organisations as o", "o.id", "r.organisation_id")
      .innerJoin("persons as p", "p.id", "r.author_id")
      .selectAll("r")
      .select(["o.name as organisation_name", "p.name as author_name"])
      .where("r.measure_id", "=", measureId)
      // The report's own label and its measure's (layer 1; RLS repeats both).
      .where(readable.item("r"))
      .where((eb) =>
        eb.exists(eb.selectFrom("items as mi").select("mi.id").whereRef("mi.id", "=", "r.measure_id").where(readable.item("mi"))),
      )
      .orderBy("o.name")
      .execute()
  );
}

/** Saves the viewer organisation's report (insert or replace). */
export async function upsertReport(trx: Tx, row: Insertable<MeasureImplementationsTable>): Promise<void> {
  const { measure_id: _m, organisation_id: _o, ...patch } = row;
  await trx
    .insertInto("measure_implementations")
    .values(row)
    .onConflict((oc) => oc.columns(["measure_id", "organisation_id"]).doUpdateSet(patch))
    .execute();
}

/** Appends a status to the history behind the adoption charts. */
export async function insertHistory(
  trx: Tx,
  row: { id: string; measure_id: string; organisation_id: string; status: string; at: Date },
): Promise<void> {
  await trx.insertInto("measure_status_history").values(row).execute();
}

/** Owner only: the current status and last confirmation of every organisation's report on the measures. */
export async function statusesOf(db: Queryable, measureIds: readonly string[]) {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom("measure_implementations")
    .select(["measure_id", "organisation_id", "status", "confirmed_at", "statistics_consent"])
    .where("measure_id", "in", [...measureIds])
    .execute();
}

/** The reports (measure and organisation) the viewer may read, as "measureId/organisationId" keys. */
export async function readableReportKeys(trx: Tx, measureIds: readonly string[]): Promise<Set<string>> {
  if (measureIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom("measure_implementations as r")
    .select(["r.measure_id", "r.organisation_id"])
    .where("r.measure_id", "in", [...measureIds])
    .where(readable.item("r"))
    .where((eb) =>
      eb.exists(eb.selectFrom("items as mi").select("mi.id").whereRef("mi.id", "=", "r.measure_id").where(readable.item("mi"))),
    )
    .execute();
  return new Set(rows.map((r) => `${r.measure_id}/${r.organisation_id}`));
}

/** Owner only: the status history of one measure, oldest first. */
export async function historyOf(db: Queryable, measureId: string) {
  return db
    .selectFrom("measure_status_history")
    .select(["organisation_id", "status", "at"])
    .where("measure_id", "=", measureId)
    .orderBy("at")
    .execute();
}

/** Active member organisations with their kind and sectors (applicability is computed from these). */
export async function activeOrganisations(db: Queryable) {
  return db
    .selectFrom("organisations")
    .select(["id", "name", "kind", "sectors"])
    .where("status", "=", "active")
    .where("is_secretariat", "=", false)
    .orderBy("name")
    .execute();
}
