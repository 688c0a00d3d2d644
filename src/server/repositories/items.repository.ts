// Items: every read carries the TLP read predicate compiled from the shared policy (layer 1);
// row-level security on the same tables is layer 2. This is the only code that touches items.
import { type Selectable, type SqlBool, sql } from "kysely";
import { readPredicateSql } from "../../shared/policy-sql.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Queryable, Tx } from "../db/database.js";
import type { ItemsTable } from "../db/schema.js";

export type ItemRow = Omit<Selectable<ItemsTable>, "search">;
/** An item row with its author's and organisation's names, as every read returns it. */
export type ItemWithNames = ItemRow & { author_name: string; organisation_name: string };

const READABLE = sql.raw<SqlBool>(readPredicateSql("i"));

const COLUMNS = [
  "i.id",
  "i.kind",
  "i.title",
  "i.body",
  "i.sectors",
  "i.tlp",
  "i.audience_exchange",
  "i.audience_organisations",
  "i.audience_groups",
  "i.audience_persons",
  "i.author_id",
  "i.author_organisation_id",
  "i.created_at",
  "i.updated_at",
  "i.version",
  "ap.name as author_name",
  "ao.name as organisation_name",
] as const;

// Names are not content; joining them saves a round trip per page.
function readable(trx: Tx) {
  return trx
    .selectFrom("items as i")
    .innerJoin("persons as ap", "ap.id", "i.author_id")
    .innerJoin("organisations as ao", "ao.id", "i.author_organisation_id")
    .where(READABLE);
}

/** Filters of the feed. */
export interface FeedFilter {
  tlp?: TlpLabel;
  kind?: string;
  sector?: string;
  q?: string;
  after?: { createdAt: Date; id: string };
  limit: number;
}

export async function insertItem(trx: Tx, row: ItemRow): Promise<void> {
  await trx.insertInto("items").values(row).execute();
}

/** One item if the transaction's viewer may read it. */
export async function findReadableItem(trx: Tx, id: string): Promise<ItemWithNames | undefined> {
  return readable(trx).select(COLUMNS).where("i.id", "=", id).executeTakeFirst();
}

/** A page of readable items, newest first, keyset-paginated. */
export async function listReadableItems(trx: Tx, filter: FeedFilter): Promise<ItemWithNames[]> {
  let q = readable(trx).select(COLUMNS);
  if (filter.tlp) q = q.where("i.tlp", "=", filter.tlp);
  if (filter.kind) q = q.where("i.kind", "=", filter.kind);
  if (filter.sector) q = q.where(sql<boolean>`${filter.sector} = ANY(i.sectors)`);
  if (filter.q) q = q.where(sql<boolean>`i.search @@ websearch_to_tsquery('english', ${filter.q})`);
  if (filter.after) {
    q = q.where(sql<boolean>`(i.created_at, i.id) < (${filter.after.createdAt}, ${filter.after.id}::uuid)`);
  }
  return q.orderBy("i.created_at", "desc").orderBy("i.id", "desc").limit(filter.limit).execute();
}

/** Full-text search over readable items: total count, and the best matches with a snippet. */
export async function searchReadableItems(trx: Tx, query: string, limit: number) {
  const tsq = sql`websearch_to_tsquery('english', ${query})`;
  const total = await trx
    .selectFrom("items as i")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(READABLE)
    .where(sql<boolean>`i.search @@ ${tsq}`)
    .executeTakeFirstOrThrow();
  const rows = await readable(trx)
    .select(COLUMNS)
    .select([
      sql<number>`ts_rank(i.search, ${tsq})`.as("rank"),
      sql<string>`ts_headline('english', i.body, ${tsq}, 'StartSel=[[, StopSel=]], MaxWords=30, MinWords=10, MaxFragments=2')`.as(
        "snippet",
      ),
    ])
    .where(sql<boolean>`i.search @@ ${tsq}`)
    .orderBy("rank", "desc")
    .orderBy("i.created_at", "desc")
    .limit(limit)
    .execute();
  return { total: Number(total.n), rows };
}

/** Sets a new label and audience on a readable item of the viewer's organisation. */
export async function updateLabel(
  trx: Tx,
  id: string,
  patch: Pick<
    ItemRow,
    "tlp" | "audience_exchange" | "audience_organisations" | "audience_groups" | "audience_persons" | "updated_at"
  >,
): Promise<void> {
  await trx
    .updateTable("items")
    .set({ ...patch, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

export async function insertLabelChange(
  trx: Tx,
  row: {
    id: string;
    item_id: string;
    from_tlp: TlpLabel;
    to_tlp: TlpLabel;
    reason: string;
    changed_by: string;
    changed_at: Date;
  },
): Promise<void> {
  await trx.insertInto("item_label_changes").values(row).execute();
}

/** Label history of an item; row-level security hides it unless the item is readable. */
export async function labelChanges(db: Queryable, itemId: string) {
  return db
    .selectFrom("item_label_changes as c")
    .innerJoin("persons as p", "p.id", "c.changed_by")
    .select(["c.from_tlp", "c.to_tlp", "c.reason", "c.changed_at", "c.changed_by", "p.name as changed_by_name"])
    .where("c.item_id", "=", itemId)
    .orderBy("c.changed_at")
    .execute();
}
