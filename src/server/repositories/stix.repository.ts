// Storage of imported STIX content: which objects are held already, bulk inserts of new items and
// their first versions, updates to newer versions, notes as comments, relationships as links.
import { type Insertable, type SqlBool, sql } from "kysely";
import { readPredicateSql } from "../../shared/policy-sql.js";
import type { Tx } from "../db/database.js";
import type { CommentsTable, ItemLinksTable, ItemVersionsTable } from "../db/schema.js";
import type { ItemRow } from "./items.repository.js";

/** A STIX id this exchange holds, whoever may read it. */
export interface Held {
  stix_id: string;
  item_id: string;
  stix_modified: Date | null;
  author_organisation_id: string;
  federated_from: string | null;
  native: boolean;
}

/** Which of `ids` are held (imported under that id, or our own items exported under it). */
export async function heldStixIds(trx: Tx, ids: readonly string[]): Promise<Map<string, Held>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<Held>`SELECT * FROM rt_stix_held(${sql.val([...ids])}::text[])`.execute(trx);
  return new Map(rows.map((r) => [r.stix_id, r]));
}

// PostgreSQL takes at most 65,535 parameters per statement; items have 30 columns.
const CHUNK = 1000;

/** Inserts new items, many per statement. */
export async function insertItems(trx: Tx, rows: readonly ItemRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("items")
      .values(rows.slice(i, i + CHUNK) as ItemRow[])
      .execute();
  }
}

/** Inserts versions of items, many per statement. */
export async function insertVersions(trx: Tx, rows: readonly Insertable<ItemVersionsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("item_versions")
      .values(rows.slice(i, i + CHUNK) as Insertable<ItemVersionsTable>[])
      .execute();
  }
}

/** Replaces an imported item's content with a newer version; returns its new version number. */
export async function updateImported(
  trx: Tx,
  itemId: string,
  fields: Pick<
    ItemRow,
    "title" | "body" | "details" | "sectors" | "tlp" | "updated_at" | "stix_modified" | "stix_extra" | "status"
  >,
): Promise<number | undefined> {
  const row = await trx
    .updateTable("items")
    .set({ ...fields, version: sql`version + 1` })
    .where("id", "=", itemId)
    .returning("version")
    .executeTakeFirst();
  return row?.version;
}

/** The current row of an item (as whoever the transaction runs as). */
export async function itemById(trx: Tx, id: string): Promise<ItemRow | undefined> {
  return trx
    .selectFrom("items")
    .select([
      "id",
      "kind",
      "title",
      "body",
      "sectors",
      "tlp",
      "audience_exchange",
      "audience_organisations",
      "audience_groups",
      "audience_persons",
      "author_id",
      "author_organisation_id",
      "created_at",
      "updated_at",
      "version",
      "details",
      "status",
      "anonymous",
      "pseudonym",
      "statistics_consent",
      "closed_at",
      "summary",
      "federated_from",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Which of these ids exist already in `table`. */
export async function existingIds(trx: Tx, table: "comments" | "item_links", ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom(table)
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Inserts comments made from notes. */
export async function insertComments(trx: Tx, rows: readonly Insertable<CommentsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("comments")
      .values(rows.slice(i, i + CHUNK) as Insertable<CommentsTable>[])
      .execute();
  }
}

/** Inserts links made from relationships. */
export async function insertLinks(trx: Tx, rows: readonly Insertable<ItemLinksTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("item_links")
      .values(rows.slice(i, i + CHUNK) as Insertable<ItemLinksTable>[])
      .execute();
  }
}

/** Names the source of items whose creator identity arrived after them. */
export async function nameSources(trx: Tx, itemIds: readonly string[], name: string): Promise<void> {
  if (itemIds.length === 0) return;
  await trx
    .updateTable("items")
    .set({ source_name: name })
    .where("id", "in", [...itemIds])
    .execute();
}

const COMMENT_READABLE = sql.raw<SqlBool>(
  `(${readPredicateSql("c")} AND EXISTS (SELECT 1 FROM items ci WHERE ci.id = c.item_id AND ${readPredicateSql("ci")})
    AND (c.parent_id IS NULL OR rt_comment_readable(c.parent_id)))`,
);

/** Readable comments of these (readable) items, oldest first: the notes of an export. */
export async function readableCommentsOf(trx: Tx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return trx
    .selectFrom("comments as c")
    .select(["c.id", "c.item_id", "c.body", "c.tlp", "c.created_at", "c.anonymous", "c.pseudonym", "c.author_organisation_id"])
    .where("c.item_id", "in", [...itemIds])
    .where(COMMENT_READABLE)
    .orderBy("c.created_at")
    .execute();
}

/** Links whose two ends are both among these (readable) items. */
export async function linksAmong(trx: Tx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return trx
    .selectFrom("item_links")
    .select(["id", "from_item_id", "to_item_id", "relation", "created_at"])
    .where("from_item_id", "in", [...itemIds])
    .where("to_item_id", "in", [...itemIds])
    .execute();
}

/** Per item: how many organisations said "seen it too", and when first and last. */
export async function seenBy(trx: Tx, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return trx
    .selectFrom("item_reactions")
    .select((eb) => [
      "item_id",
      eb.fn.count<number>(sql`DISTINCT organisation_id`).as("organisations"),
      eb.fn.min("created_at").as("first"),
      eb.fn.max("created_at").as("last"),
    ])
    .where("item_id", "in", [...itemIds])
    .where("reaction", "=", "seen")
    .groupBy("item_id")
    .execute();
}

/** Names and sectors of organisations, for identities. */
export async function organisationsByIds(trx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom("organisations")
    .select(["id", "name", "sectors"])
    .where("id", "in", [...ids])
    .execute();
}

/** Whether that link exists already (links are unique per ends and relation). */
export async function linkExists(trx: Tx, from: string, to: string, relation: string): Promise<boolean> {
  const row = await trx
    .selectFrom("item_links")
    .select("id")
    .where("from_item_id", "=", from)
    .where("to_item_id", "=", to)
    .where("relation", "=", relation)
    .executeTakeFirst();
  return row !== undefined;
}
