// What the chairs see of a measure's adoption: the share of applicable organisations that report
// it implemented, month by month, per sector and kind (groups under 3 organisations withheld), and
// which organisations are overdue; and the export of measures with their suppressed aggregates.
import { AppError } from "../../shared/errors.js";
import { MIN_CELL } from "../../shared/suppression.js";
import type { Deps, Viewer } from "../context.js";
import { csvCell } from "../export/csv.js";
import * as repo from "../repositories/measures.repository.js";
import { appliesTo, listMeasures } from "./measures.service.js";
import { isManager } from "./meetings.service.js";

const MAX_MONTHS = 36;

function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (d <= to && months.length < MAX_MONTHS) {
    months.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return months;
}

function endOfMonth(month: string): Date {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1) - 1);
}

/** Adoption over time and overdue organisations of one measure (chairs and secretariat). */
export async function adoptionOverview(deps: Deps, viewer: Viewer, id: string) {
  if (!isManager(viewer)) throw new AppError("forbidden", "Adoption per organisation is for the chairs and the secretariat.");
  const { measure, readable } = await deps.db.asViewer(viewer.personId, async (trx) => ({
    measure: await repo.findMeasure(trx, id),
    readable: await repo.readableReportKeys(trx, [id]),
  }));
  if (!measure) throw new AppError("not_found", "No such measure.");
  const { organisations, history, statuses } = await deps.db.asOwner(async (trx) => ({
    organisations: await repo.activeOrganisations(trx),
    history: await repo.historyOf(trx, id),
    statuses: await repo.statusesOf(trx, [id]),
  }));
  const applicable = organisations.filter((o) => appliesTo(measure, o));
  // The curves count only statuses the chair may read or that their organisation let count.
  const counted = new Set(
    statuses.filter((s) => s.statistics_consent || readable.has(`${id}/${s.organisation_id}`)).map((s) => s.organisation_id),
  );
  const months = measure.adopted_at ? monthsBetween(measure.adopted_at, deps.clock()) : [];
  const statusAt = (organisationId: string, at: Date) => {
    let status: string | null = null;
    if (!counted.has(organisationId)) return null;
    for (const h of history) if (h.organisation_id === organisationId && h.at <= at) status = h.status;
    return status;
  };
  const groups = [
    { group: "all", dimension: "all" as const, members: applicable },
    ...measure.applies_to_sectors.map((s) => ({
      group: s,
      dimension: "sector" as const,
      members: applicable.filter((o) => o.sectors.includes(s)),
    })),
    ...measure.applies_to_kinds.map((k) => ({
      group: k,
      dimension: "kind" as const,
      members: applicable.filter((o) => o.kind === k),
    })),
  ];
  const series = groups.map((g) => ({
    group: g.group,
    dimension: g.dimension,
    applicable: g.members.length,
    implemented: months.map((month) => {
      if (g.members.length < MIN_CELL) return null;
      const at = endOfMonth(month);
      const done = g.members.filter((o) => statusAt(o.id, at) === "implemented").length;
      return done / g.members.length;
    }),
  }));
  const overdue =
    measure.stage === "adopted"
      ? applicable
          .map((o) => ({ o, status: statuses.find((s) => s.organisation_id === o.id) }))
          .filter(({ status }) => {
            if (!status)
              return measure.adopted_at !== null && deps.clock().getTime() - measure.adopted_at.getTime() > 30 * 86_400_000;
            return measure.last_review_on !== null && status.confirmed_at.toISOString().slice(0, 10) < measure.last_review_on;
          })
          .map(({ o, status }) => ({
            organisation: { id: o.id, name: o.name },
            lastReportAt: status?.confirmed_at.toISOString() ?? null,
          }))
      : [];
  return { measureId: id, months, series, overdue };
}

/** The readable measures with their aggregates, as JSON or CSV (no report, no evidence). */
export async function exportMeasures(deps: Deps, viewer: Viewer, format: "csv" | "json") {
  const { measures } = await listMeasures(deps, viewer, {});
  if (format === "json") return { contentType: "application/json", body: JSON.stringify({ measures }, null, 2) };
  const header = [
    "id",
    "title",
    "tlp",
    "stage",
    "applies_to_sectors",
    "applies_to_kinds",
    "adopted_at",
    "target_date",
    "next_review_on",
    "applicable_organisations",
    "reported",
    "not_started",
    "planned",
    "in_progress",
    "implemented",
    "not_applicable",
  ];
  const rows = measures.map((m) => [
    m.id,
    m.title,
    m.tlp,
    m.stage,
    m.appliesToSectors.join(" "),
    m.appliesToKinds.join(" "),
    m.adoptedAt,
    m.targetDate,
    m.nextReviewOn,
    m.aggregate.applicableOrganisations,
    m.aggregate.reported,
    m.aggregate.byStatus["not-started"],
    m.aggregate.byStatus.planned,
    m.aggregate.byStatus["in-progress"],
    m.aggregate.byStatus.implemented,
    m.aggregate.byStatus["not-applicable"],
  ]);
  const body = [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n");
  return { contentType: "text/csv; charset=utf-8", body: `${body}\r\n` };
}
