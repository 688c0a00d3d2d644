// The facts of a measure: stage, to whom it applies, the adopting decision, target and review dates, retirement.
import { DateTime } from "../../components/date-time.js";
import type { Measure } from "../../data/types.js";
import { formatDay, organisationKindName, sectorName } from "../../lib/format.js";
import { Link } from "../../router/router.js";
import { MeasureStageChip } from "../measures/measure-card.js";

function Decision({ measure }: { measure: Measure }) {
  const decision = measure.decision;
  if (!decision) return null;
  return (
    <div>
      <dt>Adopted by</dt>
      <dd data-testid="measure-decision">
        {decision.decisionId ? (
          <>Meeting decision{decision.text ? <>: “{decision.text}”</> : " (not visible to you)"}</>
        ) : (
          "The chairs, between meetings"
        )}
        {decision.note && <span className="pre-wrap block">{decision.note}</span>}
        <span className="byline">
          {decision.decidedBy.name}, <DateTime iso={decision.decidedAt} dateOnly />
        </span>
      </dd>
    </div>
  );
}

/** The facts list at the top of a measure page. */
export function MeasureFacts({ measure }: { measure: Measure }) {
  return (
    <dl className="meta measure-facts">
      <div>
        <dt>Stage</dt>
        <dd>
          <MeasureStageChip stage={measure.stage} />
        </dd>
      </div>
      <div>
        <dt>Applies to sectors</dt>
        <dd data-testid="applies-to-sectors">{measure.appliesToSectors.map(sectorName).join(", ")}</dd>
      </div>
      <div>
        <dt>Applies to</dt>
        <dd>{measure.appliesToKinds.map(organisationKindName).join(", ")}</dd>
      </div>
      <Decision measure={measure} />
      {measure.targetDate && (
        <div>
          <dt>Target date</dt>
          <dd>{formatDay(measure.targetDate)}</dd>
        </div>
      )}
      {measure.reviewIntervalMonths !== null && (
        <div>
          <dt>Review</dt>
          <dd>
            Every {measure.reviewIntervalMonths} month{measure.reviewIntervalMonths === 1 ? "" : "s"}
            {measure.lastReviewOn && <>; last {formatDay(measure.lastReviewOn)}</>}
            {measure.nextReviewOn && <>; next {formatDay(measure.nextReviewOn)}</>}
          </dd>
        </div>
      )}
      {measure.retiredReason && (
        <div>
          <dt>Retired because</dt>
          <dd className="pre-wrap">{measure.retiredReason}</dd>
        </div>
      )}
      <div>
        <dt>As an item</dt>
        <dd>
          <Link to={`/items/${measure.id}`}>Attachments, related items and history</Link>
        </dd>
      </div>
    </dl>
  );
}
