// /insight[?from&to]: the strategic insight report builder for the chairs and the secretariat — an anonymised
// overview of a period (activity by sector and kind, trend, severity, measures, cascade risks, lessons learned) with
// its TLP label and downloads as PDF, CSV and STIX.
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { PeriodForm, type PeriodValues } from "../components/period-form.js";
import { TlpBadge } from "../components/tlp-badge.js";
import { Figure, WithheldNote } from "../components/withheld.js";
import { ApiError, query } from "../data/client.js";
import { insightApi } from "../data/endpoints.js";
import type { InsightReport } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { formatDay } from "../lib/format.js";
import { isDay, lastTwelveMonths } from "../lib/periods.js";
import { Link, navigate, useSearchParams } from "../router/router.js";
import { ActivitySection } from "./insight/activity-section.js";
import { CascadeSection } from "./insight/cascade-section.js";
import { InsightExportLinks } from "./insight/export-links.js";
import { LessonsSection } from "./insight/lessons-section.js";
import { MeasuresSection } from "./insight/measures-section.js";

/** The report once built. */
function Report({ report }: { report: InsightReport }) {
  return (
    <article className="insight-report" aria-labelledby="report-heading" data-testid="insight-report">
      <div className="section-head">
        <h2 id="report-heading">
          Strategic insight report, {formatDay(report.from)} – {formatDay(report.to)}
        </h2>
        <TlpBadge label={report.tlp} />
      </div>
      <p className="hint">
        Generated <DateTime iso={report.generatedAt} /> · organisations covered:{" "}
        <strong data-testid="organisations-covered">
          <Figure value={report.organisationsCovered} />
        </strong>
        {" · "}
        {report.tlp === "TLP:CLEAR"
          ? "everything counted was TLP:CLEAR, so the report may be shared freely."
          : "the report may be shared within the community (TLP:GREEN), not published."}
      </p>
      <InsightExportLinks from={report.from} to={report.to} />
      <ActivitySection report={report} />
      <MeasuresSection measures={report.measures} />
      <CascadeSection cascade={report.cascade} />
      <LessonsSection lessons={report.lessons} />
      <WithheldNote />
    </article>
  );
}

/** The report builder page. */
export function InsightPage() {
  useTitle("Strategic insight");
  const params = useSearchParams();
  const from = params.get("from");
  const to = params.get("to");
  const period = isDay(from) && isDay(to) ? { from, to } : null;
  const key = period ? `${period.from}|${period.to}` : "";
  const report = useApi((signal) => (period ? insightApi.report(period, { signal }) : Promise.resolve(null)), [key]);
  const build = (values: PeriodValues) => navigate(`/insight${query({ from: values.from, to: values.to })}`);
  const forbidden = report.error instanceof ApiError && report.error.status === 403;

  return (
    <>
      <div className="page-head">
        <h1>Strategic insight</h1>
        <div className="actions">
          <Link to="/participation" className="button button-secondary">
            Participation &amp; health
          </Link>
        </div>
      </div>
      <p className="lead">
        An anonymised overview of a period for the exchange's stakeholders: what was shared by sector and kind, how it developed,
        the measures adopted, cascade risks and lessons learned. No organisation is named unless it agreed, and no figure of fewer
        than three organisations is shown.
      </p>
      <PeriodForm
        key={key}
        initial={period ?? lastTwelveMonths()}
        submitLabel="Build the report"
        busy={report.loading && period !== null}
        label="Period of the report"
        onSubmit={build}
      />
      <div aria-busy={report.loading}>
        {period && report.loading && <Loading label="Building the report…" />}
        {forbidden ? (
          <div className="alert alert-error" role="alert">
            <p>The strategic insight report is for the chairs and the secretariat.</p>
          </div>
        ) : (
          <ErrorAlert error={report.error} />
        )}
        {!period && <p className="muted">Choose a period and build the report.</p>}
        {period && report.data && !report.loading && <Report report={report.data} />}
      </div>
    </>
  );
}
