// Saved searches: the list with new-item counts (opening one applies it and marks it seen) and the "save this search" form.
import { type FormEvent, useId, useState } from "react";
import { savedSearchesApi } from "../data/endpoints.js";
import type { ItemFilters, SavedSearch } from "../data/types.js";
import { describeFilters, filtersToQuery } from "../lib/filters.js";
import { Link } from "../router/router.js";
import { ErrorAlert, Notice } from "./alert.js";
import { ConfirmButton } from "./confirm-button.js";

/** The person's saved searches; `onChange` receives the list after a deletion or after one was opened. */
export function SavedSearchList({
  searches,
  onChange,
  organisationName,
}: {
  searches: readonly SavedSearch[];
  onChange: (searches: SavedSearch[]) => void;
  organisationName?: (id: string) => string | undefined;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const open = (search: SavedSearch) => {
    setError(null);
    savedSearchesApi.seen(search.id).then(
      (updated) => onChange(searches.map((s) => (s.id === updated.id ? updated : s))),
      (e: unknown) => setError(e),
    );
  };
  const remove = async (search: SavedSearch) => {
    setBusy(search.id);
    setError(null);
    try {
      await savedSearchesApi.remove(search.id);
      onChange(searches.filter((s) => s.id !== search.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (searches.length === 0) return <p className="muted small">No saved searches yet.</p>;
  return (
    <>
      <ul className="saved-searches" data-testid="saved-searches">
        {searches.map((search) => (
          <li key={search.id}>
            <div className="saved-search-head">
              <Link to={`/search${filtersToQuery(search.filters)}`} onClick={() => open(search)}>
                {search.name}
              </Link>
              {search.newItems > 0 && <span className="count-badge">{search.newItems} new</span>}
            </div>
            <p className="hint">{describeFilters(search.filters, organisationName).join(" · ") || "Everything"}</p>
            <ConfirmButton
              label="Delete"
              question={`Delete “${search.name}”?`}
              confirmLabel="Yes, delete"
              busy={busy === search.id}
              onConfirm={() => void remove(search)}
            />
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} />
    </>
  );
}

/** Saves `filters` under a name the person gives; calls `onSaved` with the new saved search. */
export function SaveSearchForm({ filters, onSaved }: { filters: ItemFilters; onSaved: (search: SavedSearch) => void }) {
  const id = useId();
  const [name, setName] = useState(filters.q ?? "");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(new Error("Give the search a name."));
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const search = await savedSearchesApi.create(name.trim(), filters);
      onSaved(search);
      setSaved(search.name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel save-search" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-title">
        Save this search
      </h2>
      <p className="hint">Saved searches count the new items that match them since you last opened them.</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the saved search</label>
        <div className="input-with-button">
          <input id={`${id}-name`} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button-secondary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {saved && (
        <Notice kind="success">
          <p>Saved as “{saved}”.</p>
        </Notice>
      )}
    </form>
  );
}
