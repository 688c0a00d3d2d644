// Search facets: per kind, label, sector, organisation and status, the number of readable matches; a value applies it.
import { ITEM_KINDS, ITEM_STATUSES, type ItemKind, type ItemStatus } from "../../shared/kinds.js";
import { SECTORS } from "../../shared/schemas/common.js";
import type { FacetCount, FacetName, ItemFilters, Sector } from "../data/types.js";
import { filtersToQuery, withFilter } from "../lib/filters.js";
import { itemStatusName, kindName, sectorName } from "../lib/format.js";
import { Link } from "../router/router.js";

const GROUPS: { facet: FacetName; title: string }[] = [
  { facet: "kind", title: "Kind" },
  { facet: "tlp", title: "Label" },
  { facet: "status", title: "Status" },
  { facet: "sector", title: "Sector" },
  { facet: "organisation", title: "Organisation" },
];

/** The organisation facet's value for anonymous items: shown, but not a filter. */
const ANONYMOUS = "anonymous";

const isOneOf = (list: readonly string[], value: string) => list.includes(value);

/** This UI's name for a known kind, sector or status; the server's name otherwise (organisations). */
function facetName(facet: FacetName, value: FacetCount): string {
  if (facet === "kind" && isOneOf(ITEM_KINDS, value.value)) return kindName(value.value as ItemKind);
  if (facet === "sector" && isOneOf(SECTORS, value.value)) return sectorName(value.value as Sector);
  if (facet === "status" && isOneOf(ITEM_STATUSES, value.value)) return itemStatusName(value.value as ItemStatus);
  return value.name || value.value;
}

function FacetValue({ facet, value, filters }: { facet: FacetName; value: FacetCount; filters: ItemFilters }) {
  const active = filters[facet] === value.value;
  const count = (
    <span className="facet-count">
      {value.count}
      <span className="visually-hidden"> {value.count === 1 ? "result" : "results"}</span>
    </span>
  );
  if (facet === "organisation" && value.value === ANONYMOUS) {
    return (
      <span className="facet-static" title="Anonymous items cannot be filtered by organisation">
        <span>{facetName(facet, value)}</span>
        {count}
      </span>
    );
  }
  const next = withFilter(filters, facet, active ? undefined : value.value);
  return (
    <Link to={`/search${filtersToQuery(next)}`} className="facet-link" aria-current={active ? "true" : undefined}>
      <span>
        {facetName(facet, value)}
        {active && <span className="visually-hidden"> (applied; select to remove)</span>}
      </span>
      {count}
    </Link>
  );
}

/** A sidebar of facet groups; groups without values are left out. */
export function Facets({ facets, filters }: { facets: Record<FacetName, FacetCount[]>; filters: ItemFilters }) {
  const groups = GROUPS.filter((g) => facets[g.facet].length > 0);
  if (groups.length === 0) return null;
  return (
    <nav className="facets" aria-label="Narrow the results" data-testid="facets">
      {groups.map(({ facet, title }) => (
        <section key={facet} className="facet-group" aria-labelledby={`facet-${facet}`}>
          <h3 id={`facet-${facet}`}>{title}</h3>
          <ul>
            {facets[facet].map((value) => (
              <li key={value.value} data-facet={facet} data-value={value.value}>
                <FacetValue facet={facet} value={value} filters={filters} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
