// The flow balance: contributions from one kind of organisation reaching another, per month, and the ratio of
// public → private to private → public with its trend in words.
import { lineChartSvg } from "../../../shared/charts.js";
import { SvgFigure } from "../../components/svg-figure.js";
import { Figure, WithheldNote } from "../../components/withheld.js";
import type { FlowBalance } from "../../data/types.js";
import { organisationKindName } from "../../lib/format.js";
import { monthLabel } from "../../lib/periods.js";

const TREND_WORDS: Record<NonNullable<FlowBalance["trend"]>, string> = {
  "towards-public": "towards public",
  "towards-private": "towards private",
  steady: "steady",
};

const TREND_MEANING: Record<NonNullable<FlowBalance["trend"]>, string> = {
  "towards-public": "in the second half of the period the private sector shared relatively more with public bodies than before",
  "towards-private": "in the second half of the period public bodies shared relatively more with the private sector than before",
  steady: "the balance between the two directions hardly changed over the period",
};

const flowName = (s: FlowBalance["series"][number]) => `${organisationKindName(s.from)} → ${organisationKindName(s.to)}`;

/** The ratio, e.g. "1.4"; the withheld mark when it cannot be shown. */
function Ratio({ value }: { value: number | null }) {
  return <Figure value={value} format={(v) => v.toFixed(2).replace(/\.?0+$/, "")} />;
}

/** The section. */
export function FlowSection({ flow, months }: { flow: FlowBalance; months: readonly string[] }) {
  const xLabels = months.map(monthLabel);
  return (
    <section className="section" aria-labelledby="flow-heading" data-testid="flow-balance">
      <h2 id="flow-heading">Flow balance</h2>
      <p className="lead">
        How many contributions from one kind of organisation reached another. The exchange works when information flows both ways
        between public bodies and the private sector.
      </p>
      <div className="kpi-grid">
        <div className="kpi">
          <span className="kpi-label">Public → private per private → public</span>
          <span className="kpi-value" data-testid="flow-ratio">
            <Ratio value={flow.ratio} />
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">Trend</span>
          <span className="kpi-value" data-testid="flow-trend">
            {flow.trend ? TREND_WORDS[flow.trend] : <span className="muted kpi-note">not enough to tell</span>}
          </span>
        </div>
      </div>
      {flow.trend && (
        <p className="hint">
          Trend {TREND_WORDS[flow.trend]}: {TREND_MEANING[flow.trend]}.
        </p>
      )}
      {months.length > 0 && (
        <SvgFigure
          testId="flow-chart"
          svg={lineChartSvg({
            title: "Contributions reaching another kind of organisation, per month",
            xLabels,
            series: flow.series.map((s) => ({ label: flowName(s), values: s.byMonth })),
            unit: "count",
          })}
        />
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Flow totals over the period</caption>
          <thead>
            <tr>
              <th scope="col">From → to</th>
              <th scope="col" className="numeric">
                Contributions in the period
              </th>
            </tr>
          </thead>
          <tbody>
            {flow.series.map((s) => (
              <tr key={`${s.from}-${s.to}`}>
                <th scope="row">{flowName(s)}</th>
                <td className="numeric">
                  <Figure value={s.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WithheldNote />
    </section>
  );
}
