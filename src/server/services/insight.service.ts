// The strategic insight report: facts read as its builder (chairs, secretariat), limited to what
// may leave the circle of readers — CLEAR/GREEN content the builder may read, and items released
// for anonymised statistics — then pooled and suppressed by src/shared/insight.ts.
import { AppError } from "../../shared/errors.js";
import { computeInsight } from "../../shared/insight.js";
import type { InsightQuery, InsightReport } from "../../shared/schemas/index.js";
import type { TlpLabel } from "../../shared/tlp.js";
import type { Deps, Viewer } from "../context.js";
import { appendAudit } from "../repositories/audit.repository.js";
import * as repo from "../repositories/participation.repository.js";
import { listMeasures } from "./measures.service.js";
import { isManager } from "./meetings.service.js";
import { periodOf } from "./participation.service.js";

const SHAREABLE: readonly string[] = ["TLP:CLEAR", "TLP:GREEN"];
const MAX_LESSONS = 50;

/** Builds the anonymised report of a period (chairs and secretariat); the build is audited. */
export async function buildInsight(deps: Deps, viewer: Viewer, query: InsightQuery): Promise<InsightReport> {
  if (!isManager(viewer)) throw new AppError("forbidden", "Insight reports are built by the chairs and the secretariat.");
  const period = periodOf(query, deps.clock());
  const { items, dependencies, lessons } = await deps.db.asViewer(viewer.personId, async (trx) => {
    const gathered = {
      items: await repo.statisticsItems(trx, period.start, period.end),
      dependencies: await repo.shareableDependencies(trx),
      lessons: await repo.shareableLessons(trx, period.start, period.end, MAX_LESSONS),
    };
    await appendAudit(trx, {
      at: deps.clock(),
      actorId: viewer.personId,
      organisationId: viewer.organisationId,
      category: "content",
      action: "insight.built",
      details: { from: period.from, to: period.to },
    });
    return gathered;
  });
  const { measures } = await listMeasures(deps, viewer, { stage: "adopted" });
  const wide = await deps.db.asViewer(viewer.personId, (trx) =>
    repo.exchangeWideShareable(
      trx,
      measures.map((m) => m.id),
    ),
  );
  const shownMeasures = measures.filter((m) => wide.has(m.id));
  // Shareable: the builder may read it, it is CLEAR or GREEN, and it went to the whole exchange.
  const shareable = (i: (typeof items)[number]) => i.readable && SHAREABLE.includes(i.tlp) && i.audience_exchange;
  const inPeriod = (at: string | null) => at !== null && at >= period.start.toISOString() && at < period.end.toISOString();
  return computeInsight({
    from: period.from,
    to: period.to,
    months: period.months,
    generatedAt: deps.clock(),
    items: items
      .filter((i) => shareable(i) || i.statistics_consent)
      .map((i) => ({
        org: i.author_organisation_id,
        attributable: shareable(i) && (!i.anonymous || i.author_organisation_id === viewer.organisationId),
        kind: i.kind,
        weight: i.n,
        tlp: i.tlp as TlpLabel,
        month: i.month,
        sectors: i.sectors,
        severity: i.severity,
        cascadeAnalysis: i.cascade_analysis,
      })),
    dependencies: dependencies.map((d) => ({
      attributable: true,
      providerSector: d.provider_sector,
      dependentSector: d.dependent_sector,
      providerOrg: d.provider_org,
      dependentOrg: d.dependent_org,
    })),
    measures: {
      // An adoption is the exchange's own recorded decision: counted without the cell rule.
      adopted: shownMeasures.filter((m) => inPeriod(m.adoptedAt)).length,
      rows: shownMeasures.map((m) => {
        const implemented = m.aggregate.byStatus.implemented;
        const applicable = m.aggregate.applicableOrganisations;
        return {
          title: m.title,
          adoptedOn: m.adoptedAt?.slice(0, 10) ?? null,
          applicable,
          implementedShare:
            implemented === null || m.aggregate.reported === null || applicable === 0
              ? null
              : Math.round((implemented / applicable) * 1000) / 1000,
        };
      }),
    },
    lessons: lessons.map((l) => ({
      title: l.title,
      kind: l.kind,
      sectors: l.sectors,
      createdAt: l.created_at.toISOString(),
      organisation: l.organisation,
    })),
    shownLabels: [...shownMeasures.map((m) => m.tlp), ...lessons.map((l) => l.tlp as TlpLabel)],
  });
}
