// /my-organisation[?from&to]: every member's view of its own organisation's participation — its figures, a gentle
// note when it has been quiet, what other organisations found useful, and the exchange health indicators.
import { ErrorAlert, Notice } from "../components/alert.js";
import { Loading } from "../components/loading.js";
import { PeriodForm, type PeriodValues } from "../components/period-form.js";
import { query } from "../data/client.js";
import { participationApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { formatDay } from "../lib/format.js";
import { isDay, lastTwelveMonths } from "../lib/periods.js";
import { Link, navigate, useSearchParams } from "../router/router.js";
import { useRequiredSession } from "../session/session.js";
import { HealthSection } from "./participation/health-section.js";
import { NamingConsent } from "./participation/naming-consent.js";
import { OrganisationsTable } from "./participation/organisations-table.js";
import { UsefulList } from "./participation/useful-list.js";

/** The page. */
export function MyOrganisationPage() {
  const { person } = useRequiredSession();
  useTitle("My organisation");
  const params = useSearchParams();
  const from = params.get("from");
  const to = params.get("to");
  const period = { from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined };
  const key = `${period.from}|${period.to}`;
  const mine = useApi((signal) => participationApi.mine(period, { signal }), [key]);
  const data = mine.data;
  const defaults = lastTwelveMonths();
  const initial = { from: period.from ?? data?.from ?? defaults.from, to: period.to ?? data?.to ?? defaults.to };
  const show = (values: PeriodValues) => navigate(`/my-organisation${query({ from: values.from, to: values.to })}`);

  return (
    <>
      <p className="eyebrow">My organisation</p>
      <h1>{person.organisationName}</h1>
      <p className="lead">
        How your organisation takes part in the exchange, and what the others made of what you shared. Only your own
        organisation's figures are shown here; the exchange-wide indicators are pooled.
      </p>
      <PeriodForm
        key={`${key}|${initial.from}|${initial.to}`}
        initial={initial}
        submitLabel="Show"
        busy={mine.loading}
        label="Period"
        onSubmit={show}
      />
      <div aria-busy={mine.loading}>
        {mine.loading && !data && <Loading label="Loading your organisation's participation…" />}
        <ErrorAlert error={mine.error} />
        {data && (
          <>
            <p className="hint">
              {formatDay(data.from)} – {formatDay(data.to)}
            </p>
            {data.flaggedInactive && (
              <Notice>
                <p data-testid="flagged-inactive">
                  Your organisation has not shared anything for {data.inactiveDays} days. That happens — and even a small
                  contribution helps the circle: a “seen it too” on someone's item, an answer to a request for information, or a
                  lesson learned. <Link to="/items/new">Share something</Link>
                </p>
              </Notice>
            )}
            <section className="section" aria-labelledby="own-heading">
              <h2 id="own-heading">Your organisation's figures</h2>
              <OrganisationsTable rows={[data.own]} caption={`Participation of ${data.own.organisation.name}`} />
            </section>
            <section className="section" aria-labelledby="useful-heading">
              <h2 id="useful-heading">What others found useful</h2>
              <UsefulList useful={data.useful} />
            </section>
            <HealthSection health={data.health} months={data.months} />
            <NamingConsent
              key={String(data.namedInInsight)}
              organisation={data.own.organisation.name}
              named={data.namedInInsight}
            />
          </>
        )}
      </div>
    </>
  );
}
