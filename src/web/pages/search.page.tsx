// /search: full-text search with filters and facets (all kept in the URL), highlighted snippets, saved searches and the
// STIX export of what the filters find.
import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { Facets } from "../components/facets.js";
import { FilterFields } from "../components/filter-fields.js";
import { ItemCard } from "../components/item-card.js";
import { Loading } from "../components/loading.js";
import { SavedSearchList, SaveSearchForm } from "../components/saved-searches.js";
import { Snippet } from "../components/snippet.js";
import { itemsApi, savedSearchesApi, stixApi } from "../data/endpoints.js";
import type { ItemFilters, SavedSearch, SearchHit, SearchResponse } from "../data/types.js";
import { type ApiState, useApi } from "../hooks/use-api.js";
import { useOrganisations } from "../hooks/use-organisations.js";
import { useTitle } from "../hooks/use-title.js";
import {
  describeFilters,
  type FilterKey,
  filtersFromQuery,
  filtersKey,
  filtersToQuery,
  hasFilters,
  withFilter,
} from "../lib/filters.js";
import { Link, navigate, useLocation } from "../router/router.js";

const LIMIT = 50;

const MATCHED_IN: Record<string, string> = { item: "the item", comment: "a comment", attachment: "an attachment" };

function MatchedIn({ hit }: { hit: SearchHit }) {
  if (hit.matchedIn.length === 0) return null;
  return <p className="matched-in">Matched in {hit.matchedIn.map((m) => MATCHED_IN[m] ?? m.replace(/[-_]/g, " ")).join(", ")}</p>;
}

function resultsHeading(data: SearchResponse, filters: ItemFilters): string {
  const what = filters.q ? ` for “${filters.q}”` : "";
  if (data.total === 0) return `No results${what}`;
  const shown = data.total > data.results.length ? ` (showing ${data.results.length})` : "";
  return `${data.total} result${data.total === 1 ? "" : "s"}${what}${shown}`;
}

function Results({ results, filters }: { results: ApiState<SearchResponse | null>; filters: ItemFilters }) {
  if (results.loading) return <Loading label="Searching…" />;
  if (results.error) return <ErrorAlert error={results.error} />;
  const data = results.data;
  if (!data) return null;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="results-count" aria-live="polite">
        {resultsHeading(data, filters)}
      </h2>
      {data.results.length === 0 && (
        <div className="empty">
          <p>Nothing you may read matches. Try other words or remove a filter.</p>
        </div>
      )}
      {data.results.length > 0 && (
        <ul className="item-list">
          {data.results.map((hit) => (
            <ItemCard key={hit.id} item={hit}>
              <Snippet text={hit.snippet} />
              <MatchedIn hit={hit} />
            </ItemCard>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActiveFilters({
  filters,
  organisationName,
}: {
  filters: ItemFilters;
  organisationName: (id: string) => string | undefined;
}) {
  const parts = describeFilters({ ...filters, q: undefined }, organisationName);
  if (parts.length === 0) return null;
  return (
    <p className="active-filters">
      <span className="muted">Filters: </span>
      {parts.join(" · ")} <Link to={`/search${filtersToQuery({ q: filters.q })}`}>Remove filters</Link>
    </p>
  );
}

/** The search page; the query and every filter live in the URL (?q=…&kind=…). */
export function SearchPage() {
  useTitle("Search");
  const { search } = useLocation();
  const filters = filtersFromQuery(search);
  const key = filtersKey(filters);
  const active = hasFilters(filters);
  const [text, setText] = useState(filters.q ?? "");
  useEffect(() => setText(filters.q ?? ""), [filters.q]);
  const organisations = useOrganisations();
  const saved = useApi((signal) => savedSearchesApi.list({ signal }), []);
  const results = useApi<SearchResponse | null>(
    (signal) => (active ? itemsApi.search(filters, LIMIT, { signal }) : Promise.resolve(null)),
    [key],
  );
  const organisationName = (id: string) => organisations.data?.find((o) => o.id === id)?.name;

  const go = (next: ItemFilters) => navigate(`/search${filtersToQuery(next)}`);
  const apply = (name: FilterKey, value: string | undefined) => go(withFilter(filters, name, value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply("q", text.trim() || undefined);
  };
  const setSearches = (searches: SavedSearch[]) => saved.setData({ searches });

  return (
    <>
      <h1>Search</h1>
      <search>
        <form className="search-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="search-q">Search the items shared with you</label>
            <div className="input-with-button">
              <input
                id="search-q"
                type="search"
                name="q"
                maxLength={200}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" className="button">
                Search
              </button>
            </div>
            <p className="hint">Searches titles, text, comments and attachment names.</p>
          </div>
        </form>
      </search>

      <div className="search-layout">
        <aside className="search-sidebar" aria-label="Facets and saved searches">
          {results.data && <Facets facets={results.data.facets} filters={filters} />}
          <section className="saved-panel" aria-labelledby="saved-heading">
            <h2 id="saved-heading">Saved searches</h2>
            {saved.loading && <Loading label="Loading saved searches…" />}
            <ErrorAlert error={saved.error} />
            {saved.data && (
              <SavedSearchList searches={saved.data.searches} onChange={setSearches} organisationName={organisationName} />
            )}
          </section>
        </aside>

        <div className="search-main">
          <details className="more-filters" open={hasFilters(filters, ["q"]) || undefined}>
            <summary>Filters</summary>
            <form className="filters" aria-label="Filter the results" onSubmit={(e) => e.preventDefault()}>
              <FilterFields filters={filters} onChange={apply} organisations={organisations.data} />
            </form>
          </details>
          <ActiveFilters filters={filters} organisationName={organisationName} />
          {active ? (
            <>
              <Results results={results} filters={filters} />
              {results.data && results.data.total > 0 && (
                <p className="export-links">
                  <a href={stixApi.searchExportUrl(filters)} download>
                    Export as STIX
                  </a>{" "}
                  <span className="muted">(a STIX 2.1 bundle of the items these filters find, up to 1000)</span>
                </p>
              )}
              <SaveSearchForm key={key} filters={filters} onSaved={(s) => setSearches([...(saved.data?.searches ?? []), s])} />
            </>
          ) : (
            <p className="muted">Enter words to look for, or choose filters.</p>
          )}
        </div>
      </div>
    </>
  );
}
