// Chooses the items a measure answers (incidents, threats, vulnerabilities…): found by search, or pasted as ids.
import { type KeyboardEvent, useId, useState } from "react";
import type { TlpLabel } from "../../../shared/tlp.js";
import { ErrorAlert } from "../../components/alert.js";
import { Loading } from "../../components/loading.js";
import { TlpBadge } from "../../components/tlp-badge.js";
import { itemsApi } from "../../data/endpoints.js";
import type { ItemKind, SearchHit } from "../../data/types.js";
import { kindName } from "../../lib/format.js";

/** A chosen item; one pasted by id has no title, kind or label until the server checks it. */
export interface LinkedItem {
  id: string;
  title?: string;
  kind?: ItemKind;
  tlp?: TlpLabel;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The ids found in pasted text (addresses of item pages work too). */
export function idsIn(text: string): string[] {
  return [...new Set((text.match(UUID) ?? []).map((id) => id.toLowerCase()))];
}

/** The chosen items with Remove buttons, a search that adds results, and a box for pasted ids. */
export function LinkedItemsField({ value, onChange }: { value: readonly LinkedItem[]; onChange: (items: LinkedItem[]) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const [pasted, setPasted] = useState("");
  const [results, setResults] = useState<SearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = new Set(value.map((v) => v.id));

  const add = (items: LinkedItem[]) => onChange([...value, ...items.filter((i) => !chosen.has(i.id))]);
  const search = async () => {
    const q = text.trim();
    if (!q) return;
    setSearching(true);
    setError(null);
    try {
      setResults((await itemsApi.search({ q }, 10)).results.filter((r) => r.kind !== "measure"));
    } catch (e) {
      setError(e);
    } finally {
      setSearching(false);
    }
  };
  // Enter in the search box searches instead of sending the whole form.
  const searchOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void search();
  };
  const addPasted = () => {
    const ids = idsIn(pasted);
    if (ids.length === 0) {
      setError(new Error("No item id found in the pasted text."));
      return;
    }
    setError(null);
    add(ids.map((i) => ({ id: i })));
    setPasted("");
  };

  return (
    <fieldset className="linked-items">
      <legend>Linked items</legend>
      <p className="hint">The incidents, threats, vulnerabilities or other items this measure answers. Optional.</p>
      {value.length > 0 && (
        <ul className="linked-item-list" aria-label="Chosen items">
          {value.map((item) => (
            <li key={item.id} className="linked-item">
              <span>
                {item.tlp && <TlpBadge label={item.tlp} />} {item.kind && <span className="kind-tag">{kindName(item.kind)}</span>}{" "}
                {item.title ?? <code>{item.id}</code>}
              </span>
              <button
                type="button"
                className="button button-link button-small"
                onClick={() => onChange(value.filter((v) => v.id !== item.id))}
              >
                Remove<span className="visually-hidden"> {item.title ?? item.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-q`}>Find an item</label>
          <div className="input-with-button">
            <input
              id={`${id}-q`}
              type="search"
              maxLength={200}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={searchOnEnter}
            />
            <button type="button" className="button button-secondary" disabled={searching} onClick={() => void search()}>
              Find
            </button>
          </div>
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-ids`}>Or paste item ids or links</label>
          <div className="input-with-button">
            <input id={`${id}-ids`} value={pasted} onChange={(e) => setPasted(e.target.value)} />
            <button type="button" className="button button-secondary" onClick={addPasted}>
              Add
            </button>
          </div>
        </div>
      </div>
      {searching && <Loading label="Searching…" />}
      {results && results.length === 0 && <p className="muted">No item matches.</p>}
      {results && results.length > 0 && (
        <ul className="link-candidates" aria-label="Matching items">
          {results.map((r) => (
            <li key={r.id}>
              <span>
                <TlpBadge label={r.tlp} /> <span className="kind-tag">{kindName(r.kind)}</span> {r.title}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={chosen.has(r.id)}
                onClick={() => add([{ id: r.id, title: r.title, kind: r.kind, tlp: r.tlp }])}
              >
                {chosen.has(r.id) ? "Added" : "Add"}
                <span className="visually-hidden"> “{r.title}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
    </fieldset>
  );
}
