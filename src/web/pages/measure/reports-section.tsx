// The implementation reports the viewer may read: their own organisation's, and any shared more widely.
import { DateTime } from "../../components/date-time.js";
import { Markdown } from "../../components/markdown.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import type { ImplementationReport } from "../../data/types.js";
import { implementationStatusName } from "../../lib/format.js";

function ReportView({ report, own }: { report: ImplementationReport; own: boolean }) {
  return (
    <li className="report" data-testid="report">
      <div className="report-head">
        <strong>{report.organisation.name}</strong>
        {own && <span className="tag">your organisation</span>}
        <span className={`status status-impl-${report.status}`}>{implementationStatusName(report.status)}</span>
        <TlpBadge label={report.tlp} />
      </div>
      {report.reason && (
        <p className="pre-wrap">
          <span className="muted">Reason: </span>
          {report.reason}
        </p>
      )}
      {report.evidence.trim() ? (
        <div className="report-evidence" data-testid="report-evidence">
          <Markdown source={report.evidence} />
        </div>
      ) : (
        <p className="muted small">No evidence given.</p>
      )}
      <p className="byline">
        {report.reportedBy.name}, updated <DateTime iso={report.updatedAt} />
        {report.confirmedAt !== report.updatedAt && (
          <>
            ; confirmed <DateTime iso={report.confirmedAt} />
          </>
        )}
      </p>
    </li>
  );
}

/** The list of reports, or a note that the viewer may read none. */
export function ReportsSection({
  reports,
  organisationId,
}: {
  reports: readonly ImplementationReport[];
  organisationId: string;
}) {
  return (
    <section className="section" aria-labelledby="reports-heading">
      <h2 id="reports-heading">
        Reports you may read <span className="heading-count">({reports.length})</span>
      </h2>
      <p className="hint">
        Each organisation labels its own report (by default TLP:AMBER+STRICT: only that organisation reads it). Everyone else sees
        the counts above.
      </p>
      {reports.length === 0 ? (
        <p className="muted">No report is shared with you.</p>
      ) : (
        <ul className="report-list" data-testid="reports">
          {reports.map((r) => (
            <ReportView key={r.organisation.id} report={r} own={r.organisation.id === organisationId} />
          ))}
        </ul>
      )}
    </section>
  );
}
