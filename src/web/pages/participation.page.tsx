// /participation[?from&to&inactiveDays]: the participation and health dashboard for the chairs and the secretariat —
// each organisation's figures, pooled figures per kind, the flow balance, the organisations flagged as quiet (with a
// suggested nudge) and the exchange health indicators.
import { ErrorAlert } from "../components/alert.js";
import { DateTime } from "../components/date-time.js";
import { Loading } from "../components/loading.js";
import { PeriodForm, type PeriodValues } from "../components/period-form.js";
import { WithheldNote } from "../components/withheld.js";
import { ApiError, query } from "../data/client.js";
import { participationApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { formatDay } from "../lib/format.js";
import { isDay, lastTwelveMonths } from "../lib/periods.js";
import { Link, navigate, useSearchParams } from "../router/router.js";
import { FlaggedSection } from "./participation/flagged-section.js";
import { FlowSection } from "./participation/flow-section.js";
import { HealthSection } from "./participation/health-section.js";
import { KindsTable } from "./participation/kinds-table.js";
import { OrganisationsTable } from "./participation/organisations-table.js";

/** The period in the address; what is missing takes the server's defaults. */
function periodFrom(params: URLSearchParams) {
  const from = params.get("from");
  const to = params.get("to");
  const days = Number(params.get("inactiveDays") ?? Number.NaN);
  return {
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    inactiveDays: Number.isInteger(days) ? days : undefined,
  };
}

/** The dashboard page. */
export function ParticipationPage() {
  useTitle("Participation & health");
  const period = periodFrom(useSearchParams());
  const key = `${period.from}|${period.to}|${period.inactiveDays}`;
  const dashboard = useApi((signal) => participationApi.dashboard(period, { signal }), [key]);
  const data = dashboard.data;
  const defaults = lastTwelveMonths();
  const initial = {
    from: period.from ?? data?.from ?? defaults.from,
    to: period.to ?? data?.to ?? defaults.to,
    inactiveDays: period.inactiveDays ?? data?.inactiveDays,
  };
  const show = (values: PeriodValues) => navigate(`/participation${query({ ...values })}`);
  const forbidden = dashboard.error instanceof ApiError && dashboard.error.status === 403;

  return (
    <>
      <div className="page-head">
        <h1>Participation &amp; health</h1>
        <div className="actions">
          <Link to="/my-organisation" className="button button-secondary">
            My organisation
          </Link>
          <Link to="/insight" className="button button-secondary">
            Strategic insight report
          </Link>
        </div>
      </div>
      <p className="lead">
        Who takes part in the exchange and how well it works, for the chairs and the secretariat. Figures cover what you may read;
        pooled figures of fewer than three organisations are withheld.
      </p>
      <PeriodForm
        key={`${key}|${initial.from}|${initial.to}|${initial.inactiveDays}`}
        initial={initial}
        withInactiveDays
        submitLabel="Show"
        busy={dashboard.loading}
        label="Period of the dashboard"
        onSubmit={show}
      />
      <div aria-busy={dashboard.loading}>
        {dashboard.loading && !data && <Loading label="Loading the dashboard…" />}
        {forbidden ? (
          <div className="alert alert-error" role="alert">
            <p>This dashboard is for the chairs and the secretariat.</p>
            <p>
              <Link to="/my-organisation">See your own organisation's participation</Link>
            </p>
          </div>
        ) : (
          <ErrorAlert error={dashboard.error} />
        )}
        {data && (
          <>
            <p className="hint" data-testid="participation-period">
              {formatDay(data.from)} – {formatDay(data.to)} · generated <DateTime iso={data.generatedAt} />
            </p>
            <section className="section" aria-labelledby="organisations-heading">
              <h2 id="organisations-heading">
                Organisations <span className="heading-count">({data.organisations.length})</span>
              </h2>
              {data.organisations.length === 0 ? (
                <p className="muted">No organisation to show.</p>
              ) : (
                <OrganisationsTable rows={data.organisations} caption="Participation per organisation" />
              )}
              <p className="hint">
                Contributions are the items an organisation posted under its name in the period (by TLP label); medians are hours
                from posting to the organisation's acknowledgement or first RFI answer.
              </p>
            </section>
            <section className="section" aria-labelledby="kinds-heading">
              <h2 id="kinds-heading">By kind of organisation</h2>
              <KindsTable kinds={data.kinds} />
              <WithheldNote />
            </section>
            <FlowSection flow={data.flow} months={data.months} />
            <FlaggedSection inactive={data.inactive} days={data.inactiveDays} />
            <HealthSection health={data.health} months={data.months} />
          </>
        )}
      </div>
    </>
  );
}
