// A table of pooled counts from the insight report, with row totals; a withheld cell or total shows "<3".
import { Figure } from "../../components/withheld.js";
import type { StatTable } from "../../data/types.js";

/** The table; `rowLabel` and `columnLabel` turn ids into names, `corner` heads the row names. */
export function StatTableView({
  table,
  caption,
  corner,
  rowLabel = (r) => r,
  columnLabel = (c) => c,
}: {
  table: StatTable;
  caption: string;
  corner: string;
  rowLabel?: (row: string) => string;
  columnLabel?: (column: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="stat-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {table.columns.map((c) => (
              <th key={c} scope="col" className="numeric">
                {columnLabel(c)}
              </th>
            ))}
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r}>
              <th scope="row">{rowLabel(r)}</th>
              {table.columns.map((c, j) => (
                <td key={c} className="numeric">
                  <Figure value={table.cells[i]?.[j] ?? null} />
                </td>
              ))}
              <td className="numeric">
                <Figure value={table.rowTotals[i] ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same table behind a "Show the figures" disclosure, under its chart. */
export function FiguresDisclosure(props: Parameters<typeof StatTableView>[0]) {
  return (
    <details className="disclosure chart-figures">
      <summary>Show the figures</summary>
      <StatTableView {...props} />
    </details>
  );
}
