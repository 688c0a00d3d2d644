// /: the feed of items the person may read, with filters kept in the URL, saved searches and "load more".
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { FilterFields } from "../components/filter-fields.js";
import { ItemCard } from "../components/item-card.js";
import { Loading } from "../components/loading.js";
import { SavedSearchList } from "../components/saved-searches.js";
import { itemsApi, savedSearchesApi } from "../data/endpoints.js";
import type { ItemFilters, ItemSummary } from "../data/types.js";
import { useApi } from "../hooks/use-api.js";
import { useOrganisations } from "../hooks/use-organisations.js";
import { useTitle } from "../hooks/use-title.js";
import { type FilterKey, filtersFromQuery, filtersKey, filtersToQuery, hasFilters, withFilter } from "../lib/filters.js";
import { Link, navigate, useLocation } from "../router/router.js";

const PAGE_SIZE = 25;

function SavedSearchesPanel() {
  const saved = useApi((signal) => savedSearchesApi.list({ signal }), []);
  const searches = saved.data?.searches ?? [];
  if (saved.loading || saved.error || searches.length === 0) return null;
  return (
    <section className="saved-panel" aria-labelledby="feed-saved-heading">
      <h2 id="feed-saved-heading">Saved searches</h2>
      <SavedSearchList searches={searches} onChange={(next) => saved.setData({ searches: next })} />
    </section>
  );
}

/** The feed page. */
export function FeedPage() {
  useTitle("Feed");
  const { search } = useLocation();
  const filters = filtersFromQuery(search);
  const key = filtersKey(filters);
  const organisations = useOrganisations();
  const [items, setItems] = useState<ItemSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [text, setText] = useState(filters.q ?? "");

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` captures every filter.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    setMoreError(null);
    itemsApi.feed(filters, null, PAGE_SIZE, { signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key]);

  useEffect(() => setText(filters.q ?? ""), [filters.q]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const page = await itemsApi.feed(filters, cursor, PAGE_SIZE);
      setItems((previous) => [...previous, ...page.items.filter((i) => !previous.some((p) => p.id === i.id))]);
      setCursor(page.nextCursor);
    } catch (e) {
      setMoreError(e);
    } finally {
      setMoreBusy(false);
    }
  }, [cursor, filters]);

  const go = (next: ItemFilters) => navigate(`/${filtersToQuery(next)}`, { replace: true });
  const apply = (name: FilterKey, value: string | undefined) => go(withFilter(filters, name, value));
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    apply("q", text.trim() || undefined);
  };
  const filtered = hasFilters(filters);

  return (
    <>
      <div className="page-head">
        <h1>Feed</h1>
        <Link to="/items/new" className="button">
          Post an item
        </Link>
      </div>
      <form className="filters" onSubmit={submitText} aria-label="Filter the feed">
        <FilterFields filters={filters} onChange={apply} organisations={organisations.data} />
        <div className="field field-compact field-grow">
          <label htmlFor="filter-q">Text</label>
          <div className="input-with-button">
            <input id="filter-q" type="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="button button-secondary">
              Filter
            </button>
          </div>
        </div>
        {filtered && (
          <div className="filters-clear">
            <Link to="/">Clear filters</Link>
            <span aria-hidden="true"> · </span>
            <Link to={`/search${filtersToQuery(filters)}`}>Open in search</Link>
          </div>
        )}
      </form>

      <SavedSearchesPanel />

      <section aria-label="Items" aria-busy={loading}>
        {loading && <Loading label="Loading the feed…" />}
        <ErrorAlert error={error} />
        {!loading && !error && items.length === 0 && (
          <div className="empty">
            <p>{filtered ? "No items match these filters." : "Nothing has been shared with you yet."}</p>
          </div>
        )}
        {!loading && !error && items.length > 0 && (
          <>
            <ul className="item-list">
              {items.map((item) => (
                <ItemCard key={item.id} item={item} />
              ))}
            </ul>
            <ErrorAlert error={moreError} />
            {cursor && (
              <div className="load-more">
                <button type="button" className="button button-secondary" onClick={loadMore} disabled={moreBusy}>
                  {moreBusy ? "Loading…" : "Load more"}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}
