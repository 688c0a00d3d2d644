// Incidents, threats, vulnerabilities and warnings of the period: by sector and kind (heat map), the kinds per month
// (lines) and incidents per month by severity (stacked bars).
import { heatMapSvg, lineChartSvg, stackedBarsSvg } from "../../../shared/charts.js";
import { SvgFigure } from "../../components/svg-figure.js";
import type { InsightReport, StatTable } from "../../data/types.js";
import { kindLabel, monthLabel, sectorLabel, severityLabel } from "./labels.js";
import { FiguresDisclosure } from "./stat-table.js";

/** A table's columns as series over its rows (e.g. kinds over months). */
function columnsAsSeries(table: StatTable, label: (column: string) => string) {
  return table.columns.map((c, j) => ({ label: label(c), values: table.rows.map((_, i) => table.cells[i]?.[j] ?? null) }));
}

/** The section. */
export function ActivitySection({ report }: { report: InsightReport }) {
  const { bySectorAndKind: bySector, trend, severity } = report;
  return (
    <section className="section" aria-labelledby="activity-heading" data-testid="insight-activity">
      <h2 id="activity-heading">Incidents and threats</h2>
      <h3>By sector and kind</h3>
      {bySector.rows.length === 0 ? (
        <p className="muted">Nothing was shared in the period.</p>
      ) : (
        <>
          <SvgFigure
            testId="insight-by-sector"
            svg={heatMapSvg({
              title: "Items by sector and kind",
              rows: bySector.rows.map(sectorLabel),
              columns: bySector.columns.map(kindLabel),
              cells: bySector.cells,
            })}
          />
          <FiguresDisclosure
            table={bySector}
            caption="Items by sector and kind"
            corner="Sector"
            rowLabel={sectorLabel}
            columnLabel={kindLabel}
          />
        </>
      )}
      <h3>Trend</h3>
      {trend.rows.length > 0 && (
        <>
          <SvgFigure
            testId="insight-trend"
            svg={lineChartSvg({
              title: "Items per month by kind",
              xLabels: trend.rows.map(monthLabel),
              series: columnsAsSeries(trend, kindLabel),
              unit: "count",
            })}
          />
          <FiguresDisclosure
            table={trend}
            caption="Items per month by kind"
            corner="Month"
            rowLabel={monthLabel}
            columnLabel={kindLabel}
          />
        </>
      )}
      <h3>Incident severity per month</h3>
      {severity.rows.length > 0 && (
        <>
          <SvgFigure
            testId="insight-severity"
            svg={stackedBarsSvg({
              title: "Incidents per month by severity",
              xLabels: severity.rows.map(monthLabel),
              series: columnsAsSeries(severity, severityLabel),
            })}
          />
          <FiguresDisclosure
            table={severity}
            caption="Incidents per month by severity"
            corner="Month"
            rowLabel={monthLabel}
            columnLabel={severityLabel}
          />
        </>
      )}
    </section>
  );
}
