// Shared items: posting, reading, the feed, search and label changes — always as the viewer.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import { type Audience, audienceProblem } from "../../shared/policy.js";
import type { CreateItemRequest, Item, ItemSummary } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { appendAudit } from "../repositories/audit.repository.js";
import { hasAcceptedCurrent } from "../repositories/documents.repository.js";
import type { ItemRow, ItemWithNames } from "../repositories/items.repository.js";
import * as itemsRepo from "../repositories/items.repository.js";
import * as members from "../repositories/membership.repository.js";
import { excerpt } from "./excerpt.js";

function normaliseAudience(a: Audience): Audience {
  return {
    exchange: a.exchange,
    organisations: [...new Set(a.organisations)],
    groups: [...new Set(a.groups)],
    persons: [...new Set(a.persons)],
  };
}

/** Refuses an audience that does not fit the label or names unknown or departed recipients. */
async function checkAudience(trx: Tx, tlp: TlpLabel, audience: Audience): Promise<void> {
  const problem = audienceProblem(tlp, audience);
  if (problem) throw new AppError("audience_invalid", problem);
  const unknown: string[] = [];
  for (const [table, ids] of [
    ["organisations", audience.organisations],
    ["working_groups", audience.groups],
    ["persons", audience.persons],
  ] as const) {
    const found = await members.existingIds(trx, table, ids);
    unknown.push(...ids.filter((id) => !found.has(id)));
  }
  if (unknown.length)
    throw new AppError("audience_invalid", "The audience names recipients that do not exist or have left.", { unknown });
}

function summaries(rows: ItemWithNames[]): ItemSummary[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Item["kind"],
    title: r.title,
    sectors: r.sectors as Item["sectors"],
    tlp: r.tlp,
    author: { id: r.author_id, name: r.author_name },
    organisation: { id: r.author_organisation_id, name: r.organisation_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
    excerpt: excerpt(r.body),
  }));
}

async function present(trx: Tx, row: ItemWithNames, viewer: Viewer): Promise<Item> {
  const names = await members.namesOf(trx, {
    persons: row.audience_persons,
    organisations: row.audience_organisations,
    groups: row.audience_groups,
  });
  const ref = (id: string) => ({ id, name: names.get(id) ?? "" });
  const [summary] = summaries([row]);
  const { excerpt: _excerpt, ...rest } = summary as ItemSummary;
  return {
    ...rest,
    body: row.body,
    audience: {
      exchange: row.audience_exchange,
      organisations: row.audience_organisations.map(ref),
      groups: row.audience_groups.map(ref),
      persons: row.audience_persons.map(ref),
    },
    canChangeLabel: row.author_organisation_id === viewer.organisationId,
  };
}

function contentAudit(deps: Deps, viewer: Viewer, action: string, itemId: string, details: Record<string, string | number>) {
  return {
    at: deps.clock(),
    actorId: viewer.personId,
    organisationId: viewer.organisationId,
    category: "content" as const,
    action,
    subjectType: "item",
    subjectId: itemId,
    details,
  };
}

/** Posts an item; the author must have accepted the current documents. */
export async function createItem(
  deps: Deps,
  viewer: Viewer,
  input: CreateItemRequest & { audience: Audience; sectors: string[]; body: string },
): Promise<Item> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await hasAcceptedCurrent(trx, viewer.personId))) {
      throw new AppError("documents_not_accepted", "Accept the current Terms of Reference and NDA before sharing.");
    }
    const audience = normaliseAudience(input.audience);
    await checkAudience(trx, input.tlp, audience);
    const now = deps.clock();
    const row: ItemRow = {
      id: randomUUID(),
      kind: input.kind,
      title: input.title,
      body: input.body,
      sectors: [...new Set(input.sectors)],
      tlp: input.tlp,
      audience_exchange: audience.exchange,
      audience_organisations: [...audience.organisations],
      audience_groups: [...audience.groups],
      audience_persons: [...audience.persons],
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await itemsRepo.insertItem(trx, row);
    await appendAudit(trx, contentAudit(deps, viewer, "item.created", row.id, { tlp: row.tlp, kind: row.kind }));
    const created = await itemsRepo.findReadableItem(trx, row.id);
    if (!created) throw new Error("a new item must be readable by its author");
    return present(trx, created, viewer);
  });
}

/** One item, or not_found when it does not exist for this viewer; the read is audited. */
export async function getItem(deps: Deps, viewer: Viewer, id: string): Promise<Item> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await itemsRepo.findReadableItem(trx, id);
    if (!row) throw notFound("item");
    await appendAudit(trx, contentAudit(deps, viewer, "item.read", row.id, { tlp: row.tlp }));
    return present(trx, row, viewer);
  });
}

function encodeCursor(row: ItemRow): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError("validation_failed", "The cursor is not valid.", { path: "cursor" });
  }
  return { createdAt, id };
}

/** A page of the feed: readable items, newest first. */
export async function feed(
  deps: Deps,
  viewer: Viewer,
  query: { limit: number; cursor?: string; tlp?: TlpLabel; kind?: string; sector?: string; q?: string },
) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await itemsRepo.listReadableItems(trx, { ...query, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: summaries(page), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  });
}

/** Full-text search over what the viewer may read; the total counts readable matches only. */
export async function search(deps: Deps, viewer: Viewer, q: string, limit: number) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const { total, rows } = await itemsRepo.searchReadableItems(trx, q, limit);
    const presented = summaries(rows);
    return {
      total,
      results: presented.map((s, i) => ({ ...s, snippet: rows[i]?.snippet || s.excerpt, rank: Number(rows[i]?.rank ?? 0) })),
    };
  });
}

/** Changes an item's label (and audience); only its originating organisation may. Audited. */
export async function changeLabel(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { tlp: TlpLabel; audience?: Audience; reason: string },
): Promise<Item> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await itemsRepo.findReadableItem(trx, id);
    if (!row) throw notFound("item");
    if (row.author_organisation_id !== viewer.organisationId) {
      throw new AppError("not_originator", "Only the originating organisation may change this item's label.");
    }
    const audience = normaliseAudience(
      input.audience ?? {
        exchange: row.audience_exchange,
        organisations: row.audience_organisations,
        groups: row.audience_groups,
        persons: row.audience_persons,
      },
    );
    await checkAudience(trx, input.tlp, audience);
    const now = deps.clock();
    await itemsRepo.updateLabel(trx, id, {
      tlp: input.tlp,
      audience_exchange: audience.exchange,
      audience_organisations: [...audience.organisations],
      audience_groups: [...audience.groups],
      audience_persons: [...audience.persons],
      updated_at: now,
    });
    await itemsRepo.insertLabelChange(trx, {
      id: randomUUID(),
      item_id: id,
      from_tlp: row.tlp,
      to_tlp: input.tlp,
      reason: input.reason,
      changed_by: viewer.personId,
      changed_at: now,
    });
    await appendAudit(trx, contentAudit(deps, viewer, "item.label_changed", id, { from: row.tlp, to: input.tlp }));
    const updated = await itemsRepo.findReadableItem(trx, id);
    if (!updated) throw notFound("item");
    return present(trx, updated, viewer);
  });
}

/** The label history of a readable item. */
export async function labelHistory(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    if (!(await itemsRepo.findReadableItem(trx, id))) throw notFound("item");
    const rows = await itemsRepo.labelChanges(trx, id);
    return {
      changes: rows.map((r) => ({
        from: r.from_tlp,
        to: r.to_tlp,
        reason: r.reason,
        changedAt: r.changed_at.toISOString(),
        changedBy: { id: r.changed_by, name: r.changed_by_name },
      })),
    };
  });
}
