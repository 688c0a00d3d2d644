// The managers' view of adoption over time: the implemented share per month by sector and by kind of organisation
// (line charts, gaps where a group has fewer than 3 organisations) and the organisations whose report is overdue.
import { MIN_AGGREGATE_ORGANISATIONS } from "../../../shared/schemas/measures.schemas.js";
import { ErrorAlert } from "../../components/alert.js";
import { DateTime } from "../../components/date-time.js";
import { LineChart, type LineSeries } from "../../components/line-chart.js";
import { Loading } from "../../components/loading.js";
import { measuresApi } from "../../data/endpoints.js";
import type { AdoptionOverview, OrganisationKind, Sector } from "../../data/types.js";
import { useApi } from "../../hooks/use-api.js";
import { organisationKindName, sectorName } from "../../lib/format.js";

type Series = AdoptionOverview["series"][number];

const monthName = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric" });

/** "2026-10" as "Oct 2026" (a local date, never shifted through UTC). */
function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  return match ? monthName.format(new Date(Number(match[1]), Number(match[2]) - 1, 1)) : month;
}

function groupName(series: Series): string {
  const name =
    series.dimension === "all"
      ? "All applicable"
      : series.dimension === "sector"
        ? sectorName(series.group as Sector)
        : organisationKindName(series.group as OrganisationKind);
  return `${name} (${series.applicable})`;
}

/** The "all" line and the groups' lines; a group holding every applicable organisation is named on the "all" line. */
function toLines(all: Series | undefined, groups: readonly Series[]): LineSeries[] {
  const whole = groups.filter((g) => all && g.applicable === all.applicable);
  const lines = groups.filter((g) => !whole.includes(g)).map((s) => ({ label: groupName(s), values: s.implemented }));
  if (!all) return lines;
  const also = whole.map((g) => groupName(g).replace(/ \(\d+\)$/, "")).join(", ");
  return [{ label: `${groupName(all)}${also ? `: ${also}` : ""}`, values: all.implemented }, ...lines];
}

/** The adoption charts and the overdue organisations of one measure (for the secretariat and chairs). */
export function AdoptionSection({ measureId, revision }: { measureId: string; revision: string }) {
  const overview = useApi((signal) => measuresApi.adoption(measureId, { signal }), [measureId, revision]);
  const data = overview.data;
  const all = data?.series.find((s) => s.dimension === "all");
  const gapNote = `Share of applicable organisations that report “implemented”, per month. A group of fewer than ${MIN_AGGREGATE_ORGANISATIONS} organisations is not drawn.`;

  return (
    <section className="section" aria-labelledby="adoption-heading" data-testid="adoption">
      <h2 id="adoption-heading">Adoption over time</h2>
      {overview.loading && !data && <Loading label="Loading adoption…" />}
      <ErrorAlert error={overview.error} />
      {data && data.months.length === 0 && <p className="muted">No month to show yet.</p>}
      {data && data.months.length > 0 && (
        <div className="two-charts">
          <div>
            <h3>By sector</h3>
            <LineChart
              label="Implemented share per month by sector"
              xLabels={data.months.map(monthLabel)}
              series={toLines(
                all,
                data.series.filter((s) => s.dimension === "sector"),
              )}
              gapNote={gapNote}
            />
          </div>
          <div>
            <h3>By kind of organisation</h3>
            <LineChart
              label="Implemented share per month by kind of organisation"
              xLabels={data.months.map(monthLabel)}
              series={toLines(
                all,
                data.series.filter((s) => s.dimension === "kind"),
              )}
              gapNote={gapNote}
            />
          </div>
        </div>
      )}
      {data && (
        <div className="subsection" data-testid="overdue">
          <h3>
            Overdue organisations <span className="heading-count">({data.overdue.length})</span>
          </h3>
          {data.overdue.length === 0 ? (
            <p className="muted">No organisation is overdue.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Organisations whose report is overdue</caption>
                <thead>
                  <tr>
                    <th scope="col">Organisation</th>
                    <th scope="col">Last report</th>
                  </tr>
                </thead>
                <tbody>
                  {data.overdue.map((o) => (
                    <tr key={o.organisation.id}>
                      <th scope="row">{o.organisation.name}</th>
                      <td>
                        {o.lastReportAt ? <DateTime iso={o.lastReportAt} dateOnly /> : <span className="muted">Never</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
