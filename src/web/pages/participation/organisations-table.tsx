// What each organisation did in the period: contributions (by TLP label), comments, reading, acknowledgements and RFI
// answers with their median times, reactions received, meetings and actions, and the last contribution.
import { TLP_LABELS } from "../../../shared/tlp.js";
import { DateTime } from "../../components/date-time.js";
import { NumericHeads } from "../../components/numeric-heads.js";
import type { OrganisationParticipation } from "../../data/types.js";
import { formatHours, organisationKindName } from "../../lib/format.js";

/** "3 of 4", or a dash when there was nothing to count. */
function outOf(part: number, whole: number) {
  return whole === 0 ? <span className="muted">—</span> : `${part} of ${whole}`;
}

/** A count with its median time, e.g. "5 · median 6 h"; an organisation's own median is null only when it has none. */
function withMedian(count: number, hours: number | null) {
  return (
    <>
      {count}
      {hours !== null && <span className="cell-detail">median {formatHours(hours)}</span>}
    </>
  );
}

/** The per-label breakdown of contributions, e.g. "CLEAR 2 · GREEN 5" (labels with none are left out). */
export function LabelBreakdown({ byLabel }: { byLabel: OrganisationParticipation["contributedByLabel"] }) {
  const parts = TLP_LABELS.filter((l) => (byLabel[l] ?? 0) > 0).map((l) => `${l.replace("TLP:", "")} ${byLabel[l]}`);
  return parts.length ? <span className="cell-detail">{parts.join(" · ")}</span> : null;
}

/** The table; `caption` names it for assistive technology. */
export function OrganisationsTable({ rows, caption }: { rows: readonly OrganisationParticipation[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="participation-table" data-testid="participation-organisations">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <NumericHeads
              labels={[
                "Contributed",
                "Comments",
                "Items read",
                "Acknowledged",
                "RFI answers",
                "Useful / seen",
                "Meetings",
                "Actions on time",
              ]}
            />
            <th scope="col">Last contribution</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.organisation.id}>
              <th scope="row">
                {r.organisation.name}
                <span className="cell-detail">{organisationKindName(r.organisation.kind)}</span>
              </th>
              <td className="numeric">
                {r.contributed}
                <LabelBreakdown byLabel={r.contributedByLabel} />
              </td>
              <td className="numeric">{r.comments}</td>
              <td className="numeric">{r.itemsRead}</td>
              <td className="numeric">{withMedian(r.acknowledgements, r.acknowledgementMedianHours)}</td>
              <td className="numeric">{withMedian(r.rfiAnswers, r.rfiAnswerMedianHours)}</td>
              <td className="numeric">
                {r.usefulReceived} / {r.seenReceived}
              </td>
              <td className="numeric">{outOf(r.meetingsAttended, r.meetingsHeld)}</td>
              <td className="numeric">{outOf(r.actionsClosedOnTime, r.actionsDue)}</td>
              <td className="nowrap">
                {r.lastContributionAt ? <DateTime iso={r.lastContributionAt} dateOnly /> : <span className="muted">Never</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
