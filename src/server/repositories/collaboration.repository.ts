// Threads, attachments, links, reactions and acknowledgements: the only code that touches their
// tables. Reads carry the TLP predicate of the content and of what it hangs from.
import { type Selectable, type SqlBool, sql } from "kysely";
import { readPredicateSql } from "../../shared/policy-sql.js";
import type { Queryable, Tx } from "../db/database.js";
import type { AttachmentsTable, CommentsTable } from "../db/schema.js";

export type CommentRow = Omit<Selectable<CommentsTable>, "search" | "depth"> & { depth?: number };
export type AttachmentRow = Selectable<AttachmentsTable>;

const ITEM_READABLE = (column: string) =>
  sql.raw<SqlBool>(`EXISTS (SELECT 1 FROM items i WHERE i.id = ${column} AND ${readPredicateSql("i")})`);
const COMMENT_READABLE = sql.raw<SqlBool>(
  `(${readPredicateSql("c")} AND (c.parent_id IS NULL OR rt_comment_readable(c.parent_id)))`,
);

const COMMENT_COLUMNS = [
  "c.id",
  "c.item_id",
  "c.parent_id",
  "c.depth",
  "c.body",
  "c.tlp",
  "c.audience_exchange",
  "c.audience_organisations",
  "c.audience_groups",
  "c.audience_persons",
  "c.author_id",
  "c.author_organisation_id",
  "c.anonymous",
  "c.pseudonym",
  "c.created_at",
] as const;

export async function insertComment(trx: Tx, row: CommentRow): Promise<void> {
  await trx.insertInto("comments").values(row).execute();
}

/** Comments of an item the viewer may read, oldest first, with author and organisation names. */
export async function readableComments(trx: Tx, itemId: string, commentId?: string) {
  let q = trx
    .selectFrom("comments as c")
    .innerJoin("persons as p", "p.id", "c.author_id")
    .innerJoin("organisations as o", "o.id", "c.author_organisation_id")
    .select(COMMENT_COLUMNS)
    .select(["p.name as author_name", "o.name as organisation_name"])
    .where("c.item_id", "=", itemId)
    .where(ITEM_READABLE("c.item_id"))
    .where(COMMENT_READABLE);
  if (commentId) q = q.where("c.id", "=", commentId);
  return q.orderBy("c.created_at").orderBy("c.id").execute();
}

export async function insertAttachment(trx: Tx, row: AttachmentRow): Promise<void> {
  await trx.insertInto("attachments").values(row).execute();
}

const ATTACHMENT_META = [
  "a.id",
  "a.item_id",
  "a.filename",
  "a.media_type",
  "a.size",
  "a.sha256",
  "a.tlp",
  "a.author_id",
  "a.author_organisation_id",
  "a.anonymous",
  "a.pseudonym",
  "a.created_at",
  "p.name as author_name",
] as const;

/** Attachments of an item the viewer may read (without their content). */
export async function readableAttachments(trx: Tx, itemId: string) {
  return trx
    .selectFrom("attachments as a")
    .innerJoin("persons as p", "p.id", "a.author_id")
    .select(ATTACHMENT_META)
    .where("a.item_id", "=", itemId)
    .where(ITEM_READABLE("a.item_id"))
    .where(sql.raw<SqlBool>(readPredicateSql("a")))
    .orderBy("a.created_at")
    .execute();
}

/** One attachment with its content, if the viewer may read it. */
export async function readableAttachment(trx: Tx, id: string) {
  return trx
    .selectFrom("attachments as a")
    .innerJoin("persons as p", "p.id", "a.author_id")
    .select(ATTACHMENT_META)
    .select("a.content")
    .where("a.id", "=", id)
    .where(ITEM_READABLE("a.item_id"))
    .where(sql.raw<SqlBool>(readPredicateSql("a")))
    .executeTakeFirst();
}

export async function insertLink(
  trx: Tx,
  row: { id: string; from_item_id: string; to_item_id: string; relation: string; created_by: string; created_at: Date },
): Promise<boolean> {
  const r = await trx
    .insertInto("item_links")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return r.length > 0;
}

/** Links touching an item where both ends are readable. */
export async function readableLinks(trx: Tx, itemId: string, linkId?: string) {
  let q = trx
    .selectFrom("item_links as l")
    .innerJoin("items as f", "f.id", "l.from_item_id")
    .innerJoin("items as t", "t.id", "l.to_item_id")
    .select([
      "l.id",
      "l.relation",
      "l.created_at",
      "l.created_by",
      "f.id as from_id",
      "f.title as from_title",
      "f.kind as from_kind",
      "f.tlp as from_tlp",
      "f.author_organisation_id as from_organisation_id",
      "t.id as to_id",
      "t.title as to_title",
      "t.kind as to_kind",
      "t.tlp as to_tlp",
    ])
    .where(sql.raw<SqlBool>(readPredicateSql("f")))
    .where(sql.raw<SqlBool>(readPredicateSql("t")));
  q = linkId
    ? q.where("l.id", "=", linkId)
    : q.where((eb) => eb.or([eb("l.from_item_id", "=", itemId), eb("l.to_item_id", "=", itemId)]));
  return q.orderBy("l.created_at").execute();
}

export async function deleteLink(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom("item_links").where("id", "=", id).execute();
}

export async function upsertReaction(
  trx: Tx,
  row: {
    item_id: string;
    person_id: string;
    organisation_id: string;
    reaction: "useful" | "seen" | "false-positive";
    context: string;
    created_at: Date;
  },
): Promise<void> {
  await trx
    .insertInto("item_reactions")
    .values(row)
    .onConflict((oc) => oc.columns(["item_id", "person_id", "reaction"]).doUpdateSet({ context: row.context }))
    .execute();
}

export async function deleteReaction(
  trx: Tx,
  itemId: string,
  personId: string,
  reaction: "useful" | "seen" | "false-positive",
): Promise<void> {
  await trx
    .deleteFrom("item_reactions")
    .where("item_id", "=", itemId)
    .where("person_id", "=", personId)
    .where("reaction", "=", reaction)
    .execute();
}

/** Reactions to an item (row-level security hides them unless the item is readable). */
export async function reactions(trx: Tx, itemId: string) {
  return trx
    .selectFrom("item_reactions as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.reaction", "r.person_id", "r.organisation_id", "o.name as organisation_name", "r.context", "r.created_at"])
    .where("r.item_id", "=", itemId)
    .where(ITEM_READABLE("r.item_id"))
    .orderBy("r.created_at")
    .execute();
}

export async function insertAcknowledgement(
  trx: Tx,
  row: { item_id: string; organisation_id: string; person_id: string; acknowledged_at: Date },
) {
  await trx
    .insertInto("item_acknowledgements")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function acknowledgements(trx: Tx, itemId: string) {
  return trx
    .selectFrom("item_acknowledgements as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .select(["a.organisation_id", "a.person_id", "p.name as person_name", "a.acknowledged_at"])
    .where("a.item_id", "=", itemId)
    .where(ITEM_READABLE("a.item_id"))
    .execute();
}

/** When each organisation's escalation contact was told about an unacknowledged warning. */
export async function escalations(trx: Tx, itemId: string) {
  return trx
    .selectFrom("warning_escalations as w")
    .select(["w.organisation_id", "w.escalated_at"])
    .where("w.item_id", "=", itemId)
    .where(ITEM_READABLE("w.item_id"))
    .execute();
}

/** The active organisations an audience reaches (exchange, listed, via groups, via named persons). */
export async function audienceOrganisations(
  trx: Tx,
  audience: { exchange: boolean; organisations: readonly string[]; groups: readonly string[]; persons: readonly string[] },
) {
  const q = trx.selectFrom("organisations as o").select(["o.id", "o.name"]).where("o.status", "=", "active").orderBy("o.name");
  if (audience.exchange) return q.execute();
  return q
    .where((eb) => {
      const reaches = [];
      if (audience.organisations.length) reaches.push(eb("o.id", "in", [...audience.organisations]));
      if (audience.groups.length) {
        reaches.push(
          eb.exists(
            eb
              .selectFrom("working_group_members as m")
              .leftJoin("persons as mp", "mp.id", "m.person_id")
              .select("m.group_id")
              .where("m.group_id", "in", [...audience.groups])
              .where((w) => w.or([w("m.organisation_id", "=", w.ref("o.id")), w("mp.organisation_id", "=", w.ref("o.id"))])),
          ),
        );
      }
      if (audience.persons.length) {
        reaches.push(
          eb.exists(
            eb
              .selectFrom("persons as ap")
              .select("ap.id")
              .whereRef("ap.organisation_id", "=", "o.id")
              .where("ap.id", "in", [...audience.persons]),
          ),
        );
      }
      return eb.or(reaches);
    })
    .execute();
}

/** System read (as the owner): the organisations that acknowledged a warning. */
export async function acknowledgedOrganisations(db: Queryable, itemId: string): Promise<Set<string>> {
  const rows = await db.selectFrom("item_acknowledgements").select("organisation_id").where("item_id", "=", itemId).execute();
  return new Set(rows.map((r) => r.organisation_id));
}
