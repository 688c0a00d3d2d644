// The preparedness measures adopted in the period and how far they are implemented.
import { Figure } from "../../components/withheld.js";
import type { InsightReport } from "../../data/types.js";
import { formatDay, formatShare } from "../../lib/format.js";

/** The section. */
export function MeasuresSection({ measures }: { measures: InsightReport["measures"] }) {
  return (
    <section className="section" aria-labelledby="insight-measures-heading" data-testid="insight-measures">
      <h2 id="insight-measures-heading">Preparedness measures</h2>
      <p>
        Measures adopted in the period:{" "}
        <strong>
          <Figure value={measures.adopted} />
        </strong>
      </p>
      {measures.rows.length === 0 ? (
        <p className="muted">No measure to report.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Measures and their implementation</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Adopted</th>
                <th scope="col" className="numeric">
                  Applies to
                </th>
                <th scope="col" className="numeric">
                  Implemented
                </th>
              </tr>
            </thead>
            <tbody>
              {measures.rows.map((m) => (
                <tr key={`${m.title}-${m.adoptedOn}`}>
                  <th scope="row">{m.title}</th>
                  <td className="nowrap">{m.adoptedOn ? formatDay(m.adoptedOn) : <span className="muted">Not yet</span>}</td>
                  <td className="numeric">
                    {m.applicable} organisation{m.applicable === 1 ? "" : "s"}
                  </td>
                  <td className="numeric">
                    <Figure value={m.implementedShare} format={formatShare} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
