// A table of services: name and description, organisation, sector, region and label.
import { TlpBadge } from "../../components/tlp-badge.js";
import type { Service } from "../../data/types.js";
import { sectorName } from "../../lib/format.js";

/** Lists `services`; `showOrganisation` adds whose each one is. */
export function ServicesTable({
  services,
  caption,
  showOrganisation,
}: {
  services: readonly Service[];
  caption: string;
  showOrganisation: boolean;
}) {
  return (
    <div className="table-wrap">
      <table data-testid="services-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            {showOrganisation && <th scope="col">Organisation</th>}
            <th scope="col">Sector</th>
            <th scope="col">Region</th>
            <th scope="col">Label</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} data-testid="service-row">
              <th scope="row">
                <span className="cell-title">{s.name}</span>
                {s.description && <span className="muted small block">{s.description}</span>}
              </th>
              {showOrganisation && <td>{s.organisation.name}</td>}
              <td>{sectorName(s.sector)}</td>
              <td>{s.region}</td>
              <td>
                <TlpBadge label={s.tlp} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
