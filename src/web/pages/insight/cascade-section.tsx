// Cascade risks: the sector-to-sector dependency map (heat map) and how many cascade analyses were made.
import { heatMapSvg } from "../../../shared/charts.js";
import { SvgFigure } from "../../components/svg-figure.js";
import { Figure } from "../../components/withheld.js";
import type { InsightReport } from "../../data/types.js";
import { sectorLabel } from "./labels.js";
import { FiguresDisclosure } from "./stat-table.js";

/** The section. */
export function CascadeSection({ cascade }: { cascade: InsightReport["cascade"] }) {
  const map = cascade.heatMap;
  return (
    <section className="section" aria-labelledby="insight-cascade-heading" data-testid="insight-cascade">
      <h2 id="insight-cascade-heading">Cascade risks</h2>
      <p>
        Cascade analyses in the period:{" "}
        <strong>
          <Figure value={cascade.analyses} />
        </strong>
      </p>
      {map.rows.length === 0 ? (
        <p className="muted">No dependency between sectors is recorded.</p>
      ) : (
        <>
          <SvgFigure
            testId="insight-dependencies"
            caption="Rows: the sector providing a service; columns: the sector depending on it."
            svg={heatMapSvg({
              title: "Dependencies between sectors",
              rows: map.rows.map(sectorLabel),
              columns: map.columns.map(sectorLabel),
              cells: map.cells,
            })}
          />
          <FiguresDisclosure
            table={map}
            caption="Dependencies between sectors"
            corner="Provider sector"
            rowLabel={sectorLabel}
            columnLabel={sectorLabel}
          />
        </>
      )}
    </section>
  );
}
