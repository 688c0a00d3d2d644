// /: the feed of items the person may read, with label, kind, sector and text filters and "load more".
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { SECTORS } from "../../shared/schemas/common.js";
import { ITEM_KINDS } from "../../shared/schemas/items.schemas.js";
import { isTlpLabel, TLP_LABELS } from "../../shared/tlp.js";
import { ErrorAlert } from "../components/alert.js";
import { ItemCard } from "../components/item-card.js";
import { Loading } from "../components/loading.js";
import { type FeedFilters, itemsApi } from "../data/endpoints.js";
import type { ItemKind, ItemSummary, Sector } from "../data/types.js";
import { useTitle } from "../hooks/use-title.js";
import { kindName, sectorName } from "../lib/format.js";
import { Link, navigate, useLocation } from "../router/router.js";

const PAGE_SIZE = 25;

function filtersFrom(search: string): FeedFilters {
  const params = new URLSearchParams(search);
  const tlp = params.get("tlp") ?? "";
  const kind = params.get("kind") ?? "";
  const sector = params.get("sector") ?? "";
  const q = params.get("q")?.trim() ?? "";
  return {
    tlp: isTlpLabel(tlp) ? tlp : undefined,
    kind: (ITEM_KINDS as readonly string[]).includes(kind) ? (kind as ItemKind) : undefined,
    sector: (SECTORS as readonly string[]).includes(sector) ? (sector as Sector) : undefined,
    q: q || undefined,
  };
}

function searchFrom(filters: FeedFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

/** The feed page. */
export function FeedPage() {
  useTitle("Feed");
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const filterKey = searchFrom(filters);
  const [items, setItems] = useState<ItemSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [text, setText] = useState(filters.q ?? "");

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey captures every filter.
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
  }, [filterKey]);

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

  const apply = (change: Partial<FeedFilters>) => navigate(searchFrom({ ...filters, ...change }), { replace: true });
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: text.trim() || undefined });
  };
  const filtered = Boolean(filters.tlp || filters.kind || filters.sector || filters.q);

  return (
    <>
      <div className="page-head">
        <h1>Feed</h1>
        <Link to="/items/new" className="button">
          Post an item
        </Link>
      </div>
      <form className="filters" onSubmit={submitText} aria-label="Filter the feed">
        <div className="field field-compact">
          <label htmlFor="filter-tlp">Label</label>
          <select
            id="filter-tlp"
            value={filters.tlp ?? ""}
            onChange={(e) =>
              apply({
                tlp: isTlpLabel(e.target.value) ? e.target.value : undefined,
              })
            }
          >
            <option value="">All labels</option>
            {TLP_LABELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-compact">
          <label htmlFor="filter-kind">Kind</label>
          <select
            id="filter-kind"
            value={filters.kind ?? ""}
            onChange={(e) =>
              apply({
                kind: (e.target.value || undefined) as ItemKind | undefined,
              })
            }
          >
            <option value="">All kinds</option>
            {ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-compact">
          <label htmlFor="filter-sector">Sector</label>
          <select
            id="filter-sector"
            value={filters.sector ?? ""}
            onChange={(e) =>
              apply({
                sector: (e.target.value || undefined) as Sector | undefined,
              })
            }
          >
            <option value="">All sectors</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {sectorName(s)}
              </option>
            ))}
          </select>
        </div>
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
          </div>
        )}
      </form>

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
