// Shared items: posting, reading, editing, the feed, search and label changes — always as the viewer.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import { type ItemKind, KINDS, statusOf } from "../../shared/kinds.js";
import { type Audience, audienceProblem } from "../../shared/policy.js";
import type { CreateItemRequest, Item, ItemFilters, ItemSummary, SearchResult } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { notify } from "../notifications/notify.js";
import { type AuditEvent, appendAudit } from "../repositories/audit.repository.js";
import { hasAcceptedCurrent } from "../repositories/documents.repository.js";
import type { ItemRow, ItemWithNames } from "../repositories/items.repository.js";
import * as itemsRepo from "../repositories/items.repository.js";
import * as measuresRepo from "../repositories/measures.repository.js";
import * as members from "../repositories/membership.repository.js";
import { newPseudonym, originatorFor } from "./anonymity.js";
import { excerpt } from "./excerpt.js";

/** De-duplicates the lists of an audience. */
export function normaliseAudience(a: Audience): Audience {
  return {
    exchange: a.exchange,
    organisations: [...new Set(a.organisations)],
    groups: [...new Set(a.groups)],
    persons: [...new Set(a.persons)],
  };
}

/** The audience columns every content row stores. */
export function audienceColumns(audience: Audience) {
  return {
    audience_exchange: audience.exchange,
    audience_organisations: [...audience.organisations],
    audience_groups: [...audience.groups],
    audience_persons: [...audience.persons],
  };
}

/** Refuses an audience that does not fit the label or names unknown or departed recipients. */
export async function checkAudience(trx: Tx, tlp: TlpLabel, audience: Audience): Promise<void> {
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

/** Refuses writing for a person who has not accepted the current documents. */
export async function requireAcceptedDocuments(trx: Tx, viewer: Viewer): Promise<void> {
  if (!(await hasAcceptedCurrent(trx, viewer.personId))) {
    throw new AppError("documents_not_accepted", "Accept the current Terms of Reference and NDA before sharing.");
  }
}

/** The audience columns of a row as an Audience. */
export function audienceOf(
  row: Pick<ItemRow, "audience_exchange" | "audience_organisations" | "audience_groups" | "audience_persons">,
): Audience {
  return {
    exchange: row.audience_exchange,
    organisations: row.audience_organisations,
    groups: row.audience_groups,
    persons: row.audience_persons,
  };
}

function summaries(rows: ItemWithNames[], viewer: Viewer): ItemSummary[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ItemKind,
    title: r.title,
    sectors: r.sectors as Item["sectors"],
    tlp: r.tlp,
    status: r.status as ItemSummary["status"],
    anonymous: r.anonymous,
    own: r.author_organisation_id === viewer.organisationId,
    ...originatorFor(r, { author: r.author_name, organisation: r.organisation_name }, viewer.organisationId),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
    source: r.source_name ?? null,
    federated: Boolean(r.federated_from),
    excerpt: excerpt(r.body),
    comments: Number(r.comment_count ?? 0),
  }));
}

async function present(trx: Tx, row: ItemWithNames, viewer: Viewer): Promise<Item> {
  const names = await members.namesOf(trx, {
    persons: row.audience_persons,
    organisations: row.audience_organisations,
    groups: row.audience_groups,
  });
  const ref = (id: string) => ({ id, name: names.get(id) ?? "" });
  const [summary] = summaries([row], viewer);
  const { excerpt: _excerpt, comments: _comments, ...rest } = summary as ItemSummary;
  return {
    ...rest,
    body: row.body,
    details: row.details,
    audience: {
      exchange: row.audience_exchange,
      organisations: row.audience_organisations.map(ref),
      groups: row.audience_groups.map(ref),
      persons: row.audience_persons.map(ref),
    },
    statisticsConsent: row.statistics_consent,
    canChangeLabel: rest.own,
    closedAt: row.closed_at?.toISOString() ?? null,
    summary: row.summary,
  };
}

/** An audit event about content; an anonymous originator appears only as its pseudonym. */
export function contentAudit(
  deps: Deps,
  viewer: Viewer,
  action: string,
  subject: { type: string; id: string },
  details: Record<string, string | number>,
  anonymous: { pseudonym: string } | null = null,
): AuditEvent {
  return {
    at: deps.clock(),
    actorId: anonymous ? null : viewer.personId,
    organisationId: viewer.organisationId,
    category: "content",
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    details: anonymous ? { ...details, pseudonym: anonymous.pseudonym } : details,
  };
}

async function snapshot(trx: Tx, row: ItemRow, viewer: Viewer, at: Date, version: number): Promise<void> {
  await itemsRepo.insertVersion(trx, itemsRepo.versionRow(row, version, viewer.personId, at, row.stix_modified ?? null));
}

async function readableOr404(trx: Tx, id: string): Promise<ItemWithNames> {
  const row = await itemsRepo.findReadableItem(trx, id);
  if (!row) throw notFound("item");
  return row;
}

function requireOriginator(row: ItemRow, viewer: Viewer, what: string): void {
  if (row.federated_from) {
    throw new AppError("federated_read_only", "This item came from a peer exchange: it is read-only here.");
  }
  if (row.author_organisation_id !== viewer.organisationId) {
    throw new AppError("not_originator", `Only the originating organisation may ${what}.`);
  }
}

export type CreateInput = CreateItemRequest & {
  audience: Audience;
  sectors: string[];
  body: string;
  anonymous: boolean;
  statisticsConsent: boolean;
  details: object;
};

/** Posts an item; the author must have accepted the current documents. */
export async function createItem(deps: Deps, viewer: Viewer, input: CreateInput): Promise<Item> {
  return deps.db.asViewer(viewer.personId, (trx) => createItemIn(trx, deps, viewer, input));
}

/** Posts an item inside the caller's transaction; everyone who may read it is notified. */
export async function createItemIn(trx: Tx, deps: Deps, viewer: Viewer, input: CreateInput): Promise<Item> {
  await requireAcceptedDocuments(trx, viewer);
  const audience = normaliseAudience(input.audience);
  await checkAudience(trx, input.tlp, audience);
  const now = deps.clock();
  const details = input.details as Record<string, unknown>;
  const row: ItemRow = {
    id: randomUUID(),
    kind: input.kind,
    title: input.title,
    body: input.body,
    sectors: [...new Set(input.sectors)],
    tlp: input.tlp,
    ...audienceColumns(audience),
    author_id: viewer.personId,
    author_organisation_id: viewer.organisationId,
    created_at: now,
    updated_at: now,
    version: 1,
    details,
    status: statusOf(input.kind, details),
    anonymous: input.anonymous,
    pseudonym: input.anonymous ? newPseudonym() : null,
    statistics_consent: input.statisticsConsent,
    closed_at: null,
    summary: null,
  };
  await itemsRepo.insertItem(trx, row);
  if (row.kind === "measure") {
    // A measure's workflow (adoption, reviews) lives beside the item; it starts as proposed.
    await measuresRepo.insertMeasure(trx, {
      item_id: row.id,
      stage: "proposed",
      applies_to_sectors: details.appliesToSectors as string[],
      applies_to_kinds: details.appliesToKinds as string[],
      decision_note: "",
    });
  }
  await snapshot(trx, row, viewer, now, 1);
  await appendAudit(
    trx,
    contentAudit(
      deps,
      viewer,
      "item.created",
      { type: "item", id: row.id },
      { tlp: row.tlp, kind: row.kind },
      row.pseudonym ? { pseudonym: row.pseudonym } : null,
    ),
  );
  const urgent = row.kind === "warning" && (details.requiresAcknowledgement === true || details.urgency === "flash");
  await notify(trx, deps, {
    type: row.kind === "warning" ? "warning.posted" : "item.posted",
    subject: { type: "item", id: row.id, title: row.title, tlp: row.tlp, chain: [row] },
    urgent,
    exclude: [viewer.personId],
  });
  return present(trx, await readableOr404(trx, row.id), viewer);
}

/** One item, or not_found when it does not exist for this viewer; the read is audited. */
export async function getItem(deps: Deps, viewer: Viewer, id: string): Promise<Item> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await readableOr404(trx, id);
    await appendAudit(trx, contentAudit(deps, viewer, "item.read", { type: "item", id: row.id }, { tlp: row.tlp }));
    await itemsRepo.recordRead(trx, row.id, viewer.personId, viewer.organisationId, deps.clock());
    return present(trx, row, viewer);
  });
}

function sameApplicability(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const key = (d: Record<string, unknown>, k: string) => JSON.stringify([...((d[k] as string[] | undefined) ?? [])].sort());
  return ["appliesToSectors", "appliesToKinds"].every((k) => key(before, k) === key(after, k));
}

/** Edits an item of the viewer's organisation; the previous state stays in the history. */
export async function updateItem(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { title: string; body: string; sectors: string[]; details: Record<string, unknown> },
): Promise<Item> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await readableOr404(trx, id);
    requireOriginator(row, viewer, "edit this item");
    await requireAcceptedDocuments(trx, viewer);
    const parsed = KINDS[row.kind as ItemKind].details.safeParse(input.details);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: ["body", "details", ...i.path].join("."), message: i.message }));
      throw new AppError("validation_failed", `${details[0]?.path}: ${details[0]?.message}`, details);
    }
    const now = deps.clock();
    const details = parsed.data as Record<string, unknown>;
    if (row.kind === "measure" && !sameApplicability(row.details, details)) {
      throw new AppError(
        "conflict",
        "Whom a measure applies to is revised by the chairs or the secretariat (PATCH /api/measures/{id}).",
      );
    }
    // Answerers wrote under the promise of pseudonymity: once there are answers it cannot be lifted.
    if (row.kind === "rfi" && row.details.answerersVisible !== details.answerersVisible && Number(row.comment_count) > 0) {
      throw new AppError("conflict", "Whether answerers see each other cannot change once the request has answers.");
    }
    const patch = {
      title: input.title,
      body: input.body,
      sectors: [...new Set(input.sectors)],
      details,
      status: row.kind === "measure" ? row.status : statusOf(row.kind as ItemKind, details, row.closed_at !== null),
      updated_at: now,
      // An imported item edited here is a newer STIX version of it.
      ...(row.stix_id ? { stix_modified: now } : {}),
    };
    await itemsRepo.updateItem(trx, id, patch);
    await snapshot(trx, { ...row, ...patch }, viewer, now, row.version + 1);
    await appendAudit(
      trx,
      contentAudit(
        deps,
        viewer,
        "item.updated",
        { type: "item", id },
        { version: row.version + 1 },
        row.pseudonym ? { pseudonym: row.pseudonym } : null,
      ),
    );
    return present(trx, await readableOr404(trx, id), viewer);
  });
}

/** Closes an RFI with a summary; only its originating organisation may. */
export async function closeRfi(deps: Deps, viewer: Viewer, id: string, summary: string): Promise<Item> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await readableOr404(trx, id);
    if (row.kind !== "rfi") throw new AppError("conflict", "Only a request for information can be closed.");
    requireOriginator(row, viewer, "close this request for information");
    await requireAcceptedDocuments(trx, viewer);
    if (row.closed_at) throw new AppError("conflict", "This request for information is closed already.");
    const now = deps.clock();
    await itemsRepo.updateItem(trx, id, { closed_at: now, summary, status: "closed", updated_at: now });
    await snapshot(trx, row, viewer, now, row.version + 1);
    await appendAudit(
      trx,
      contentAudit(
        deps,
        viewer,
        "rfi.closed",
        { type: "item", id },
        { tlp: row.tlp },
        row.pseudonym ? { pseudonym: row.pseudonym } : null,
      ),
    );
    return present(trx, await readableOr404(trx, id), viewer);
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
export async function feed(deps: Deps, viewer: Viewer, query: ItemFilters & { limit: number; cursor?: string }) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const rows = await itemsRepo.listReadableItems(trx, { ...query, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: summaries(page, viewer), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  });
}

/** Full-text search with filters and facets over what the viewer may read. */
export async function search(deps: Deps, viewer: Viewer, filters: ItemFilters, limit: number): Promise<SearchResult> {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const { total, rows, facets } = await itemsRepo.searchReadableItems(trx, filters, limit);
    const presented = summaries(rows, viewer);
    const orgIds = facets.organisation.map((f) => f.value).filter((v): v is string => v !== null && v !== "anonymous");
    const orgNames = await members.namesOf(trx, { organisations: orgIds });
    const named = (list: { value: string | null; n: number }[], name: (v: string) => string) =>
      list
        .map((f) => ({ value: String(f.value), name: name(String(f.value)), count: Number(f.n) }))
        .sort((a, b) => b.count - a.count);
    return {
      total,
      results: presented.map((s, i) => {
        const row = rows[i];
        const matchedIn = !filters.q || row?.in_item ? ["item"] : ["comment or attachment"];
        return { ...s, snippet: row?.snippet || s.excerpt, rank: Number(row?.rank ?? 0), matchedIn };
      }),
      facets: {
        kind: named(facets.kind, (v) => KINDS[v as ItemKind]?.name ?? v),
        tlp: named(facets.tlp, (v) => v),
        sector: named(facets.sector, (v) => v),
        status: named(facets.status, (v) => v),
        organisation: named(facets.organisation, (v) => (v === "anonymous" ? "Anonymous" : (orgNames.get(v) ?? v))),
      },
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
    const row = await readableOr404(trx, id);
    requireOriginator(row, viewer, "change this item's label");
    await requireAcceptedDocuments(trx, viewer);
    const audience = normaliseAudience(input.audience ?? audienceOf(row));
    await checkAudience(trx, input.tlp, audience);
    const now = deps.clock();
    const patch = {
      tlp: input.tlp,
      ...audienceColumns(audience),
      updated_at: now,
      ...(row.stix_id ? { stix_modified: now } : {}),
    };
    await itemsRepo.updateItem(trx, id, patch);
    await snapshot(trx, { ...row, ...patch }, viewer, now, row.version + 1);
    await itemsRepo.insertLabelChange(trx, {
      id: randomUUID(),
      item_id: id,
      from_tlp: row.tlp,
      to_tlp: input.tlp,
      reason: input.reason,
      changed_by: viewer.personId,
      changed_at: now,
    });
    // The audience is told (DESIGN.md): everyone who may read it under the new label.
    await notify(trx, deps, {
      type: "item.label_changed",
      subject: { type: "item", id, title: row.title, tlp: input.tlp, chain: [{ ...row, ...patch }] },
      urgent: false,
      exclude: [viewer.personId],
    });
    await appendAudit(
      trx,
      contentAudit(
        deps,
        viewer,
        "item.label_changed",
        { type: "item", id },
        { from: row.tlp, to: input.tlp },
        row.pseudonym ? { pseudonym: row.pseudonym } : null,
      ),
    );
    return present(trx, await readableOr404(trx, id), viewer);
  });
}

/** The label history of a readable item; an anonymous originator's changes show its pseudonym. */
export async function labelHistory(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await readableOr404(trx, id);
    const hidden = item.anonymous && item.author_organisation_id !== viewer.organisationId;
    const rows = await itemsRepo.labelChanges(trx, id);
    return {
      changes: rows.map((r) => ({
        from: r.from_tlp,
        to: r.to_tlp,
        reason: r.reason,
        changedAt: r.changed_at.toISOString(),
        changedBy: hidden
          ? { id: null, name: item.pseudonym ?? "Anonymous contributor" }
          : { id: r.changed_by, name: r.changed_by_name },
      })),
    };
  });
}

/** The versions of a readable item that the viewer may read, newest first. */
export async function versions(deps: Deps, viewer: Viewer, id: string) {
  return deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await readableOr404(trx, id);
    const hidden = item.anonymous && item.author_organisation_id !== viewer.organisationId;
    const rows = await itemsRepo.readableVersions(trx, id);
    return {
      versions: rows.map((v) => ({
        version: v.version,
        title: v.title,
        body: v.body,
        sectors: v.sectors as Item["sectors"],
        details: v.details,
        tlp: v.tlp,
        editedBy: hidden
          ? { id: null, name: item.pseudonym ?? "Anonymous contributor" }
          : { id: v.edited_by, name: v.edited_by_name },
        editedAt: v.edited_at.toISOString(),
      })),
    };
  });
}
