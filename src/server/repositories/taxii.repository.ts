// TAXII reads: a page of a collection's items in the order they were added (keyset on
// updated_at, id), their versions, and the peers' egress view. A person's pages carry the TLP read
// predicate (and RLS underneath); a peer's pages carry the egress predicate (shared/egress.ts).
import { sql } from "kysely";
import { egressPredicateSql } from "../../shared/egress.js";
import { ITEM_KINDS } from "../../shared/kinds.js";
import { readPredicateSql } from "../../shared/policy-sql.js";
import type { Tx } from "../db/database.js";
import { type ItemRowLike, stixTypeOf } from "../stix/to-stix.js";

/** Which items a collection holds (before the reader's own filter). */
export type Scope =
  | { type: "community" }
  | { type: "organisation"; organisationId: string }
  | { type: "group"; groupId: string }
  | { type: "me"; personId: string }
  | { type: "peer"; peerId: string; partner: boolean };

/** Filters of a TAXII objects or manifest request, already validated. */
export interface PageQuery {
  scope: Scope;
  addedAfter?: string;
  after?: { dateAdded: string; id: string; version: number };
  ids?: string[];
  types?: string[];
  /** "last" (default), or versions to pick: first, all, or exact `modified` timestamps. */
  versions: { last: boolean; first: boolean; all: boolean; at: string[] };
  limit: number;
}

/** One object version as stored, with what the STIX mapping needs. */
export interface TaxiiRow extends ItemRowLike {
  organisation_name: string;
  date_added: string;
  federated_from: string | null;
}

const TYPE_SQL = `coalesce(split_part(i.stix_id, '--', 1), CASE i.kind ${ITEM_KINDS.map((k) => `WHEN '${k}' THEN '${stixTypeOf(k)}'`).join(" ")} END)`;
const ADDED = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function scopeSql(scope: Scope) {
  switch (scope.type) {
    case "community":
      return sql`i.audience_exchange`;
    case "organisation":
      return sql`(i.author_organisation_id = ${scope.organisationId} OR ${scope.organisationId}::uuid = ANY(i.audience_organisations))`;
    case "group":
      return sql`${scope.groupId}::uuid = ANY(i.audience_groups)`;
    case "me":
      return sql`${scope.personId}::uuid = ANY(i.audience_persons)`;
    case "peer":
      return sql.raw(egressPredicateSql("i", scope.peerId, scope.partner));
  }
}

function filters(q: PageQuery, addedColumn: string) {
  const parts = [scopeSql(q.scope)];
  if (q.scope.type !== "peer") parts.push(sql.raw(readPredicateSql("i")));
  if (q.addedAfter) parts.push(sql`${sql.raw(addedColumn)} > ${q.addedAfter}::timestamptz`);
  if (q.types?.length) parts.push(sql`${sql.raw(TYPE_SQL)} = ANY(${sql.val(q.types)}::text[])`);
  if (q.ids?.length) {
    const uuids = q.ids.map((id) => id.slice(id.indexOf("--") + 2)).filter((u) => /^[0-9a-f-]{36}$/i.test(u));
    parts.push(
      sql`(i.stix_id = ANY(${sql.val(q.ids)}::text[]) OR (i.stix_id IS NULL AND i.id = ANY(${sql.val(uuids)}::uuid[]) AND (${sql.raw(TYPE_SQL)} || '--' || i.id) = ANY(${sql.val(q.ids)}::text[])))`,
    );
  }
  return parts;
}

const ITEM_COLUMNS = sql.raw(`i.id, i.kind, i.sectors, i.tlp, i.created_at, i.status, i.anonymous, i.pseudonym,
  i.author_organisation_id, ao.name AS organisation_name, i.stix_id, i.source_name, i.stix_extra,
  i.audience_exchange, i.audience_organisations, i.audience_groups, i.audience_persons, i.federated_from`);

/** A page of current versions (the default `match[version]=last`), limit + 1 rows to tell `more`. */
async function lastVersions(trx: Tx, q: PageQuery): Promise<TaxiiRow[]> {
  const parts = filters(q, "i.updated_at");
  if (q.after) parts.push(sql`(i.updated_at, i.id) > (${q.after.dateAdded}::timestamptz, ${q.after.id}::uuid)`);
  const { rows } = await sql<TaxiiRow>`
    SELECT ${ITEM_COLUMNS}, i.title, i.body, i.details, i.updated_at, i.version, i.stix_modified,
           ${sql.raw(ADDED("i.updated_at"))} AS date_added
      FROM items i JOIN organisations ao ON ao.id = i.author_organisation_id
     WHERE ${sql.join(parts, sql` AND `)}
     ORDER BY i.updated_at, i.id
     LIMIT ${q.limit + 1}`.execute(trx);
  return rows;
}

/** A page of chosen versions from the history (first, all, or exact timestamps). */
async function historicVersions(trx: Tx, q: PageQuery): Promise<TaxiiRow[]> {
  const parts = filters(q, "v.edited_at");
  if (q.scope.type !== "peer") parts.push(sql.raw(readPredicateSql("v")));
  else parts.push(sql`v.version = i.version`); // peers get current versions only: egress is decided on the current label
  const pick = [];
  if (!q.versions.all) {
    if (q.versions.last) pick.push(sql`v.version = i.version`);
    if (q.versions.first) pick.push(sql`v.version = 1`);
    for (const at of q.versions.at) pick.push(sql`coalesce(v.stix_modified, v.edited_at) = ${at}::timestamptz`);
    parts.push(pick.length ? sql`(${sql.join(pick, sql` OR `)})` : sql`false`);
  }
  if (q.after) {
    parts.push(
      sql`(v.edited_at, v.item_id, v.version) > (${q.after.dateAdded}::timestamptz, ${q.after.id}::uuid, ${q.after.version})`,
    );
  }
  const { rows } = await sql<TaxiiRow>`
    SELECT ${ITEM_COLUMNS}, v.title, v.body, v.details, v.edited_at AS updated_at, v.version,
           coalesce(v.stix_modified, CASE WHEN v.version = i.version THEN i.stix_modified END) AS stix_modified,
           v.tlp, ${sql.raw(ADDED("v.edited_at"))} AS date_added
      FROM item_versions v JOIN items i ON i.id = v.item_id JOIN organisations ao ON ao.id = i.author_organisation_id
     WHERE ${sql.join(parts, sql` AND `)}
     ORDER BY v.edited_at, v.item_id, v.version
     LIMIT ${q.limit + 1}`.execute(trx);
  return rows;
}

/** A page of object versions of a collection, ascending by date added; one row more than `limit` when more follow. */
export async function objectsPage(trx: Tx, q: PageQuery): Promise<TaxiiRow[]> {
  const onlyLast = q.versions.last && !q.versions.first && !q.versions.all && q.versions.at.length === 0;
  return onlyLast ? lastVersions(trx, q) : historicVersions(trx, q);
}

/** The organisation and group collections a person belongs to. */
export async function personCollections(trx: Tx, personId: string, organisationId: string) {
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  const groups = await trx
    .selectFrom("working_groups as g")
    .select(["g.id", "g.name"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("working_group_members as m")
          .select("m.group_id")
          .whereRef("m.group_id", "=", "g.id")
          .where((w) => w.or([w("m.person_id", "=", personId), w("m.organisation_id", "=", organisationId)])),
      ),
    )
    .orderBy("g.name")
    .execute();
  return { organisation, groups };
}

/** The pagination key of this database, created on first use. */
export async function paginationKey(trx: Tx, fresh: string): Promise<string> {
  await trx
    .insertInto("server_keys")
    .values({ name: "taxii-pagination", value: fresh })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await trx
    .selectFrom("server_keys")
    .select("value")
    .where("name", "=", "taxii-pagination")
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Which of these items are released to the peer. */
export async function releasedTo(trx: Tx, peerId: string, itemIds: readonly string[]): Promise<Set<string>> {
  const rows = await trx
    .selectFrom("item_releases")
    .select("item_id")
    .where("peer_id", "=", peerId)
    .where("item_id", "in", [...itemIds])
    .execute();
  return new Set(rows.map((r) => r.item_id));
}
