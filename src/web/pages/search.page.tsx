// /search: full-text search over the items the person may read, matches highlighted.
import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert } from "../components/alert.js";
import { ItemCard } from "../components/item-card.js";
import { Loading } from "../components/loading.js";
import { Snippet } from "../components/snippet.js";
import { itemsApi } from "../data/endpoints.js";
import { useApi } from "../hooks/use-api.js";
import { useTitle } from "../hooks/use-title.js";
import { navigate, useSearchParams } from "../router/router.js";

const LIMIT = 50;

function Results({ q }: { q: string }) {
  const results = useApi((signal) => itemsApi.search(q, LIMIT, { signal }), [q]);
  if (results.loading) return <Loading label="Searching…" />;
  if (results.error) return <ErrorAlert error={results.error} />;
  const data = results.data;
  if (!data) return null;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="results-count" aria-live="polite">
        {data.total === 0
          ? `No results for “${q}”`
          : `${data.total} result${data.total === 1 ? "" : "s"} for “${q}”${data.total > data.results.length ? ` (showing ${data.results.length})` : ""}`}
      </h2>
      {data.results.length > 0 && (
        <ul className="item-list">
          {data.results.map((hit) => (
            <ItemCard key={hit.id} item={hit}>
              <Snippet text={hit.snippet} />
            </ItemCard>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The search page; the query lives in the URL (?q=…). */
export function SearchPage() {
  useTitle("Search");
  const q = useSearchParams().get("q")?.trim() ?? "";
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    navigate(next ? `/search?q=${encodeURIComponent(next)}` : "/search");
  };

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
          </div>
        </form>
      </search>
      {q ? <Results q={q} /> : <p className="muted">Enter words to look for in titles and text.</p>}
    </>
  );
}
