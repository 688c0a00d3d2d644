// A simulation's affected services as a table: the ones the viewer may see by name, the others as counts per sector.
import type { Sector, SimulationResult } from "../../data/types.js";
import { formatHours, impactName, sectorName } from "../../lib/format.js";

/** The table of affected services and hidden groups, in order of first impact. */
export function ResultTable({ result }: { result: SimulationResult }) {
  const services = [...result.services].sort((a, b) => a.firstAtHours - b.firstAtHours);
  return (
    <div className="table-wrap">
      <table data-testid="cascade-services">
        <caption className="visually-hidden">Affected services</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Organisation</th>
            <th scope="col">Sector</th>
            <th scope="col">Worst</th>
            <th scope="col" className="numeric">
              From
            </th>
            <th scope="col" className="numeric">
              Restored
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} data-testid="cascade-service">
              <th scope="row">
                {s.name}
                {s.commonCause && (
                  <span className="tag tag-warning" title="Co-located with a failed service: a common cause">
                    common cause
                  </span>
                )}
              </th>
              <td>{s.organisation.name}</td>
              <td>{sectorName(s.sector)}</td>
              <td>
                <span className={`status status-level-${s.worst}`}>{impactName(s.worst)}</span>
              </td>
              <td className="numeric">{formatHours(s.firstAtHours)}</td>
              <td className="numeric">
                {s.restoredAtHours === null ? "not within the horizon" : formatHours(s.restoredAtHours)}
              </td>
            </tr>
          ))}
          {result.hidden.map((h) => {
            const count = h.degraded + h.failed;
            return (
              <tr key={h.sector} className="row-hidden" data-testid="cascade-hidden">
                <th scope="row">
                  {count} service{count === 1 ? "" : "s"} in {sectorName(h.sector as Sector)}
                </th>
                <td className="muted">not visible to you</td>
                <td>{sectorName(h.sector as Sector)}</td>
                <td>
                  {h.failed > 0 && <span className="status status-level-2">{h.failed} failed</span>}{" "}
                  {h.degraded > 0 && <span className="status status-level-1">{h.degraded} degraded</span>}
                </td>
                <td className="numeric">{formatHours(h.firstAtHours)}</td>
                <td className="numeric muted">—</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
