// One measure in a list: label, stage, title, to whom it applies, dates, the viewer's organisation's status and
// the aggregate bar.
import { StatusCountsBar } from "../../components/status-counts-bar.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import type { MeasureStage, MeasureSummary } from "../../data/types.js";
import { formatDay, implementationStatusName, measureStageName, organisationKindName, sectorName } from "../../lib/format.js";
import { Link } from "../../router/router.js";

/** The stage of a measure as a chip (text, never colour alone). */
export function MeasureStageChip({ stage }: { stage: MeasureStage }) {
  return (
    <span className={`status status-measure-${stage}`} data-testid="measure-stage">
      {measureStageName(stage)}
    </span>
  );
}

/** "Energy, Water · Private sector, Public sector": the sectors and kinds of organisation a measure applies to. */
export function appliesToText(measure: Pick<MeasureSummary, "appliesToSectors" | "appliesToKinds">): string {
  return `${measure.appliesToSectors.map(sectorName).join(", ")} · ${measure.appliesToKinds.map(organisationKindName).join(", ")}`;
}

/** What the viewer's organisation has to do about a measure: report, or nothing (with its last status). */
export function MyStatus({ measure }: { measure: MeasureSummary }) {
  if (!measure.appliesToMe) return <span className="muted">Does not apply to your organisation</span>;
  return (
    <span className="my-status">
      Your organisation: <strong>{measure.myStatus ? implementationStatusName(measure.myStatus) : "not reported"}</strong>
      {measure.myReportDue && (
        <span className="status status-overdue" data-testid="report-due">
          Report due
        </span>
      )}
    </span>
  );
}

/** A card linking to the measure page. */
export function MeasureCard({ measure }: { measure: MeasureSummary }) {
  return (
    <li className={`measure-card${measure.myReportDue ? " measure-card-due" : ""}`} data-testid="measure-card">
      <div className="item-card-meta">
        <TlpBadge label={measure.tlp} />
        <MeasureStageChip stage={measure.stage} />
        <span className="muted small">{appliesToText(measure)}</span>
      </div>
      <h3 className="item-card-title">
        <Link to={`/measures/${measure.id}`}>{measure.title}</Link>
      </h3>
      <p className="byline">
        {measure.targetDate && <>Target {formatDay(measure.targetDate)}</>}
        {measure.targetDate && measure.nextReviewOn && <span aria-hidden="true"> · </span>}
        {measure.nextReviewOn && <>Next review {formatDay(measure.nextReviewOn)}</>}
        {!measure.targetDate && !measure.nextReviewOn && measure.stage === "proposed" && "Proposed: under discussion"}
      </p>
      <MyStatus measure={measure} />
      {measure.stage !== "proposed" && <StatusCountsBar aggregate={measure.aggregate} compact />}
    </li>
  );
}
