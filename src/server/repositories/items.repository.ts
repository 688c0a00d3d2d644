// Items: every read carries the TLP read predicate compiled from the shared policy (layer 1);
// row-level security on the same tables is layer 2. This is the only code that touches items.
import { type ExpressionBuilder, type Insertable, type Selectable, type SelectQueryBuilder, type SqlBool, sql } from "kysely";
import { readPredicateSql } from "../../shared/policy-sql.js";
import type { ItemFilters } from "../../shared/schemas/index.js";
import { TLP_LABELS, type TlpLabel, tlpRank } from "../../shared/tlp.js";
import type { Queryable, Tx } from "../db/database.js";
import type { DB, ItemsTable, ItemVersionsTable } from "../db/schema.js";

type StixColumns = "stix_id" | "stix_modified" | "source_name" | "federated_from" | "stix_extra";
export type ItemRow = Omit<Selectable<ItemsTable>, "search" | StixColumns> & Partial<Pick<Selectable<ItemsTable>, StixColumns>>;
/** An item row with its author's and organisation's names, as every read returns it. */
export type ItemWithNames = ItemRow & { author_name: string; organisation_name: string; comment_count: number };

const READABLE = sql.raw<SqlBool>(readPredicateSql("i"));
const COMMENT_READABLE = sql.raw<SqlBool>(readPredicateSql("c"));

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
  "i.details",
  "i.status",
  "i.anonymous",
  "i.pseudonym",
  "i.statistics_consent",
  "i.closed_at",
  "i.summary",
  "i.stix_id",
  "i.stix_modified",
  "i.source_name",
  "i.federated_from",
  "i.stix_extra",
  "ap.name as author_name",
  "ao.name as organisation_name",
] as const;

type ItemQuery = SelectQueryBuilder<
  DB & { i: ItemsTable; ap: DB["persons"]; ao: DB["organisations"] },
  "i" | "ap" | "ao",
  object
>;

/** Readable comments of an item, for counts and search: the comment's own label and its parent chain. */
function readableComments(eb: ExpressionBuilder<DB & { i: ItemsTable }, "i">) {
  return eb
    .selectFrom("comments as c")
    .whereRef("c.item_id", "=", "i.id")
    .where(COMMENT_READABLE)
    .where((w) => w.or([w("c.parent_id", "is", null), sql<SqlBool>`rt_comment_readable(c.parent_id)`]));
}

// Names are not content; joining them saves a round trip per page.
function readable(trx: Tx): ItemQuery {
  return trx
    .selectFrom("items as i")
    .innerJoin("persons as ap", "ap.id", "i.author_id")
    .innerJoin("organisations as ao", "ao.id", "i.author_organisation_id")
    .where(READABLE);
}

function withColumns(q: ItemQuery) {
  return q.select(COLUMNS).select((eb) =>
    readableComments(eb)
      .select((c) => c.fn.countAll<number>().as("n"))
      .as("comment_count"),
  );
}

/** The filters of the feed, search and saved searches, except the text query. */
export function applyFilters<Q extends ItemQuery>(q: Q, f: Omit<ItemFilters, "q">): Q {
  let out = q as ItemQuery;
  if (f.tlp) out = out.where("i.tlp", "=", f.tlp);
  if (f.minTlp) {
    const min = tlpRank(f.minTlp);
    out = out.where(
      "i.tlp",
      "in",
      TLP_LABELS.filter((l) => tlpRank(l) >= min),
    );
  }
  if (f.kind) out = out.where("i.kind", "=", f.kind);
  if (f.sector) out = out.where(sql<SqlBool>`${f.sector} = ANY(i.sectors)`);
  if (f.status) out = out.where("i.status", "=", f.status);
  // An anonymous item never matches its originator's name, except for the originator itself.
  if (f.organisation) {
    out = out
      .where("i.author_organisation_id", "=", f.organisation)
      .where((eb) => eb.or([eb("i.anonymous", "=", false), sql<SqlBool>`i.author_organisation_id = rt_viewer_org()`]));
  }
  if (f.from) out = out.where("i.created_at", ">=", new Date(`${f.from}T00:00:00Z`));
  if (f.to) out = out.where("i.created_at", "<", new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000));
  return out as Q;
}

/**
 * Items matching a text query — in the item, a readable comment, or a readable attachment's name —
 * through rt_matching_items(), which uses the text indexes and applies the TLP predicate itself.
 * The outer query still carries the item predicate, and row-level security still applies.
 */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function matching(q: ItemQuery, text: string): ItemQuery {
  const like = likePattern(text);
  // A join, not IN (…): a broad query's candidate set is hashed once instead of rescanned per row.
  return q
    .innerJoin(sql<{ m: string }>`rt_matching_items(websearch_to_tsquery('english', ${text}), ${like})`.as("m"), (join) =>
      join.onTrue(),
    )
    .where(sql<SqlBool>`i.id = m`) as unknown as ItemQuery;
}

export async function insertItem(trx: Tx, row: ItemRow): Promise<void> {
  await trx.insertInto("items").values(row).execute();
}

/** One item if the transaction's viewer may read it. */
/** Records a person's first read of an item (participation statistics); later reads change nothing. */
export async function recordRead(trx: Tx, itemId: string, personId: string, organisationId: string, at: Date): Promise<void> {
  await trx
    .insertInto("item_reads")
    .values({ item_id: itemId, person_id: personId, organisation_id: organisationId, first_read_at: at })
    .onConflict((oc) => oc.columns(["item_id", "person_id"]).doNothing())
    .execute();
}

export async function findReadableItem(trx: Tx, id: string): Promise<ItemWithNames | undefined> {
  return withColumns(readable(trx)).where("i.id", "=", id).executeTakeFirst() as Promise<ItemWithNames | undefined>;
}

/** Feed filters plus keyset pagination. */
export interface FeedFilter extends ItemFilters {
  after?: { createdAt: Date; id: string };
  since?: Date;
  limit: number;
}

/** A page of readable items, newest first, keyset-paginated. */
export async function listReadableItems(trx: Tx, filter: FeedFilter): Promise<ItemWithNames[]> {
  let q = applyFilters(readable(trx), filter);
  if (filter.q) q = matching(q, filter.q);
  if (filter.after) {
    q = q.where(sql<SqlBool>`(i.created_at, i.id) < (${filter.after.createdAt}, ${filter.after.id}::uuid)`);
  }
  return (await withColumns(q)
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(filter.limit)
    .execute()) as ItemWithNames[];
}

/** How many readable items match the filters (created after `since`, when given). */
export async function countReadableItems(trx: Tx, filters: ItemFilters, since?: Date): Promise<number> {
  let q = applyFilters(readable(trx), filters);
  if (filters.q) q = matching(q, filters.q);
  if (since) q = q.where("i.created_at", ">", since);
  const row = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Search over readable items: total, best matches with a snippet and where they matched, and facets. */
export async function searchReadableItems(trx: Tx, filters: ItemFilters, limit: number) {
  let base = applyFilters(readable(trx), filters);
  if (filters.q) {
    // Results, facets and sectors read the same matches: compute them once for this transaction.
    await sql`CREATE TEMP TABLE rt_search_matches ON COMMIT DROP AS
      SELECT rt_matching_items(websearch_to_tsquery('english', ${filters.q}), ${likePattern(filters.q)}) AS m`.execute(trx);
    await sql`ANALYZE rt_search_matches`.execute(trx);
    base = base
      .innerJoin(sql<{ m: string }>`rt_search_matches`.as("sm"), (join) => join.onTrue())
      .where(sql<SqlBool>`i.id = sm.m`) as unknown as typeof base;
  }
  const tsq = filters.q ? sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const rows = (await withColumns(base)
    .select([
      tsq ? sql<number>`ts_rank(i.search, ${tsq})`.as("rank") : sql<number>`0`.as("rank"),
      tsq
        ? sql<string>`ts_headline('english', i.body, ${tsq}, 'StartSel=[[, StopSel=]], MaxWords=30, MinWords=10, MaxFragments=2')`.as(
            "snippet",
          )
        : sql<string>`''`.as("snippet"),
      tsq ? sql<boolean>`i.search @@ ${tsq}`.as("in_item") : sql<boolean>`true`.as("in_item"),
    ])
    .orderBy("rank", "desc")
    .orderBy("i.created_at", "desc")
    .limit(limit)
    .execute()) as (ItemWithNames & { rank: number; snippet: string; in_item: boolean })[];
  // One scan for four facets: GROUPING SETS; sectors need their own pass over unnest().
  const ORG = sql.raw(
    "CASE WHEN i.anonymous AND i.author_organisation_id IS DISTINCT FROM rt_viewer_org() THEN 'anonymous' ELSE i.author_organisation_id::text END",
  );
  const grouped = (await base
    .select([
      sql<string | null>`i.kind`.as("kind"),
      sql<string | null>`i.tlp`.as("tlp"),
      sql<string | null>`i.status`.as("status"),
      sql<string | null>`${ORG}`.as("organisation"),
      sql<number>`grouping(i.kind, i.tlp, i.status, ${ORG})`.as("g"),
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .groupBy(sql`GROUPING SETS ((i.kind), (i.tlp), (i.status), (${ORG}))`)
    .execute()) as {
    kind: string | null;
    tlp: string | null;
    status: string | null;
    organisation: string | null;
    g: number;
    n: number;
  }[];
  // grouping() has a bit per argument, 1 where the column is not grouped: kind=8, tlp=4, status=2, organisation=1.
  const facet = (column: "kind" | "tlp" | "status" | "organisation", bit: number) =>
    grouped
      .filter((r) => Number(r.g) === 15 - bit && r[column] !== null)
      .map((r) => ({ value: r[column] as string, n: Number(r.n) }));
  const sectors = (await base
    // A scalar set-returning function aliased "s" yields a column named "s".
    .innerJoin(sql<{ s: string }>`unnest(i.sectors)`.as("s"), (join) => join.onTrue())
    .select([sql<string>`s`.as("value"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(sql`s`)
    .execute()) as { value: string; n: number }[];
  const facets = {
    kind: facet("kind", 8),
    tlp: facet("tlp", 4),
    status: facet("status", 2),
    sector: sectors,
    // Anonymous items count under "anonymous", except in the originator's own view.
    organisation: facet("organisation", 1),
  };
  const total = facets.kind.reduce((sum, f) => sum + Number(f.n), 0);
  return { total, rows, facets };
}

/** Readable items among `ids` (for links and search helpers). */
export async function readableIds(trx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await readable(trx)
    .select("i.id")
    .where("i.id", "in", [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Applies an edit or a relabel to a readable item of the viewer's organisation. */
export async function updateItem(
  trx: Tx,
  id: string,
  patch: Partial<Omit<ItemRow, "id" | "version" | "author_id" | "author_organisation_id" | "created_at">>,
): Promise<void> {
  await trx
    .updateTable("items")
    .set({ ...patch, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

/** The history row of an item's state as version `version`, edited by `editedBy` at `at`. */
export function versionRow(
  row: ItemRow,
  version: number,
  editedBy: string,
  at: Date,
  stixModified: Date | null = null,
): Insertable<ItemVersionsTable> {
  return {
    item_id: row.id,
    version,
    title: row.title,
    body: row.body,
    sectors: row.sectors,
    details: row.details,
    tlp: row.tlp,
    audience_exchange: row.audience_exchange,
    audience_organisations: row.audience_organisations,
    audience_groups: row.audience_groups,
    audience_persons: row.audience_persons,
    author_id: row.author_id,
    author_organisation_id: row.author_organisation_id,
    edited_by: editedBy,
    edited_at: at,
    stix_modified: stixModified,
  };
}

/** Records the state of an item as one version in its history. */
export async function insertVersion(trx: Tx, row: Insertable<ItemVersionsTable>): Promise<void> {
  await trx.insertInto("item_versions").values(row).execute();
}

/** Versions of an item the viewer may read (each under its own label and the item's), newest first. */
export async function readableVersions(trx: Tx, itemId: string) {
  return trx
    .selectFrom("item_versions as v")
    .innerJoin("persons as p", "p.id", "v.edited_by")
    .selectAll("v")
    .select("p.name as edited_by_name")
    .where("v.item_id", "=", itemId)
    .where(sql.raw<SqlBool>(readPredicateSql("v")))
    .where((eb) => eb.exists(readable(trx).select("i.id").where("i.id", "=", itemId)))
    .orderBy("v.version", "desc")
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

/** Label history of a readable item (the predicate here, row-level security underneath). */
export async function labelChanges(trx: Tx, itemId: string) {
  return trx
    .selectFrom("item_label_changes as c")
    .innerJoin("persons as p", "p.id", "c.changed_by")
    .select(["c.from_tlp", "c.to_tlp", "c.reason", "c.changed_at", "c.changed_by", "p.name as changed_by_name"])
    .where("c.item_id", "=", itemId)
    .where((eb) => eb.exists(readable(trx).select("i.id").where("i.id", "=", itemId)))
    .orderBy("c.changed_at")
    .execute();
}

/** An item's row under whatever the caller is (RLS applies to a viewer; the owner reads all): for notifying. */
export async function itemRow(db: Queryable, id: string) {
  return db.selectFrom("items").selectAll().where("id", "=", id).executeTakeFirst();
}
