// The exchange health indicators: each one's value over the period, and their trend per month (one chart per unit:
// shares, hours, counts). A month left out of a line is withheld or had nothing to measure.
import { type ChartUnit, formatChartValue, lineChartSvg } from "../../../shared/charts.js";
import { SvgFigure } from "../../components/svg-figure.js";
import { Figure, WithheldNote } from "../../components/withheld.js";
import type { HealthKpi } from "../../data/types.js";
import { monthLabel } from "../../lib/periods.js";

const CHARTS: readonly { unit: ChartUnit; title: string }[] = [
  { unit: "share", title: "Health indicators per month: shares" },
  { unit: "hours", title: "Health indicators per month: median hours" },
  { unit: "count", title: "Health indicators per month: counts" },
];

/** The section: the value of each indicator over the period, then the charts. */
export function HealthSection({ health, months }: { health: readonly HealthKpi[]; months: readonly string[] }) {
  const xLabels = months.map(monthLabel);
  return (
    <section className="section" aria-labelledby="health-heading" data-testid="health">
      <h2 id="health-heading">Exchange health</h2>
      <ul className="kpi-grid" aria-label="Health indicators over the period">
        {health.map((k) => (
          <li key={k.key} className="kpi" data-kpi={k.key}>
            <span className="kpi-label">{k.label}</span>
            <span className="kpi-value">
              <Figure value={k.value} format={(v) => formatChartValue(v, k.unit)} />
            </span>
          </li>
        ))}
      </ul>
      {months.length > 0 &&
        CHARTS.map(({ unit, title }) => {
          const series = health.filter((k) => k.unit === unit).map((k) => ({ label: k.label, values: k.byMonth }));
          return series.length ? <SvgFigure key={unit} svg={lineChartSvg({ title, xLabels, series, unit })} /> : null;
        })}
      <WithheldNote />
    </section>
  );
}
