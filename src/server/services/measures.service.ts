// Preparedness measures: proposed (an item of kind "measure" with its thread), adopted by a recorded
// decision, implemented by each applicable organisation (its report under its own label, by default
// only that organisation), reviewed on a schedule. Everyone else sees suppressed aggregates.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.js";
import type { ImplementationStatus, Measure, MeasureSummary, ProposeMeasureRequest } from "../../shared/schemas/index.js";
import { IMPLEMENTATION_STATUSES } from "../../shared/schemas/index.js";
import { suppressRow } from "../../shared/suppression.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import type { Tx } from "../db/database.js";
import { notify } from "../notifications/notify.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as collab from "../repositories/collaboration.repository.js";
import * as itemsRepo from "../repositories/items.repository.js";
import * as repo from "../repositories/measures.repository.js";
import * as meetingsRepo from "../repositories/meetings.repository.js";
import * as members from "../repositories/membership.repository.js";
import { today } from "./actions.service.js";
import {
  audienceColumns,
  checkAudience,
  contentAudit,
  createItemIn,
  normaliseAudience,
  requireAcceptedDocuments,
} from "./items.service.js";
import { isManager } from "./meetings.service.js";

type Organisation = Awaited<ReturnType<typeof repo.activeOrganisations>>[number];
type Status = { measure_id: string; organisation_id: string; status: string; confirmed_at: Date; statistics_consent: boolean };

/** Whether a measure applies to an organisation: one of its sectors and its kind. */
export function appliesTo(measure: { applies_to_sectors: string[]; applies_to_kinds: string[] }, organisation: Organisation) {
  return (
    measure.applies_to_kinds.includes(organisation.kind) &&
    organisation.sectors.some((s) => measure.applies_to_sectors.includes(s))
  );
}

/** Adds whole months to a YYYY-MM-DD day (clamped to the month's end). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Whether an organisation's report is missing or older than the last review that fell due. */
function reportDue(measure: repo.MeasureRow, status: Status | undefined): boolean {
  if (measure.stage !== "adopted") return false;
  if (!status) return true;
  return measure.last_review_on !== null && status.confirmed_at.toISOString().slice(0, 10) < measure.last_review_on;
}

function aggregate(measure: repo.MeasureRow, organisations: Organisation[], statuses: Status[]) {
  const applicable = new Set(organisations.filter((o) => appliesTo(measure, o)).map((o) => o.id));
  const counts = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<ImplementationStatus, number>;
  let reported = 0;
  for (const s of statuses) {
    if (s.measure_id !== measure.item_id || !applicable.has(s.organisation_id)) continue;
    counts[s.status as ImplementationStatus]++;
    reported++;
  }
  const { cells, total } = suppressRow(counts, reported);
  return { applicableOrganisations: applicable.size, reported: total, byStatus: cells };
}

/**
 * The statuses a viewer's aggregates count (DESIGN.md: what the viewer may read, plus what its
 * organisation allowed to count anonymised) and the reports the viewer may read. Statuses are
 * read as the owner once the viewer's own transaction has said which reports are readable.
 */
async function statusesFor(deps: Deps, viewer: Viewer, ids: string[]) {
  const readable = await deps.db.asViewer(viewer.personId, (trx) => repo.readableReportKeys(trx, ids));
  const [organisations, all] = await deps.db.asOwner(async (trx) =>
    Promise.all([repo.activeOrganisations(trx), repo.statusesOf(trx, ids)]),
  );
  const isReadable = (s: Status) => readable.has(`${s.measure_id}/${s.organisation_id}`);
  return { organisations, counted: all.filter((s) => s.statistics_consent || isReadable(s)), readable: all.filter(isReadable) };
}

function summary(
  row: repo.MeasureWithItem,
  viewer: Viewer,
  { organisations, counted, readable }: Awaited<ReturnType<typeof statusesFor>>,
): MeasureSummary {
  const mine = organisations.find((o) => o.id === viewer.organisationId);
  const myStatus = readable.find((s) => s.measure_id === row.item_id && s.organisation_id === viewer.organisationId);
  const applies = mine ? appliesTo(row, mine) : false;
  return {
    id: row.item_id,
    title: row.title,
    tlp: row.tlp,
    stage: row.stage,
    appliesToSectors: row.applies_to_sectors as MeasureSummary["appliesToSectors"],
    appliesToKinds: row.applies_to_kinds as MeasureSummary["appliesToKinds"],
    adoptedAt: row.adopted_at?.toISOString() ?? null,
    targetDate: row.target_date,
    nextReviewOn: row.next_review_on,
    appliesToMe: applies,
    myStatus: (myStatus?.status as ImplementationStatus | undefined) ?? null,
    myReportDue: applies && reportDue(row, myStatus),
    aggregate: aggregate(row, organisations, counted),
  };
}

async function measureOr404(trx: Tx, id: string): Promise<repo.MeasureWithItem> {
  const row = await repo.findMeasure(trx, id);
  if (!row) throw notFound("measure");
  return row;
}

function requireManager(viewer: Viewer): void {
  if (!isManager(viewer))
    throw new AppError("forbidden", "Only the chairs and the secretariat adopt, revise or retire measures.");
}

async function detailOf(trx: Tx, row: repo.MeasureWithItem) {
  const decision = row.decision_id ? await meetingsRepo.findReadableDecision(trx, row.decision_id) : undefined;
  const adopter = row.adopted_by ? await members.findPerson(trx, row.adopted_by) : undefined;
  const links = await collab.readableLinks(trx, row.item_id);
  const reports = await repo.readableReports(trx, row.item_id);
  return { decision, adopter, links, reports };
}

/** One measure with what the viewer may read of it. */
export async function getMeasure(deps: Deps, viewer: Viewer, id: string): Promise<Measure> {
  const { row, detail } = await deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await measureOr404(trx, id);
    return { row, detail: await detailOf(trx, row) };
  });
  const statuses = await statusesFor(deps, viewer, [row.item_id]);
  const { decision, adopter, links, reports } = detail;
  return {
    ...summary(row, viewer, statuses),
    body: row.body,
    rationale: String((row.details as { rationale?: string }).rationale ?? ""),
    decision:
      row.adopted_at && adopter
        ? {
            decisionId: row.decision_id,
            text: decision?.text ?? null,
            note: row.decision_note,
            decidedBy: { id: adopter.id, name: adopter.name },
            decidedAt: row.adopted_at.toISOString(),
          }
        : null,
    reviewIntervalMonths: row.review_interval_months,
    lastReviewOn: row.last_review_on,
    retiredReason: row.retired_reason,
    linkedItems: links.map((l) =>
      l.from_id === row.item_id
        ? { id: l.to_id, title: l.to_title, kind: l.to_kind, tlp: l.to_tlp }
        : { id: l.from_id, title: l.from_title, kind: l.from_kind, tlp: l.from_tlp },
    ),
    reports: reports.map((r) => ({
      organisation: { id: r.organisation_id, name: r.organisation_name },
      status: r.status,
      reason: r.reason,
      evidence: r.evidence,
      tlp: r.tlp,
      countInStatistics: r.statistics_consent,
      reportedBy: { id: r.author_id, name: r.author_name },
      updatedAt: r.updated_at.toISOString(),
      confirmedAt: r.confirmed_at.toISOString(),
    })),
    canManage: isManager(viewer),
  };
}

/** Readable measures, optionally only those that apply to the viewer's organisation. */
export async function listMeasures(
  deps: Deps,
  viewer: Viewer,
  query: { stage?: repo.MeasureRow["stage"]; mine?: "true" | "false" },
) {
  const rows = await deps.db.asViewer(viewer.personId, (trx) => repo.listMeasures(trx, query.stage));
  const statuses = await statusesFor(
    deps,
    viewer,
    rows.map((r) => r.item_id),
  );
  const measures = rows.map((r) => summary(r, viewer, statuses));
  return { measures: query.mine === "true" ? measures.filter((m) => m.appliesToMe) : measures };
}

/** Proposes a measure: an item of kind "measure" with links to what it answers. */
export async function proposeMeasure(deps: Deps, viewer: Viewer, input: ProposeMeasureRequest): Promise<Measure> {
  const id = await deps.db.asViewer(viewer.personId, async (trx) => {
    const item = await createItemIn(trx, deps, viewer, {
      kind: "measure",
      title: input.title,
      body: input.body,
      tlp: input.tlp,
      audience: input.audience,
      sectors: input.sectors,
      details: {
        appliesToSectors: [...new Set(input.appliesToSectors)],
        appliesToKinds: [...new Set(input.appliesToKinds)],
        ...(input.rationale ? { rationale: input.rationale } : {}),
      },
      anonymous: false,
      statisticsConsent: false,
    });
    for (const target of new Set(input.linkedItemIds)) {
      if (!(await itemsRepo.findReadableItem(trx, target))) throw notFound("linked item");
      await collab.insertLink(trx, {
        id: randomUUID(),
        from_item_id: item.id,
        to_item_id: target,
        relation: "mitigates",
        created_by: viewer.personId,
        created_at: deps.clock(),
      });
    }
    return item.id;
  });
  return getMeasure(deps, viewer, id);
}

/** Adopts a proposed measure by a meeting's decision or the chairs' between meetings. */
export async function adoptMeasure(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: { decisionId: string | null; note: string; reviewIntervalMonths: number; targetDate: string },
): Promise<Measure> {
  requireManager(viewer);
  await deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await measureOr404(trx, id);
    if (row.stage !== "proposed") throw new AppError("conflict", `The measure is ${row.stage} already.`);
    if (input.decisionId) {
      if (!(await meetingsRepo.findReadableDecision(trx, input.decisionId))) throw notFound("decision");
    }
    const now = deps.clock();
    const day = today(deps);
    const adopted = await repo.advanceStage(trx, id, "proposed", {
      stage: "adopted",
      adopted_at: now,
      adopted_by: viewer.personId,
      decision_id: input.decisionId,
      decision_note: input.note,
      review_interval_months: input.reviewIntervalMonths,
      target_date: input.targetDate,
      next_review_on: addMonths(day, input.reviewIntervalMonths),
    });
    if (!adopted) throw new AppError("conflict", "The measure was adopted meanwhile.");
    await repo.syncItem(trx, id, "adopted", null, now);
    await appendAudit(trx, contentAudit(deps, viewer, "measure.adopted", { type: "item", id }, { tlp: row.tlp }));
    await notifyApplicable(trx, deps, row, "measure.adopted", [viewer.personId]);
  });
  return getMeasure(deps, viewer, id);
}

/** Tells the persons of applicable organisations who may read the measure. */
export async function notifyApplicable(
  trx: Tx,
  deps: Deps,
  measure: repo.MeasureRow & { title: string; tlp: TlpLabel },
  type: "measure.adopted" | "measure.review_due",
  exclude: string[] = [],
): Promise<string[]> {
  const item = await itemsRepo.itemRow(trx, measure.item_id);
  if (!item) return [];
  const organisations = (await repo.activeOrganisations(trx)).filter((o) => appliesTo(measure, o)).map((o) => o.id);
  if (organisations.length === 0) return [];
  const persons = await members.personsOfOrganisations(trx, organisations);
  return notify(trx, deps, {
    type,
    subject: { type: "item", id: measure.item_id, title: measure.title, tlp: measure.tlp, chain: [item] },
    urgent: false,
    only: persons,
    exclude,
  });
}

/** Revises applicability, review interval or target date of a measure (chairs, secretariat). */
export async function reviseMeasure(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: {
    appliesToSectors?: string[];
    appliesToKinds?: string[];
    reviewIntervalMonths?: number;
    targetDate?: string;
    note: string;
  },
): Promise<Measure> {
  requireManager(viewer);
  await deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await measureOr404(trx, id);
    if (row.stage === "retired") throw new AppError("conflict", "A retired measure is not revised.");
    const sectors = input.appliesToSectors ? [...new Set(input.appliesToSectors)] : row.applies_to_sectors;
    const kinds = input.appliesToKinds ? [...new Set(input.appliesToKinds)] : row.applies_to_kinds;
    const interval = input.reviewIntervalMonths ?? row.review_interval_months;
    await repo.updateMeasure(trx, id, {
      applies_to_sectors: sectors,
      applies_to_kinds: kinds,
      review_interval_months: interval,
      target_date: input.targetDate ?? row.target_date,
      ...(input.reviewIntervalMonths && row.stage === "adopted"
        ? { next_review_on: addMonths(row.last_review_on ?? today(deps), input.reviewIntervalMonths) }
        : {}),
    });
    // The item's details carry the applicability too (search, export); keep them in step.
    await repo.syncItem(
      trx,
      id,
      row.stage,
      { ...(row.details as object), appliesToSectors: sectors, appliesToKinds: kinds },
      deps.clock(),
    );
    await appendAudit(
      trx,
      contentAudit(deps, viewer, "measure.revised", { type: "item", id }, { note: input.note.slice(0, 200) }),
    );
  });
  return getMeasure(deps, viewer, id);
}

/** Retires a measure (chairs, secretariat); reports stay, nothing more is asked. */
export async function retireMeasure(deps: Deps, viewer: Viewer, id: string, reason: string): Promise<Measure> {
  requireManager(viewer);
  await deps.db.asViewer(viewer.personId, async (trx) => {
    await requireAcceptedDocuments(trx, viewer);
    const row = await measureOr404(trx, id);
    if (row.stage === "retired") throw new AppError("conflict", "The measure is retired already.");
    const now = deps.clock();
    await repo.updateMeasure(trx, id, { stage: "retired", retired_at: now, retired_reason: reason, next_review_on: null });
    await repo.syncItem(trx, id, "retired", null, now);
    await appendAudit(trx, contentAudit(deps, viewer, "measure.retired", { type: "item", id }, { tlp: row.tlp }));
  });
  return getMeasure(deps, viewer, id);
}

/** The viewer's organisation reports (or confirms) its implementation of an adopted measure. */
export async function reportImplementation(
  deps: Deps,
  viewer: Viewer,
  id: string,
  input: {
    status: ImplementationStatus;
    reason: string;
    evidence: string;
    tlp: TlpLabel;
    audience?: { exchange: boolean; organisations: string[]; groups: string[]; persons: string[] };
    countInStatistics: boolean;
  },
): Promise<Measure> {
  await deps.db.asViewer(viewer.personId, async (trx) => {
    const row = await measureOr404(trx, id);
    await requireAcceptedDocuments(trx, viewer);
    const mine = (await repo.activeOrganisations(trx)).find((o) => o.id === viewer.organisationId);
    if (!mine || !appliesTo(row, mine)) {
      throw new AppError(
        "measure_not_applicable",
        "This measure does not apply to your organisation (its sectors or kind are not among those it names).",
      );
    }
    if (row.stage !== "adopted")
      throw new AppError("conflict", `Only an adopted measure takes reports; this one is ${row.stage}.`);
    const audience = normaliseAudience(
      input.audience ?? { exchange: false, organisations: [viewer.organisationId], groups: [], persons: [] },
    );
    // A report speaks for the organisation: every colleague reads it (and may update it).
    if (input.tlp === "TLP:RED" || !(audience.exchange || audience.organisations.includes(viewer.organisationId))) {
      throw new AppError(
        "audience_invalid",
        "A report speaks for your organisation: its audience includes your organisation, and it is never TLP:RED.",
      );
    }
    await checkAudience(trx, input.tlp, audience);
    const now = deps.clock();
    await repo.upsertReport(trx, {
      measure_id: id,
      organisation_id: viewer.organisationId,
      status: input.status,
      reason: input.reason,
      evidence: input.evidence,
      statistics_consent: input.countInStatistics,
      tlp: input.tlp,
      ...audienceColumns(audience),
      author_id: viewer.personId,
      author_organisation_id: viewer.organisationId,
      updated_at: now,
      confirmed_at: now,
    });
    await repo.insertHistory(trx, {
      id: randomUUID(),
      measure_id: id,
      organisation_id: viewer.organisationId,
      status: input.status,
      at: now,
    });
    await appendAudit(trx, contentAudit(deps, viewer, "measure.reported", { type: "item", id }, { status: input.status }));
  });
  return getMeasure(deps, viewer, id);
}
