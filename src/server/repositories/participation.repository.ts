// The facts participation statistics are computed from, read as the viewer: every query carries
// the TLP predicate of what it reads (layer 1) and runs under row-level security (layer 2). The
// one exception is rt_statistics_items (migration 6), which adds the items released for
// anonymised statistics — metadata only, flagged as not readable.
import { sql } from "kysely";
import type { Tx } from "../db/database.js";
import { actionSql, itemSql, meetingSql, readable, serviceSql } from "./readable.js";

const C = "c";
const I = "i";

/** Is comment `c` on item `i` shown to the viewer with its organisation (not anonymous, not a hidden RFI answerer)? */
const commentAttributable = `(
  (NOT ${C}.anonymous OR ${C}.author_organisation_id = rt_viewer_org())
  AND NOT (${I}.kind = 'rfi' AND coalesce((${I}.details ->> 'answerersVisible')::boolean, false) = false
           AND rt_viewer_org() IS DISTINCT FROM ${I}.author_organisation_id
           AND rt_viewer_org() IS DISTINCT FROM ${C}.author_organisation_id))`;

const readableComment = `${itemSql(C)} AND ${itemSql(I)} AND (${C}.parent_id IS NULL OR rt_comment_readable(${C}.parent_id))`;

export interface StatisticsItemGroup {
  author_organisation_id: string;
  month: string;
  kind: string;
  tlp: string;
  sectors: string[];
  anonymous: boolean;
  statistics_consent: boolean;
  readable: boolean;
  audience_exchange: boolean;
  audience_organisations: string[];
  audience_groups: string[];
  audience_persons: string[];
  severity: number | null;
  cascade_analysis: boolean;
  n: number;
  /** Hours from start to sharing of each incident of the group that has a start. */
  delays: number[] | null;
}

/**
 * Items created in [from, to) the viewer may read, plus those released for statistics (metadata
 * only), grouped by everything the statistics tell apart: a few hundred rows instead of every item.
 */
export async function statisticsItems(trx: Tx, from: Date, to: Date): Promise<StatisticsItemGroup[]> {
  const r = await sql<StatisticsItemGroup>`
    SELECT author_organisation_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, kind, tlp, sectors,
           anonymous, statistics_consent, readable, audience_exchange, audience_organisations, audience_groups,
           audience_persons, severity, cascade_analysis, count(*)::int AS n,
           array_agg(greatest(0, extract(epoch FROM created_at - started_at) / 3600)::float8)
             FILTER (WHERE started_at IS NOT NULL) AS delays
      FROM rt_statistics_items(${from}, ${to})
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14`.execute(trx);
  return r.rows;
}

/** Readable comments made in [from, to) per organisation and month, split by whether the viewer sees who wrote them. */
export async function comments(trx: Tx, from: Date, to: Date) {
  const r = await sql<{ org: string; month: string; attributable: boolean; n: number }>`
    SELECT c.author_organisation_id AS org, to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
           ${sql.raw(commentAttributable)} AS attributable, count(*)::int AS n
      FROM comments c JOIN items i ON i.id = c.item_id
     WHERE c.created_at >= ${from} AND c.created_at < ${to} AND ${sql.raw(readableComment)}
     GROUP BY 1, 2, 3`.execute(trx);
  return r.rows;
}

/** Each answering organisation's first readable answer to each readable RFI asked in [from, to). */
export async function rfiAnswers(trx: Tx, from: Date, to: Date) {
  const r = await sql<{
    rfi_id: string;
    asker: string;
    asker_attributable: boolean;
    asked_at: Date;
    org: string;
    first_at: Date;
    attributable: boolean;
  }>`
    SELECT i.id AS rfi_id, i.author_organisation_id AS asker,
           (NOT i.anonymous OR i.author_organisation_id = rt_viewer_org()) AS asker_attributable,
           i.created_at AS asked_at, c.author_organisation_id AS org, min(c.created_at) AS first_at,
           bool_and(${sql.raw(commentAttributable)}) AS attributable
      FROM comments c JOIN items i ON i.id = c.item_id
     WHERE i.kind = 'rfi' AND i.created_at >= ${from} AND i.created_at < ${to}
       AND c.author_organisation_id <> i.author_organisation_id AND ${sql.raw(readableComment)}
     GROUP BY i.id, c.author_organisation_id`.execute(trx);
  return r.rows;
}

/** Readable RFIs asked in [from, to). */
export async function rfis(trx: Tx, from: Date, to: Date) {
  return trx
    .selectFrom("items as i")
    .select(["i.id", "i.author_organisation_id as org", "i.created_at as at"])
    .select(sql<boolean>`NOT i.anonymous OR i.author_organisation_id = rt_viewer_org()`.as("attributable"))
    .where("i.kind", "=", "rfi")
    .where("i.created_at", ">=", from)
    .where("i.created_at", "<", to)
    .where(readable.item(I))
    .execute();
}

/** First reads of readable items of other organisations in [from, to), per reading organisation and month (migration 6, rt_statistics_reads). */
export async function reads(trx: Tx, from: Date, to: Date) {
  const r = await sql<{ org: string; month: string; n: number }>`SELECT * FROM rt_statistics_reads(${from}, ${to})`.execute(trx);
  return r.rows;
}

/** Warnings asking for acknowledgement posted in [from, to) that the viewer may read, with their audience. */
export async function warningsAskingAcknowledgement(trx: Tx, from: Date, to: Date) {
  return trx
    .selectFrom("items as i")
    .select([
      "i.id",
      "i.created_at",
      "i.tlp",
      "i.author_id",
      "i.author_organisation_id",
      "i.audience_exchange",
      "i.audience_organisations",
      "i.audience_groups",
      "i.audience_persons",
    ])
    .where("i.kind", "=", "warning")
    .where(sql<boolean>`coalesce((i.details ->> 'requiresAcknowledgement')::boolean, false)`)
    .where("i.created_at", ">=", from)
    .where("i.created_at", "<", to)
    .where(readable.item(I))
    .execute();
}

/** Acknowledgements of readable warnings posted in [from, to). */
export async function acknowledgements(trx: Tx, from: Date, to: Date) {
  const r = await sql<{ item_id: string; org: string; posted_at: Date; at: Date }>`
    SELECT a.item_id, a.organisation_id AS org, i.created_at AS posted_at, a.acknowledged_at AS at
      FROM item_acknowledgements a JOIN items i ON i.id = a.item_id
     WHERE i.kind = 'warning' AND coalesce((i.details ->> 'requiresAcknowledgement')::boolean, false)
       AND i.created_at >= ${from} AND i.created_at < ${to} AND ${sql.raw(itemSql(I))}`.execute(trx);
  return r.rows;
}

/** Reactions from other organisations in [from, to) to readable items, per item organisation (anonymous items attributed only to their own). */
export async function reactionsReceived(trx: Tx, from: Date, to: Date) {
  const r = await sql<{ org: string; reaction: "useful" | "seen"; n: number }>`
    SELECT * FROM rt_statistics_reactions(${from}, ${to})`.execute(trx);
  return r.rows;
}

/** The viewer's organisation's readable items that others found useful or had seen too, most useful first. */
export async function usefulToOthers(trx: Tx, organisationId: string, limit: number) {
  const r = await sql<{ id: string; title: string; kind: string; tlp: string; created_at: Date; useful: number; seen: number }>`
    SELECT i.id, i.title, i.kind, i.tlp, i.created_at,
           count(*) FILTER (WHERE x.reaction = 'useful')::int AS useful,
           count(*) FILTER (WHERE x.reaction = 'seen')::int AS seen
      FROM items i JOIN item_reactions x ON x.item_id = i.id AND x.organisation_id <> i.author_organisation_id
     WHERE i.author_organisation_id = ${organisationId} AND x.reaction IN ('useful', 'seen') AND ${sql.raw(itemSql(I))}
     GROUP BY i.id
     ORDER BY useful DESC, seen DESC, i.created_at DESC
     LIMIT ${limit}`.execute(trx);
  return r.rows;
}

/** The label, author and audience of a piece of content, as the policy needs them. */
export interface LabelledRow {
  tlp: string;
  author_id: string;
  author_organisation_id: string;
  audience_exchange: boolean;
  audience_organisations: string[];
  audience_groups: string[];
  audience_persons: string[];
}

/** Readable meetings held in [from, to) with their audience and the organisations that attended. */
export async function heldMeetings(trx: Tx, from: Date, to: Date) {
  const r = await sql<LabelledRow & { id: string; starts_at: Date; attended: string[] }>`
    SELECT m.id, m.starts_at, m.tlp, m.author_id, m.author_organisation_id, m.audience_exchange,
           m.audience_organisations, m.audience_groups, m.audience_persons,
           coalesce(array_agg(DISTINCT p.organisation_id) FILTER (WHERE a.attended), '{}') AS attended
      FROM meetings m
      LEFT JOIN meeting_attendance a ON a.meeting_id = m.id
      LEFT JOIN persons p ON p.id = a.person_id
     WHERE m.status = 'held' AND m.starts_at >= ${from} AND m.starts_at < ${to} AND ${sql.raw(meetingSql("m"))}
     GROUP BY m.id`.execute(trx);
  return r.rows;
}

/** Readable actions due in [from, to] (open ones only once their day has passed), each with its owning organisation and whether it closed on time. */
export async function actionsDue(trx: Tx, fromDay: string, toDay: string, today: string) {
  const r = await sql<{ org: string; due_on: string; on_time: boolean }>`
    SELECT coalesce(a.owner_organisation_id, p.organisation_id) AS org, a.due_on::text AS due_on,
           (a.status = 'done' AND a.closed_at IS NOT NULL
            AND a.closed_at < ((a.due_on + 1)::timestamp AT TIME ZONE 'UTC')) AS on_time
      FROM action_items a LEFT JOIN persons p ON p.id = a.owner_person_id
     WHERE a.due_on >= ${fromDay}::date AND a.due_on <= ${toDay}::date AND a.status <> 'dropped'
       AND (a.status = 'done' OR a.due_on < ${today}::date)
       AND ${sql.raw(actionSql("a"))}`.execute(trx);
  return r.rows;
}

/** Readable measures adopted in [from, to). */
export async function measuresAdopted(trx: Tx, from: Date, to: Date) {
  const r = await sql<{ org: string; adopted_at: Date }>`
    SELECT i.author_organisation_id AS org, m.adopted_at
      FROM measures m JOIN items i ON i.id = m.item_id
     WHERE m.adopted_at >= ${from} AND m.adopted_at < ${to} AND ${sql.raw(itemSql(I))}`.execute(trx);
  return r.rows;
}

/** Each organisation's last attributable contribution (item or comment) at or before `until`. */
export async function lastContributions(trx: Tx, until: Date) {
  // Per organisation, newest first along items_author_org and comments_author_org: each stops at
  // the first readable contribution instead of testing every one ever posted.
  const r = await sql<{ org: string; at: Date }>`
    SELECT org, max(at) AS at FROM (
      SELECT o.id AS org, last.at FROM organisations o
      CROSS JOIN LATERAL (
        SELECT i.created_at AS at FROM items i
         WHERE i.author_organisation_id = o.id AND i.created_at <= ${until} AND ${sql.raw(itemSql(I))}
           AND (NOT i.anonymous OR i.author_organisation_id = rt_viewer_org())
         ORDER BY i.created_at DESC LIMIT 1) last
      WHERE o.status = 'active'
      UNION ALL
      SELECT o.id, last.at FROM organisations o
      CROSS JOIN LATERAL (
        SELECT c.created_at AS at FROM comments c JOIN items i ON i.id = c.item_id
         WHERE c.author_organisation_id = o.id AND c.created_at <= ${until}
           AND ${sql.raw(readableComment)} AND ${sql.raw(commentAttributable)}
         ORDER BY c.created_at DESC LIMIT 1) last
      WHERE o.status = 'active'
    ) x GROUP BY org`.execute(trx);
  return r.rows;
}

/** Active organisations, for the rows and the denominators. */
export async function activeOrganisations(trx: Tx) {
  return trx
    .selectFrom("organisations")
    .select(["id", "name", "kind", "sectors", "is_secretariat", "created_at", "named_in_insight"])
    .where("status", "=", "active")
    .orderBy("name")
    .execute();
}

/** Records whether an organisation consents to be named in insight reports. */
export async function setNamedInInsight(trx: Tx, organisationId: string, named: boolean): Promise<void> {
  await trx.updateTable("organisations").set({ named_in_insight: named }).where("id", "=", organisationId).execute();
}

const SHAREABLE = `('TLP:CLEAR', 'TLP:GREEN')`;

/** Of these items, those the viewer may read that are CLEAR or GREEN for the whole exchange. */
export async function exchangeWideShareable(trx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom("items as i")
    .select("i.id")
    .where("i.id", "in", ids)
    .where("i.audience_exchange", "=", true)
    .where("i.tlp", "in", ["TLP:CLEAR", "TLP:GREEN"])
    .where(readable.item(I))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Readable dependencies whose two services are both CLEAR or GREEN for the whole exchange, with their sectors and organisations. */
export async function shareableDependencies(trx: Tx) {
  const r = await sql<{ provider_sector: string; dependent_sector: string; provider_org: string; dependent_org: string }>`
    SELECT p.sector AS provider_sector, d.sector AS dependent_sector,
           p.author_organisation_id AS provider_org, d.author_organisation_id AS dependent_org
      FROM service_dependencies x
      JOIN services p ON p.id = x.provider_id
      JOIN services d ON d.id = x.dependent_id
     WHERE p.tlp IN ${sql.raw(SHAREABLE)} AND d.tlp IN ${sql.raw(SHAREABLE)} AND p.audience_exchange AND d.audience_exchange
       AND ${sql.raw(serviceSql("p"))} AND ${sql.raw(serviceSql("d"))}`.execute(trx);
  return r.rows;
}

/** Readable crisis lessons of [from, to), CLEAR or GREEN for the whole exchange,, newest first, with their organisation when it may be named. */
export async function shareableLessons(trx: Tx, from: Date, to: Date, limit: number) {
  const r = await sql<{
    title: string;
    kind: string;
    tlp: string;
    sectors: string[];
    created_at: Date;
    organisation: string | null;
  }>`
    SELECT i.title, i.kind, i.tlp, i.sectors, i.created_at,
           CASE WHEN NOT i.anonymous AND o.named_in_insight THEN o.name END AS organisation
      FROM items i JOIN organisations o ON o.id = i.author_organisation_id
     WHERE i.kind = 'crisis-lesson' AND i.tlp IN ${sql.raw(SHAREABLE)} AND i.audience_exchange
       AND i.created_at >= ${from} AND i.created_at < ${to} AND ${sql.raw(itemSql(I))}
     ORDER BY i.created_at DESC LIMIT ${limit}`.execute(trx);
  return r.rows;
}
