// Services, their dependencies and the IIM coefficients. Reads carry the TLP predicate of each
// service; a dependency is read only where both of its services are readable.
import type { Insertable } from "kysely";
import type { Queryable, Tx } from "../db/database.js";
import type { ServiceDependenciesTable, ServicesTable } from "../db/schema.js";
import { readable } from "./readable.js";

/** Readable services with their organisation's name. */
export async function readableServices(trx: Tx, ids?: readonly string[]) {
  let q = trx
    .selectFrom("services as s")
    .innerJoin("organisations as o", "o.id", "s.author_organisation_id")
    .selectAll("s")
    .select("o.name as organisation_name")
    .where(readable.item("s"));
  if (ids) q = q.where("s.id", "in", ids.length ? [...ids] : ["00000000-0000-0000-0000-000000000000"]);
  return q.orderBy("o.name").orderBy("s.name").execute();
}
export type ServiceWithOrganisation = Awaited<ReturnType<typeof readableServices>>[number];

/** Dependencies whose both services are readable. */
export async function readableDependencies(trx: Tx) {
  return trx
    .selectFrom("service_dependencies as d")
    .innerJoin("services as a", "a.id", "d.dependent_id")
    .innerJoin("services as b", "b.id", "d.provider_id")
    .selectAll("d")
    .where(readable.item("a"))
    .where(readable.item("b"))
    .orderBy("d.created_at")
    .execute();
}

/** Inserts a service. */
export async function insertService(trx: Tx, row: Insertable<ServicesTable>): Promise<void> {
  await trx.insertInto("services").values(row).execute();
}

/** Inserts a dependency; false when the same one exists. */
export async function insertDependency(trx: Tx, row: Insertable<ServiceDependenciesTable>): Promise<boolean> {
  const r = await trx
    .insertInto("service_dependencies")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return r.length > 0;
}

/** Deletes a dependency of one of the viewer organisation's services; false when there was none. */
export async function deleteDependency(trx: Tx, id: string, organisationId: string): Promise<boolean> {
  const r = await trx
    .deleteFrom("service_dependencies")
    .where("id", "=", id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("services as s")
          .select("s.id")
          .whereRef("s.id", "=", "service_dependencies.dependent_id")
          .where("s.author_organisation_id", "=", organisationId),
      ),
    )
    .returning("id")
    .execute();
  return r.length > 0;
}

/** Owner only: the whole graph, for simulation (what a viewer sees of the result is projected after). */
export async function wholeGraph(db: Queryable) {
  const [services, dependencies] = await Promise.all([
    db.selectFrom("services").select(["id", "sector", "region", "author_organisation_id", "tlp"]).execute(),
    db.selectFrom("service_dependencies").selectAll().execute(),
  ]);
  return { services, dependencies };
}

/** The IIM coefficients the secretariat maintains, if set. */
export async function iimCoefficients(db: Queryable) {
  return db.selectFrom("iim_coefficients").selectAll().where("id", "=", 1).executeTakeFirst();
}

/** Replaces the IIM coefficients. */
export async function saveIimCoefficients(
  trx: Tx,
  row: { sectors: string[]; coefficients: number[][]; updated_by: string; updated_at: Date },
) {
  const values = { id: 1, ...row, coefficients: JSON.stringify(row.coefficients) as unknown as number[][] };
  await trx
    .insertInto("iim_coefficients")
    .values(values)
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        sectors: values.sectors,
        coefficients: values.coefficients,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
